import { beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { countDevices } from '../../lib/counting/count-devices';
import { saveAccountMapping, type AccountMapping } from '../../lib/mapping/account-mapping';
import { saveObservation, type AgreementObservation } from '../../lib/mapping/observations';
import { refreshActionBadge } from '../../lib/reconciliation/action-badge';
import { countOffAgreements, reconcile } from '../../lib/reconciliation/reconcile';
import { commitSnapshot } from '../../lib/sync/run-store';
import type { Snapshot } from '../../lib/sync/snapshot';
import { useFreshStorage } from '../helpers/fresh-db';
import { device, policy } from '../helpers/devices';

const NOW = Date.parse('2026-12-01T00:00:00Z');
const SNAPSHOT: Snapshot = {
  createdAt: NOW,
  durationMs: 1,
  apiVersion: 'v2',
  fetchWarnings: [],
  counts: countDevices(
    [policy('a', 'Acme'), policy('a1', 'Acme Kiosks', 'a'), policy('o', 'Oakridge')],
    [
      device({ agentId: '1', policyId: 'a', productName: 'Mac14,2' }),
      device({ agentId: '2', policyId: 'a1', productName: 'iPhone15,2' }),
      device({ agentId: '3', policyId: 'a1', productName: 'iPhone15,2' }),
      device({ agentId: '4', policyId: 'o', productName: 'Mac14,2' }),
    ],
    { accountLevel: { kind: 'roots' }, staleAfterDays: 30, now: NOW },
  ),
};

function mapping(companyId: string, policyId: string): AccountMapping {
  const key = `connectwise|na.myconnectwise.net|company:${companyId}`;
  return {
    key,
    psa: 'connectwise',
    host: 'na.myconnectwise.net',
    companyId,
    agreementId: null,
    companyName: `Company ${companyId}`,
    policyId,
    policyName: policyId,
    updatedAt: 0,
  };
}

function observation(
  companyId: string,
  policyId: string,
  billed: AgreementObservation['billed'],
): AgreementObservation {
  const { key, psa, host, companyName } = mapping(companyId, policyId);
  return { key, psa, host, companyName, policyId, billed, observedAt: NOW };
}

describe('reconcile', () => {
  it('compares billed quantities per service', () => {
    const result = reconcile(
      SNAPSHOT,
      [mapping('1', 'a')],
      [observation('1', 'a', { macOS: 1, iOS: 3 })],
    );
    expect(result.a?.agreements[0]?.services).toEqual([
      { service: 'macOS', billed: 1, count: 1, difference: 0 },
      { service: 'iOS', billed: 3, count: 2, difference: -1 },
    ]);
    expect(result.a?.billed).toBe(4);
    expect(result.a?.count).toBe(3);
    expect(result.a?.difference).toBe(-1);
    expect(result.a?.off).toBe(true);
  });

  it('marks a mapping without observation as mapped', () => {
    const result = reconcile(SNAPSHOT, [mapping('1', 'o')], []);
    expect(result.o).toEqual({
      mapped: true,
      agreements: [],
      billed: null,
      count: null,
      difference: null,
      off: false,
    });
  });

  it('ignores observations without a mapping', () => {
    expect(reconcile(SNAPSHOT, [], [observation('1', 'a', { total: 9 })])).toEqual({});
  });

  it('ignores mappings to a missing policy', () => {
    expect(reconcile(SNAPSHOT, [mapping('1', 'gone')], [])).toEqual({});
  });

  it('returns nothing without a snapshot', () => {
    expect(reconcile(null, [mapping('1', 'a')], [])).toEqual({});
  });

  it('counts off agreements, not services', () => {
    const result = reconcile(
      SNAPSHOT,
      [mapping('1', 'a'), mapping('2', 'a'), mapping('3', 'o')],
      [
        observation('1', 'a', { macOS: 5, iOS: 5 }),
        observation('2', 'a', { total: 3 }),
        observation('3', 'o', { total: 2 }),
      ],
    );
    expect(countOffAgreements(result)).toBe(2);
  });
});

describe('reconcile with hostile policy ids', () => {
  it('skips a mapping to a policy id the snapshot lacks', () => {
    for (const policyId of ['constructor', '__proto__', 'toString']) {
      const result = reconcile(
        SNAPSHOT,
        [mapping('1', policyId)],
        [observation('1', policyId, { total: 2 })],
      );
      expect(Object.keys(result), policyId).toEqual([]);
    }
  });
});

describe('refreshActionBadge', () => {
  let text: Mock<(details: { text: string | null }) => Promise<void>>;
  let title: Mock<(details: { title: string | null }) => Promise<void>>;

  beforeEach(async () => {
    await useFreshStorage();
    text = vi.fn(async (_details: { text: string | null }) => {});
    title = vi.fn(async (_details: { title: string | null }) => {});
    vi.spyOn(fakeBrowser.action, 'setBadgeText').mockImplementation(text);
    vi.spyOn(fakeBrowser.action, 'setBadgeBackgroundColor').mockResolvedValue();
    vi.spyOn(fakeBrowser.action, 'setTitle').mockImplementation(title);
  });

  it('clears the badge when nothing is known', async () => {
    expect(await refreshActionBadge()).toBe(0);
    expect(text).toHaveBeenLastCalledWith({ text: '' });
  });

  it('shows the number of off agreements', async () => {
    await commitSnapshot(SNAPSHOT, 5);
    for (const [companyId, policyId] of [
      ['1', 'a'],
      ['2', 'o'],
    ] as const) {
      const { key: _key, updatedAt: _updatedAt, ...input } = mapping(companyId, policyId);
      await saveAccountMapping(input);
    }
    await saveObservation(observation('1', 'a', { total: 2 }));
    await saveObservation(observation('2', 'o', { macOS: 1 }));
    expect(await refreshActionBadge()).toBe(1);
    expect(text).toHaveBeenLastCalledWith({ text: '1' });
    expect(title).toHaveBeenLastCalledWith({
      title: 'Addigy Counts for PSA: 1 mapped agreement bills a different quantity',
    });

    await saveObservation(observation('1', 'a', { total: 3 }));
    expect(await refreshActionBadge()).toBe(0);
    expect(text).toHaveBeenLastCalledWith({ text: '' });
  });
});
