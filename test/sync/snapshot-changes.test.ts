import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { AddigyClient } from '../../lib/addigy/client';
import type { DeviceRecord } from '../../lib/addigy/types';
import { runSync, type SyncDependencies } from '../../lib/sync/run-sync';
import { commitSnapshot } from '../../lib/sync/run-store';
import type { Snapshot } from '../../lib/sync/snapshot';
import { loadLatestSnapshot } from '../../lib/sync/snapshot-store';
import { loadTrends } from '../../lib/sync/snapshot-trends';
import { countDevices } from '../../lib/counting/count-devices';
import { useFreshStorage } from '../helpers/fresh-db';
import { device, policy } from '../helpers/devices';

const NOW = Date.parse('2026-12-01T00:00:00Z');
const credentials = { apiVersion: 'v2', apiUrl: 'https://api.addigy.com', apiKey: 'k' } as const;
const POLICIES = [policy('a', 'Acme'), policy('a1', 'Acme Kiosks', 'a'), policy('o', 'Oakridge')];

function dependencies(devices: DeviceRecord[]): SyncDependencies {
  const client: AddigyClient = {
    authenticate: async () => ({ permissions: [], orgId: null }),
    fetchPolicies: async () => POLICIES,
    fetchDevices: async () => ({ devices, repeatedAgentIds: 0, reportedTotal: devices.length }),
  };
  return { loadCredentials: async () => credentials, createClient: () => client, now: () => NOW };
}

describe('snapshot changes', () => {
  beforeEach(async () => {
    await useFreshStorage();
    // The fake browser has no action API; the badge is tested on its own.
    vi.spyOn(fakeBrowser.action, 'setBadgeText').mockResolvedValue();
    vi.spyOn(fakeBrowser.action, 'setTitle').mockResolvedValue();
    vi.spyOn(fakeBrowser.action, 'setBadgeBackgroundColor').mockResolvedValue();
  });

  it('first sync stores no changes', async () => {
    await runSync(dependencies([device({ agentId: '1', policyId: 'a' })]));
    expect((await loadLatestSnapshot())?.changes).toBeUndefined();
  });

  it('second sync stores added and removed devices', async () => {
    await runSync(
      dependencies([
        device({ agentId: '1', serialNumber: 'S1', policyId: 'a1', deviceName: 'Kiosk 1' }),
        device({ agentId: '2', serialNumber: 'S2', policyId: 'o' }),
      ]),
    );
    await runSync(
      dependencies([
        device({ agentId: '2', serialNumber: 'S2', policyId: 'o' }),
        device({ agentId: '3', serialNumber: 'S3', policyId: 'a', deviceName: 'New Mac' }),
        device({ agentId: '4', serialNumber: 'S4', policyId: 'a1', deviceName: 'Kiosk 2' }),
      ]),
    );
    const stored = await loadLatestSnapshot();
    expect(stored?.changes).toEqual({
      a: { added: 2, removed: 1, addedNames: ['New Mac', 'Kiosk 2'], removedNames: ['Kiosk 1'] },
    });
  });

  it('snapshot without changes still loads', async () => {
    const old: Snapshot = {
      createdAt: NOW,
      durationMs: 1,
      apiVersion: 'v2',
      counts: countDevices(POLICIES, [], {
        accountLevel: { kind: 'roots' },
        staleAfterDays: 30,
        now: NOW,
      }),
      fetchWarnings: [],
    };
    await commitSnapshot(old, 5);
    const stored = await loadLatestSnapshot();
    expect(stored?.changes).toBeUndefined();
    expect(stored?.counts.accountIds).toEqual(['a', 'o']);
  });

  it('trends list totals oldest first', async () => {
    await runSync(dependencies([device({ agentId: '1', policyId: 'a' })]));
    await runSync(
      dependencies([
        device({ agentId: '1', policyId: 'a' }),
        device({ agentId: '2', policyId: 'a1' }),
      ]),
    );
    expect(await loadTrends(['a', 'o', 'gone'])).toEqual({
      a: [1, 2],
      o: [0, 0],
      gone: [null, null],
    });
    expect((await loadTrends(['a'], 1)).a).toEqual([2]);
  });
});
