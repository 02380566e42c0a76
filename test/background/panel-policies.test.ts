import { describe, expect, it } from 'vitest';
import { panelPoliciesOf } from '../../lib/background/panel-policies';
import { countDevices } from '../../lib/counting/count-devices';
import type { Snapshot } from '../../lib/sync/snapshot';
import { device, policy } from '../helpers/devices';

const NOW = Date.parse('2026-12-01T00:00:00Z');

const snapshot: Snapshot = {
  createdAt: NOW,
  durationMs: 5,
  apiVersion: 'v2',
  fetchWarnings: [],
  counts: countDevices(
    [
      policy('z', 'Zephyr Labs'),
      policy('a', 'Acme Dental'),
      policy('a1', 'Acme Dental - Kiosks', 'a'),
      policy('e', 'Empty Co'),
    ],
    [
      device({ agentId: '1', policyId: 'a', productName: 'MacBookPro18,3', lastOnline: NOW }),
      device({ agentId: '2', policyId: 'a1', productName: 'iPad13,4', lastOnline: NOW }),
      device({ agentId: '3', policyId: 'z', productName: 'iPhone14,2', lastOnline: NOW }),
      device({ agentId: '4', policyId: 'gone', productName: 'iPhone14,2', lastOnline: NOW }),
    ],
    { accountLevel: { kind: 'roots' }, staleAfterDays: 30, now: NOW },
  ),
};

describe('panelPoliciesOf', () => {
  it('lists account policies with rolled-up totals', () => {
    expect(panelPoliciesOf(snapshot)).toEqual([
      { policyId: 'a', name: 'Acme Dental', total: 2 },
      { policyId: 'e', name: 'Empty Co', total: 0 },
      { policyId: 'z', name: 'Zephyr Labs', total: 1 },
    ]);
  });

  it('leaves out child policies', () => {
    const ids = panelPoliciesOf(snapshot).map((entry) => entry.policyId);

    expect(ids).not.toContain('a1');
  });

  it('returns an empty list without a snapshot', () => {
    expect(panelPoliciesOf(null)).toEqual([]);
  });
});
