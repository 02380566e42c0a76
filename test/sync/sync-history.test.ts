import { beforeEach, describe, expect, it } from 'vitest';
import type { AddigyClient } from '../../lib/addigy/client';
import { AddigyError } from '../../lib/addigy/errors';
import { cancelSync, runSync, type SyncDependencies } from '../../lib/sync/run-sync';
import {
  SYNC_HISTORY_KEPT,
  listSyncHistory,
  recordSyncHistory,
  type SyncHistoryEntry,
} from '../../lib/sync/sync-history';
import { useFreshStorage } from '../helpers/fresh-db';
import { device, policy } from '../helpers/devices';

const NOW = Date.parse('2026-12-01T00:00:00Z');
const credentials = { apiVersion: 'v2', apiUrl: 'https://api.addigy.com', apiKey: 'k' } as const;

function entry(runId: string): SyncHistoryEntry {
  return {
    runId,
    apiVersion: 'v2',
    startedAt: NOW,
    finishedAt: NOW + 1000,
    outcome: 'succeeded',
    pagesFetched: 1,
    devicesReceived: 2,
    error: null,
    warnings: [],
  };
}

function twoPageClient(overrides: Partial<AddigyClient> = {}): AddigyClient {
  return {
    authenticate: async () => ({ permissions: ['View Devices'], orgId: null }),
    fetchPolicies: async () => [policy('a', 'Acme')],
    fetchDevices: async (onProgress, options) => {
      const pages = [
        [device({ agentId: '1', policyId: 'a', productName: 'Macmini9,1', lastOnline: NOW })],
        [device({ agentId: '2', policyId: 'a', productName: 'iPad8,3', lastOnline: NOW })],
      ];
      for (const [index, devices] of pages.entries()) {
        await options?.onPage?.({ page: index + 1, pageCount: 2, reportedTotal: 3, devices });
        onProgress?.({ pagesFetched: index + 1, pagesExpected: 2 });
      }
      return { devices: pages.flat(), repeatedAgentIds: 0, reportedTotal: 3 };
    },
    ...overrides,
  };
}

function dependencies(client: AddigyClient, times: number[] = [NOW]): SyncDependencies {
  let call = 0;
  return {
    loadCredentials: async () => credentials,
    createClient: () => client,
    now: () => times[Math.min(call++, times.length - 1)]!,
  };
}

describe('sync history store', () => {
  beforeEach(useFreshStorage);

  it('lists entries newest first', async () => {
    await recordSyncHistory(entry('first'));
    await recordSyncHistory(entry('second'));
    expect((await listSyncHistory()).map((item) => item.runId)).toEqual(['second', 'first']);
  });

  it(`keeps the last ${SYNC_HISTORY_KEPT}`, async () => {
    for (let index = 1; index <= SYNC_HISTORY_KEPT + 3; index++) {
      await recordSyncHistory(entry(`run-${index}`));
    }
    const kept = await listSyncHistory();
    expect(kept).toHaveLength(SYNC_HISTORY_KEPT);
    expect(kept[0]?.runId).toBe(`run-${SYNC_HISTORY_KEPT + 3}`);
    expect(kept.at(-1)?.runId).toBe('run-4');
  });
});

describe('runSync history', () => {
  beforeEach(useFreshStorage);

  it('records a success with pages, devices and warnings', async () => {
    await runSync(dependencies(twoPageClient(), [NOW, NOW + 100, NOW + 2500]));
    const [recorded] = await listSyncHistory();
    expect(recorded).toMatchObject({
      apiVersion: 'v2',
      startedAt: NOW,
      finishedAt: NOW + 2500,
      outcome: 'succeeded',
      pagesFetched: 2,
      devicesReceived: 2,
      error: null,
      warnings: [
        'Addigy reported 3 devices but sent 2. Devices may have been added or removed during the sync; sync again to check.',
      ],
    });
  });

  it('records a failure with the pages received before it', async () => {
    const failing = twoPageClient({
      fetchDevices: async (onProgress, options) => {
        const devices = [device({ agentId: '1', policyId: 'a', lastOnline: NOW })];
        await options?.onPage?.({ page: 1, pageCount: 4, reportedTotal: 4, devices });
        onProgress?.({ pagesFetched: 1, pagesExpected: 4 });
        throw new AddigyError('server', 'Addigy had a server error (500).', 'POST /devices', 500);
      },
    });
    await expect(runSync(dependencies(failing))).rejects.toThrow('server error');
    const [recorded] = await listSyncHistory();
    expect(recorded).toMatchObject({
      outcome: 'failed',
      pagesFetched: 1,
      devicesReceived: 1,
      error: 'Addigy had a server error (500).',
      warnings: [],
    });
  });

  it('records a missing connection as failed', async () => {
    const client = twoPageClient();
    await expect(
      runSync({ ...dependencies(client), loadCredentials: async () => null }),
    ).rejects.toThrow('not connected');
    expect((await listSyncHistory())[0]?.outcome).toBe('failed');
  });

  it('records a cancelled sync as cancelled', async () => {
    let started!: () => void;
    const waiting = new Promise<void>((resolve) => (started = resolve));
    const hanging = twoPageClient({
      fetchDevices: () => {
        started();
        return new Promise(() => {});
      },
    });
    const sync = runSync({
      ...dependencies(hanging),
      createClient: (_credentials, signal) => ({
        ...hanging,
        fetchDevices: (...args) =>
          new Promise((_resolve, reject) => {
            signal.addEventListener('abort', () => reject(signal.reason as Error));
            void hanging.fetchDevices(...args);
          }),
      }),
    });
    await waiting;
    await cancelSync('The sync was stopped because the credentials were forgotten.');
    await expect(sync).rejects.toThrow('credentials were forgotten');
    const [recorded] = await listSyncHistory();
    expect(recorded?.outcome).toBe('cancelled');
    expect(recorded?.error).toBe('The sync was stopped because the credentials were forgotten.');
  });
});
