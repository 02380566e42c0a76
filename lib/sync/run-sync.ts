/**
 * One sync: fetch policies and devices, count them, store a snapshot. At most one sync runs at a
 * time in a worker; a second request while one runs gets the running one's result. Each fetched
 * page is persisted, so a sync interrupted by a stopped worker resumes from its last page (see
 * `resumeInterruptedSync`). A failure leaves the last good snapshot untouched, discards the
 * run, and records the error for the popup.
 */
import { createAddigyClient, type AddigyClient } from '../addigy/client';
import { defaultHttpContext } from '../addigy/http';
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
import { afterSnapshotCommit } from './after-commit';
import { buildMembership } from './device-changes';
import { loadLatestSnapshot } from './snapshot-store';
import { loadSyncStatus, saveSyncStatus } from './sync-status';
import { recordSyncHistory, type SyncHistoryEntry } from './sync-history';
import { describeSnapshotWarnings } from './warning-text';

export interface SyncDependencies {
  loadCredentials: () => Promise<Credentials | null>;
  /** `signal` aborts the client's requests when the sync is cancelled. */
  createClient: (credentials: Credentials, signal: AbortSignal) => AddigyClient;
  now: () => number;
}

const defaultDependencies: SyncDependencies = {
  loadCredentials,
  createClient: (credentials, signal) =>
    createAddigyClient(credentials, { ...defaultHttpContext, signal }),
  now: Date.now,
};

/**
 * The maximum time a sync may take. A 100,000-device fleet takes about 35 s within the default
 * budget, so this only stops a response that never ends.
 */
const SYNC_DEADLINE_MS = 2 * 60 * 60_000;

let running: Promise<Snapshot> | undefined;
let cancelRunning: AbortController | undefined;
/** Abort reasons given by `cancelSync`, which the history records as cancelled, not failed. */
const cancelReasons = new WeakSet<object>();

/**
 * Stops the running sync, if any, with `reason` as its error, and resolves once it has stopped.
 * No snapshot is written for it; the last good one stays.
 */
export async function cancelSync(reason: string): Promise<void> {
  if (!running) return;
  const error = new Error(reason);
  cancelReasons.add(error);
  cancelRunning?.abort(error);
  await running.catch(() => undefined);
}

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
  const cancel = new AbortController();
  cancelRunning = cancel;
  const deadline = setTimeout(
    () =>
      cancel.abort(
        new Error(
          'The sync took longer than 2 hours and was stopped. Sync again; if it happens again, check the API URL.',
        ),
      ),
    SYNC_DEADLINE_MS,
  );
  try {
    return await syncWithSignal(dependencies, resume, cancel.signal);
  } finally {
    clearTimeout(deadline);
    if (cancelRunning === cancel) cancelRunning = undefined;
  }
}

async function syncWithSignal(
  dependencies: SyncDependencies,
  resume: boolean,
  signal: AbortSignal,
): Promise<Snapshot> {
  let status = await loadSyncStatus();
  const now = dependencies.now();
  // A refusal while blocked adds no history entry: no run starts, and each scheduled sync until
  // the block ends would otherwise add one.
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
  const received = { devices: 0 };
  const history = (outcome: Omit<SyncHistoryEntry, 'runId' | 'apiVersion' | 'startedAt'>) =>
    recordFinishedSync({
      runId: run.runId,
      apiVersion: run.apiVersion,
      // A resumed run keeps the time it first started.
      startedAt: run.startedAt,
      ...outcome,
    });
  try {
    if (!credentials) {
      throw new Error(
        'Addigy is not connected. Open the options, enter your API credentials and click Authenticate.',
      );
    }
    const { snapshot, membership } = await fetchAndCount(
      dependencies,
      credentials,
      settings,
      run,
      signal,
      received,
      (fetched, expected) => {
        status = { ...status, pagesFetched: fetched, pagesExpected: expected };
        void saveSyncStatus(status);
      },
    );
    const previous = await loadLatestSnapshot();
    snapshot.id = await commitSnapshot(snapshot, settings.snapshotsKept, membership);
    await afterSnapshotCommit(previous, snapshot);
    const finishedAt = dependencies.now();
    await saveSyncStatus({ ...status, state: 'idle', finishedAt, error: null, blockedUntil: null });
    log.info(`Sync ${run.runId} finished in ${finishedAt - run.startedAt} ms.`);
    await history({
      finishedAt,
      outcome: 'succeeded',
      pagesFetched: status.pagesFetched,
      devicesReceived: snapshot.counts.recordsReceived,
      error: null,
      warnings: describeSnapshotWarnings(snapshot),
    });
    return snapshot;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const blockedUntil =
      error instanceof AddigyError && error.kind === 'blocked' ? error.retryAt : null;
    await discardRun();
    const finishedAt = dependencies.now();
    await saveSyncStatus({ ...status, state: 'failed', finishedAt, error: message, blockedUntil });
    const cancelled = signal.aborted && cancelReasons.has(signal.reason as object);
    log.error(`Sync ${run.runId} ${cancelled ? 'was cancelled' : 'failed'}.`, error);
    await history({
      finishedAt,
      outcome: cancelled ? 'cancelled' : 'failed',
      pagesFetched: status.pagesFetched,
      devicesReceived: received.devices,
      error: message,
      warnings: [],
    });
    throw error instanceof Error ? error : new Error(message);
  }
}

/** Adds the finished run to the diagnostics. A failing write is logged and not thrown. */
async function recordFinishedSync(entry: SyncHistoryEntry): Promise<void> {
  try {
    await recordSyncHistory(entry);
  } catch (error) {
    log.warn(`Could not record sync ${entry.runId} in the sync history.`, error);
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
  signal: AbortSignal,
  received: { devices: number },
  onPage: (pagesFetched: number, pagesExpected: number | null) => void,
): Promise<{ snapshot: Snapshot; membership: ReturnType<typeof buildMembership> }> {
  const client = dependencies.createClient(credentials, signal);
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
        received.devices += page.devices.length;
        await savePage(run, { runId: run.runId, page: page.page, devices: page.devices });
      },
    },
  );
  // A cancellation that lands after the last request must still keep the snapshot out.
  signal.throwIfAborted();
  rejectMostlyMissingDevices(fetched.reportedTotal, fetched.devices.length);
  const counts = countDevices(run.policies, fetched.devices, {
    accountLevel: settings.accountLevel,
    staleAfterDays: settings.staleAfterDays,
    now: dependencies.now(),
  });
  const finishedAt = dependencies.now();
  const snapshot: Snapshot = {
    createdAt: finishedAt,
    durationMs: finishedAt - run.startedAt,
    apiVersion: credentials.apiVersion,
    counts,
    fetchWarnings: fetchWarningsOf(fetched),
  };
  return { snapshot, membership: buildMembership(counts, fetched.devices) };
}

/**
 * Below this share of the devices Addigy reported, a sync fails instead of committing counts:
 * empty or missing pages would otherwise replace good counts with low ones. A smaller gap is a
 * warning, because devices enrolled or removed during the sync move the total a little.
 */
export const MIN_RECEIVED_SHARE = 0.5;

function rejectMostlyMissingDevices(reportedTotal: number | null, received: number): void {
  if (reportedTotal === null || reportedTotal <= 0) return;
  if (received >= reportedTotal * MIN_RECEIVED_SHARE) return;
  throw new Error(
    `Addigy reported ${reportedTotal} devices but sent ${received}, so the counts were not updated and the last good counts are kept. Click Sync now to try again; if it happens again, check Addigy's status.`,
  );
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
  const finishedAt = dependencies.now();
  const error =
    'The last sync was interrupted when the browser stopped the extension. Click Sync now to run it again.';
  await saveSyncStatus({ ...status, state: 'failed', finishedAt, error });
  await recordFinishedSync({
    runId: status.runId ?? run?.runId ?? 'unknown',
    apiVersion: run?.apiVersion ?? (await loadSettings()).apiVersion,
    startedAt: run?.startedAt ?? status.startedAt ?? finishedAt,
    finishedAt,
    outcome: 'failed',
    pagesFetched: status.pagesFetched,
    // The stored pages were discarded without being counted.
    devicesReceived: 0,
    error,
    warnings: [],
  });
}
