import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AddigyClient } from '../../lib/addigy/client';
import { AddigyError } from '../../lib/addigy/errors';
import { runSync, type SyncDependencies } from '../../lib/sync/run-sync';
import { commitSnapshot } from '../../lib/sync/run-store';
import { loadLatestSnapshot } from '../../lib/sync/snapshot-store';
import type { Snapshot } from '../../lib/sync/snapshot';
import { loadSyncStatus } from '../../lib/sync/sync-status';
import { useFreshStorage } from '../helpers/fresh-db';
import { device, policy } from '../helpers/devices';

const NOW = Date.parse('2026-12-01T00:00:00Z');
const credentials = { apiVersion: 'v2', apiUrl: 'https://api.addigy.com', apiKey: 'k' } as const;

function fakeClient(overrides: Partial<AddigyClient> = {}): AddigyClient {
  return {
    authenticate: async () => ({ permissions: ['View Devices'], orgId: null }),
    fetchPolicies: async () => [policy('a', 'Acme'), policy('a1', 'Acme Kiosks', 'a')],
    fetchDevices: async (onProgress) => {
      onProgress?.({ pagesFetched: 1, pagesExpected: 1 });
      return {
        devices: [
          device({ agentId: '1', policyId: 'a1', productName: 'iPad8,3', lastOnline: NOW }),
          device({ agentId: '2', policyId: 'a', productName: 'Macmini9,1', lastOnline: NOW }),
        ],
        repeatedAgentIds: 0,
        reportedTotal: 3,
      };
    },
    ...overrides,
  };
}

function dependencies(client: AddigyClient, stored = credentials): SyncDependencies {
  return { loadCredentials: async () => stored, createClient: () => client, now: () => NOW };
}

describe('runSync', () => {
  beforeEach(useFreshStorage);

  it('stores a snapshot with rolled-up counts', async () => {
    const snapshot = await runSync(dependencies(fakeClient()));
    const stored = await loadLatestSnapshot();
    expect(stored?.id).toBe(snapshot.id);
    expect(stored?.counts.accountIds).toEqual(['a']);
    expect(stored?.counts.policies.a?.rolledUp.total).toBe(2);
    expect(stored?.counts.policies.a?.direct.total).toBe(1);
    expect(stored?.fetchWarnings).toEqual([{ kind: 'totalMismatch', reported: 3, received: 2 }]);
    expect(await loadSyncStatus()).toMatchObject({
      state: 'idle',
      error: null,
      pagesFetched: 1,
      pagesExpected: 1,
    });
  });

  it('mostly missing devices fail and keep the last snapshot', async () => {
    const first = await runSync(dependencies(fakeClient()));
    const emptyPages = fakeClient({
      fetchDevices: async () => ({ devices: [], repeatedAgentIds: 0, reportedTotal: 1000 }),
    });

    await expect(runSync(dependencies(emptyPages))).rejects.toThrow(
      'Addigy reported 1000 devices but sent 0, so the counts were not updated',
    );
    expect((await loadLatestSnapshot())?.id).toBe(first.id);
    expect((await loadSyncStatus()).state).toBe('failed');
  });

  it('failure keeps the last snapshot', async () => {
    const first = await runSync(dependencies(fakeClient()));
    const failing = fakeClient({
      fetchDevices: async () => {
        throw new AddigyError(
          'server',
          'Addigy had a server error (500) at POST /devices.',
          'POST /devices',
          500,
        );
      },
    });
    await expect(runSync(dependencies(failing))).rejects.toThrow('server error (500)');
    expect((await loadLatestSnapshot())?.id).toBe(first.id);
    expect(await loadSyncStatus()).toMatchObject({
      state: 'failed',
      error: 'Addigy had a server error (500) at POST /devices.',
    });
  });

  it('without credentials says how to connect', async () => {
    await expect(
      runSync({ ...dependencies(fakeClient()), loadCredentials: async () => null }),
    ).rejects.toThrow('Addigy is not connected. Open the options');
    expect(await loadLatestSnapshot()).toBeNull();
  });

  it('joins a sync already running', async () => {
    const fetchPolicies = vi.fn(fakeClient().fetchPolicies);
    const client = fakeClient({ fetchPolicies });
    const [first, second] = await Promise.all([
      runSync(dependencies(client)),
      runSync(dependencies(client)),
    ]);
    expect(first).toBe(second);
    expect(fetchPolicies).toHaveBeenCalledTimes(1);
  });
});

describe('commitSnapshot', () => {
  beforeEach(useFreshStorage);

  it('keeps only the newest snapshots', async () => {
    const snapshot = (await runSync(dependencies(fakeClient()))) as Snapshot;
    for (let index = 0; index < 5; index++) {
      await commitSnapshot({ ...snapshot, createdAt: NOW + index }, 3);
    }
    const latest = await loadLatestSnapshot();
    expect(latest?.createdAt).toBe(NOW + 4);
    const { openExtensionDb } = await import('../../lib/storage/db');
    const all = await (await openExtensionDb()).getAll('snapshots');
    expect(all.map((stored) => stored.createdAt)).toEqual([NOW + 2, NOW + 3, NOW + 4]);
  });
});
