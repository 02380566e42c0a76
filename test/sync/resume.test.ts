import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { RequestBudget } from '../../lib/addigy/budget';
import type { HttpContext } from '../../lib/addigy/http';
import { V2Client } from '../../lib/addigy/v2-client';
import { beginRun, loadCurrentRun, savePage, type SyncRun } from '../../lib/sync/run-store';
import { resumeInterruptedSync, runSync, type SyncDependencies } from '../../lib/sync/run-sync';
import { loadLatestSnapshot } from '../../lib/sync/snapshot-store';
import { listSyncHistory } from '../../lib/sync/sync-history';
import { IDLE_STATUS, loadSyncStatus, saveSyncStatus } from '../../lib/sync/sync-status';
import { generateDemoFleet } from '../../scripts/addigy-server/demo-fleet';
import {
  DEMO_CREDENTIALS,
  startAddigyServer,
  type AddigyServer,
} from '../../scripts/addigy-server/server';
import { useFreshStorage } from '../helpers/fresh-db';

const fleet = generateDemoFleet(3);
let server: AddigyServer;
const http: HttpContext = {
  budget: new RequestBudget(),
  random: () => 0.5,
  sleep: async () => {},
  now: () => Date.now(),
};

beforeAll(async () => {
  server = await startAddigyServer({ fleet });
});
afterAll(() => server.close());

function dependencies(): SyncDependencies {
  return {
    loadCredentials: async () => ({
      apiVersion: 'v2',
      apiUrl: server.url,
      apiKey: DEMO_CREDENTIALS.apiKey,
    }),
    createClient: () => new V2Client(server.url, DEMO_CREDENTIALS.apiKey, http),
    now: () => Date.now(),
  };
}

/** Persists pages 1 and 2 of a run, as a worker stopped after fetching them would leave it. */
async function leaveInterruptedRun(startedAt: number): Promise<SyncRun> {
  const client = new V2Client(server.url, DEMO_CREDENTIALS.apiKey, http);
  const run: SyncRun = {
    runId: 'stopped1',
    startedAt,
    apiVersion: 'v2',
    policies: await client.fetchPolicies(),
    pageCount: null,
    reportedTotal: null,
  };
  await beginRun(run);
  let fetchedPages = 0;
  await client
    .fetchDevices(undefined, {
      onPage: async (page) => {
        if (fetchedPages >= 2) throw new Error('worker stopped');
        fetchedPages++;
        run.pageCount = page.pageCount;
        run.reportedTotal = page.reportedTotal;
        await savePage(run, { runId: run.runId, page: page.page, devices: page.devices });
      },
    })
    .catch(() => undefined);
  // Pages still in flight when the "stop" came finish on the server; let them land first so
  // that they are not counted as requests of the resumed sync.
  await new Promise((resolve) => setTimeout(resolve, 200));
  await saveSyncStatus({ ...IDLE_STATUS, state: 'running', runId: run.runId, startedAt });
  return run;
}

function devicePagesRequested(since: number): number {
  return server.requests.slice(since).filter((request) => request.path === '/api/v2/devices')
    .length;
}

describe('resumeInterruptedSync', () => {
  beforeEach(useFreshStorage);

  it('resumes from the stored pages', async () => {
    const startedAt = Date.now();
    await leaveInterruptedRun(startedAt);
    const since = server.requests.length;
    await resumeInterruptedSync(dependencies());

    const snapshot = await loadLatestSnapshot();
    expect(snapshot?.counts.recordsReceived).toBe(fleet.devices.length);
    expect(snapshot?.fetchWarnings).toEqual([]);
    // The two stored pages are not fetched again, nor are the policies.
    expect(devicePagesRequested(since)).toBe(Math.ceil(fleet.devices.length / 100) - 2);
    expect(server.requests.slice(since).some((r) => r.path.includes('policies'))).toBe(false);
    expect(await loadCurrentRun()).toBeNull();
    expect((await loadSyncStatus()).state).toBe('idle');
    const history = await listSyncHistory();
    expect(history).toHaveLength(1);
    expect(history[0]?.outcome).toBe('succeeded');
    expect(history[0]?.startedAt).toBe(startedAt);
  });

  it('discards a run older than 30 minutes', async () => {
    await leaveInterruptedRun(Date.now() - 31 * 60_000);
    const since = server.requests.length;
    await resumeInterruptedSync(dependencies());
    expect(server.requests.length).toBe(since);
    expect(await loadCurrentRun()).toBeNull();
    expect(await loadLatestSnapshot()).toBeNull();
    expect(await loadSyncStatus()).toMatchObject({ state: 'failed' });
    const [recorded] = await listSyncHistory();
    expect(recorded?.outcome).toBe('failed');
    expect(recorded?.error).toContain('The last sync was interrupted');
  });

  it('does nothing after a finished sync', async () => {
    await saveSyncStatus({ ...IDLE_STATUS, finishedAt: 1 });
    const since = server.requests.length;
    await resumeInterruptedSync(dependencies());
    expect(server.requests.length).toBe(since);
  });
});

describe('runSync block', () => {
  beforeEach(useFreshStorage);

  it('refuses to sync while Addigy blocks the key', async () => {
    await saveSyncStatus({ ...IDLE_STATUS, blockedUntil: Date.now() + 3_600_000 });
    const since = server.requests.length;
    await expect(runSync(dependencies())).rejects.toThrow('Syncing is paused until');
    expect(server.requests.length).toBe(since);
  });

  it('records the block from a 429 that suggests it', async () => {
    const blocking = await startAddigyServer({
      fleet,
      faults: () => ({ status: 429, retryAfterSeconds: 86_400 }),
    });
    try {
      const deps = {
        ...dependencies(),
        createClient: () => new V2Client(blocking.url, DEMO_CREDENTIALS.apiKey, http),
      };
      await expect(runSync(deps)).rejects.toThrow('blocked this API key');
      expect(blocking.requests).toHaveLength(1);
      const status = await loadSyncStatus();
      expect(status.state).toBe('failed');
      expect(status.blockedUntil).toBeGreaterThan(Date.now() + 86_000_000);
    } finally {
      await blocking.close();
    }
  });
});
