/**
 * One sync: fetch policies and devices, count them, store a snapshot. At most one sync runs at a
 * time in a worker; a second request while one runs gets the running one's result. Each fetched
 * page is persisted, so a sync interrupted by a stopped worker resumes from its last page (see
 * `resumeInterruptedSync`). A failure leaves the last good snapshot untouched, discards the
 * run, and records the error for the popup.
 */
import { createAddigyClient, type AddigyClient } from '../addigy/client';
import { AddigyError } from '../addigy/errors';
import { countDevices } from '../counting/count-devices';
import { log } from '../log/logger';
import { loadSettings, type Settings } from '../settings/settings';
import type { Credentials } from '../vault/credentials';
import { loadCredentials } from '../vault/vault';
import {
  RUN_MAX_AGE_MS,
  beginRun,
  commitSnapshot,
  discardRun,
  loadCurrentRun,
  loadResumePoint,
  savePage,
  updateRun,
  type SyncRun,
} from './run-store';
import type { FetchWarning, Snapshot } from './snapshot';
import { loadSyncStatus, saveSyncStatus } from './sync-status';

export interface SyncDependencies {
  loadCredentials: () => Promise<Credentials | null>;
  createClient: (credentials: Credentials) => AddigyClient;
  now: () => number;
}

const defaultDependencies: SyncDependencies = {
  loadCredentials,
  createClient: (credentials) => createAddigyClient(credentials),
  now: Date.now,
};

let running: Promise<Snapshot> | undefined;

/**
 * Runs a sync, or joins the one already running. With `resume`, continues the persisted run
 * when there is one young enough. Rejects with a message worded for the user.
 */
export function runSync(
  dependencies = defaultDependencies,
  options: { resume?: boolean } = {},
): Promise<Snapshot> {
  running ??= syncOnce(dependencies, options.resume ?? false).finally(() => {
    running = undefined;
  });
  return running;
}

async function syncOnce(dependencies: SyncDependencies, resume: boolean): Promise<Snapshot> {
  let status = await loadSyncStatus();
  const now = dependencies.now();
  if (status.blockedUntil !== null && status.blockedUntil > now) {
    throw new Error(
      `Syncing is paused until ${new Date(status.blockedUntil).toLocaleString()} because Addigy appears to have blocked the API key for exceeding its rate limit. Try again after that.`,
    );
  }
  const credentials = await dependencies.loadCredentials();
  const settings = await loadSettings();
  const run = await openRun(credentials?.apiVersion ?? 'v2', now, resume);
  status = {
    ...status,
    state: 'running',
    runId: run.runId,
    startedAt: now,
    pagesFetched: 0,
    pagesExpected: null,
  };
  await saveSyncStatus(status);
  log.info(`Sync ${run.runId} ${run.policies ? 'resumed' : 'started'}.`);
  try {
    if (!credentials) {
      throw new Error(
        'Addigy is not connected. Open the options, enter your API credentials and click Authenticate.',
      );
    }
    const snapshot = await fetchAndCount(
      dependencies,
      credentials,
      settings,
      run,
      (fetched, expected) => {
        status = { ...status, pagesFetched: fetched, pagesExpected: expected };
        void saveSyncStatus(status);
      },
    );
    snapshot.id = await commitSnapshot(snapshot, settings.snapshotsKept);
    const finishedAt = dependencies.now();
    await saveSyncStatus({ ...status, state: 'idle', finishedAt, error: null, blockedUntil: null });
    log.info(`Sync ${run.runId} finished in ${finishedAt - run.startedAt} ms.`);
    return snapshot;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const blockedUntil =
      error instanceof AddigyError && error.kind === 'blocked' ? error.retryAt : null;
    await discardRun();
    await saveSyncStatus({
      ...status,
      state: 'failed',
      finishedAt: dependencies.now(),
      error: message,
      blockedUntil,
    });
    log.error(`Sync ${run.runId} failed.`, error);
    throw error instanceof Error ? error : new Error(message);
  }
}

/** Returns the persisted run to resume, or begins a new one. */
async function openRun(apiVersion: 'v1' | 'v2', now: number, resume: boolean): Promise<SyncRun> {
  const current = resume ? await loadCurrentRun() : null;
  if (current && current.apiVersion === apiVersion && now - current.startedAt <= RUN_MAX_AGE_MS) {
    return current;
  }
  const run: SyncRun = {
    runId: crypto.randomUUID().slice(0, 8),
    startedAt: now,
    apiVersion,
    policies: null,
    pageCount: null,
    reportedTotal: null,
  };
  await beginRun(run);
  return run;
}

async function fetchAndCount(
  dependencies: SyncDependencies,
  credentials: Credentials,
  settings: Settings,
  run: SyncRun,
  onPage: (pagesFetched: number, pagesExpected: number | null) => void,
): Promise<Snapshot> {
  const client = dependencies.createClient(credentials);
  if (!run.policies) {
    run.policies = await client.fetchPolicies();
    await updateRun(run);
  }
  const fetched = await client.fetchDevices(
    (progress) => onPage(progress.pagesFetched, progress.pagesExpected),
    {
      resume: await loadResumePoint(run),
      onPage: async (page) => {
        run.pageCount = Math.max(run.pageCount ?? 0, page.pageCount);
        run.reportedTotal = page.reportedTotal;
        await savePage(run, { runId: run.runId, page: page.page, devices: page.devices });
      },
    },
  );
  const counts = countDevices(run.policies, fetched.devices, {
    accountLevel: settings.accountLevel,
    staleAfterDays: settings.staleAfterDays,
    now: dependencies.now(),
  });
  const finishedAt = dependencies.now();
  return {
    createdAt: finishedAt,
    durationMs: finishedAt - run.startedAt,
    apiVersion: credentials.apiVersion,
    counts,
    fetchWarnings: fetchWarningsOf(fetched),
  };
}

function fetchWarningsOf(fetched: {
  devices: unknown[];
  reportedTotal: number | null;
  repeatedAgentIds: number;
}): FetchWarning[] {
  const warnings: FetchWarning[] = [];
  if (fetched.reportedTotal !== null && fetched.reportedTotal !== fetched.devices.length) {
    warnings.push({
      kind: 'totalMismatch',
      reported: fetched.reportedTotal,
      received: fetched.devices.length,
    });
  }
  if (fetched.repeatedAgentIds > 0) {
    warnings.push({ kind: 'repeatedAgentIds', count: fetched.repeatedAgentIds });
  }
  return warnings;
}

/**
 * Called at worker start: a status still "running" means the browser stopped the previous worker
 * mid-sync. A persisted run young enough is resumed; otherwise it is discarded and the
 * interruption is recorded for the popup. Never commits a partial snapshot.
 */
export async function resumeInterruptedSync(dependencies = defaultDependencies): Promise<void> {
  const status = await loadSyncStatus();
  if (status.state !== 'running') return;
  const run = await loadCurrentRun();
  if (run && dependencies.now() - run.startedAt <= RUN_MAX_AGE_MS) {
    log.info(`Resuming sync ${run.runId} after the worker stopped.`);
    await runSync(dependencies, { resume: true }).catch(() => undefined);
    return;
  }
  await discardRun();
  await saveSyncStatus({
    ...status,
    state: 'failed',
    finishedAt: dependencies.now(),
    error:
      'The last sync was interrupted when the browser stopped the extension. Click Sync now to run it again.',
  });
}
