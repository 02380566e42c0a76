import { beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { countDevices } from '../../lib/counting/count-devices';
import type { DeviceRecord } from '../../lib/addigy/types';
import { saveAccountMapping } from '../../lib/mapping/account-mapping';
import {
  NOTIFICATION_ID,
  describeCountChanges,
  findCountChanges,
  notifyCountChanges,
  saveNotificationsEnabled,
} from '../../lib/notifications/count-changes';
import type { Snapshot } from '../../lib/sync/snapshot';
import { useFreshStorage } from '../helpers/fresh-db';
import { device, policy } from '../helpers/devices';

const NOW = Date.parse('2026-12-01T00:00:00Z');
const POLICIES = [policy('a', 'Acme'), policy('b', 'Beta'), policy('o', 'Oakridge')];

function snapshotOf(devices: DeviceRecord[], policies = POLICIES): Snapshot {
  return {
    createdAt: NOW,
    durationMs: 1,
    apiVersion: 'v2',
    fetchWarnings: [],
    counts: countDevices(policies, devices, {
      accountLevel: { kind: 'roots' },
      staleAfterDays: 30,
      now: NOW,
    }),
  };
}

const BEFORE = snapshotOf([
  device({ agentId: '1', policyId: 'a' }),
  device({ agentId: '2', policyId: 'o' }),
]);
const AFTER = snapshotOf([
  device({ agentId: '1', policyId: 'a' }),
  device({ agentId: '3', policyId: 'a' }),
  device({ agentId: '4', policyId: 'b' }),
]);

describe('findCountChanges', () => {
  it('lists mapped clients whose total changed', () => {
    expect(findCountChanges(BEFORE, AFTER, new Set(['a', 'b']))).toEqual([
      { policyId: 'a', name: 'Acme', before: 1, after: 2 },
      { policyId: 'b', name: 'Beta', before: 0, after: 1 },
    ]);
  });

  it('ignores unmapped clients', () => {
    expect(findCountChanges(BEFORE, AFTER, new Set(['o']).add('x'))).toEqual([
      { policyId: 'o', name: 'Oakridge', before: 1, after: 0 },
    ]);
    expect(findCountChanges(BEFORE, AFTER, new Set())).toEqual([]);
  });

  it('ignores the first sync', () => {
    expect(findCountChanges(null, AFTER, new Set(['a']))).toEqual([]);
  });

  it('ignores a policy new in this sync', () => {
    const older = snapshotOf([], [policy('o', 'Oakridge')]);
    expect(findCountChanges(older, AFTER, new Set(['a']))).toEqual([]);
  });
});

describe('describeCountChanges', () => {
  it('names a few clients and counts the rest', () => {
    const changes = Array.from({ length: 7 }, (_, index) => ({
      policyId: `p${index}`,
      name: `Client ${index}`,
      before: index,
      after: index + 1,
    }));
    const { title, message } = describeCountChanges(changes);
    expect(title).toBe('Device counts changed for 7 mapped clients');
    expect(message.split('\n')).toEqual([
      'Client 0: 0 → 1 devices',
      'Client 1: 1 → 2 devices',
      'Client 2: 2 → 3 devices',
      'Client 3: 3 → 4 devices',
      'Client 4: 4 → 5 devices',
      'and 2 more; open the popup to see them.',
    ]);
  });
});

describe('notifyCountChanges', () => {
  let create: Mock<(id: string, options: object) => Promise<string>>;
  let granted: boolean;

  beforeEach(async () => {
    await useFreshStorage();
    granted = true;
    create = vi.fn(async (_id: string, _options: object) => NOTIFICATION_ID);
    // The polyfill's types list the id-less overload first; the code passes an id.
    vi.spyOn(fakeBrowser.notifications, 'create').mockImplementation(
      create as unknown as typeof fakeBrowser.notifications.create,
    );
    vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation(async () => granted);
    await saveAccountMapping({
      psa: 'connectwise',
      host: 'na.myconnectwise.net',
      companyId: '250',
      agreementId: null,
      companyName: 'Acme Dental',
      policyId: 'a',
      policyName: 'Acme',
    });
  });

  it('stays silent by default', async () => {
    expect(await notifyCountChanges(BEFORE, AFTER)).toEqual([]);
    expect(create).not.toHaveBeenCalled();
  });

  it('stays silent without the permission', async () => {
    await saveNotificationsEnabled(true);
    granted = false;
    expect(await notifyCountChanges(BEFORE, AFTER)).toEqual([]);
    expect(create).not.toHaveBeenCalled();
  });

  it('notifies about mapped clients when on', async () => {
    await saveNotificationsEnabled(true);
    await notifyCountChanges(BEFORE, AFTER);
    expect(create).toHaveBeenCalledTimes(1);
    expect(create.mock.calls[0]?.[0]).toBe(NOTIFICATION_ID);
    expect(create.mock.calls[0]?.[1]).toMatchObject({
      type: 'basic',
      title: 'Device counts changed for 1 mapped client',
      message: 'Acme: 1 → 2 devices',
    });
  });

  it('stays silent when no mapped count changed', async () => {
    await saveNotificationsEnabled(true);
    await notifyCountChanges(AFTER, AFTER);
    expect(create).not.toHaveBeenCalled();
  });
});
