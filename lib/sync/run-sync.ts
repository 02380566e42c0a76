/**
 * One sync: fetch policies and devices, count them, store a snapshot. At most one sync runs at a
 * time in a worker; a second request while one runs gets the running one's result. A failure
 * leaves the last good snapshot untouched and records the error for the popup.
 */
import { createAddigyClient, type AddigyClient } from '../addigy/client';
import { countDevices } from '../counting/count-devices';
import { log } from '../log/logger';
import { loadSettings } from '../settings/settings';
import type { Credentials } from '../vault/credentials';
import { loadCredentials } from '../vault/vault';
import type { FetchWarning, Snapshot } from './snapshot';
import { saveSnapshot } from './snapshot-store';
import { loadSyncStatus, saveSyncStatus, type SyncStatus } from './sync-status';

export interface SyncDependencies {
  loadCredentials: () => Promise<Credentials | null>;
  createClient: (credentials: Credentials) => AddigyClient;
  now: () => number;
}

const defaultDependencies: SyncDependencies = {
  loadCredentials,
  createClient: createAddigyClient,
  now: Date.now,
};

let running: Promise<Snapshot> | undefined;

/** Runs a sync, or joins the one already running. Rejects with a message worded for the user. */
export function runSync(dependencies = defaultDependencies): Promise<Snapshot> {
  running ??= syncOnce(dependencies).finally(() => {
    running = undefined;
  });
  return running;
}

async function syncOnce(dependencies: SyncDependencies): Promise<Snapshot> {
  const runId = crypto.randomUUID().slice(0, 8);
  const startedAt = dependencies.now();
  let status: SyncStatus = {
    ...(await loadSyncStatus()),
    state: 'running',
    runId,
    startedAt,
    pagesFetched: 0,
    pagesExpected: null,
  };
  await saveSyncStatus(status);
  log.info(`Sync ${runId} started.`);
  try {
    const snapshot = await fetchAndCount(dependencies, (pagesFetched, pagesExpected) => {
      status = { ...status, pagesFetched, pagesExpected };
      void saveSyncStatus(status);
    });
    snapshot.id = await saveSnapshot(snapshot);
    const finishedAt = dependencies.now();
    await saveSyncStatus({ ...status, state: 'idle', finishedAt, error: null });
    log.info(`Sync ${runId} finished in ${finishedAt - startedAt} ms.`);
    return snapshot;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await saveSyncStatus({
      ...status,
      state: 'failed',
      finishedAt: dependencies.now(),
      error: message,
    });
    log.error(`Sync ${runId} failed.`, error);
    throw error instanceof Error ? error : new Error(message);
  }
}

async function fetchAndCount(
  dependencies: SyncDependencies,
  onPage: (pagesFetched: number, pagesExpected: number | null) => void,
): Promise<Snapshot> {
  const startedAt = dependencies.now();
  const credentials = await dependencies.loadCredentials();
  if (!credentials) {
    throw new Error(
      'Addigy is not connected. Open the options, enter your API credentials and click Authenticate.',
    );
  }
  const settings = await loadSettings();
  const client = dependencies.createClient(credentials);
  const policies = await client.fetchPolicies();
  const fetched = await client.fetchDevices((progress) =>
    onPage(progress.pagesFetched, progress.pagesExpected),
  );
  const counts = countDevices(policies, fetched.devices, {
    accountLevel: settings.accountLevel,
    staleAfterDays: settings.staleAfterDays,
    now: dependencies.now(),
  });
  const fetchWarnings: FetchWarning[] = [];
  if (fetched.reportedTotal !== null && fetched.reportedTotal !== fetched.devices.length) {
    fetchWarnings.push({
      kind: 'totalMismatch',
      reported: fetched.reportedTotal,
      received: fetched.devices.length,
    });
  }
  if (fetched.repeatedAgentIds > 0) {
    fetchWarnings.push({ kind: 'repeatedAgentIds', count: fetched.repeatedAgentIds });
  }
  const finishedAt = dependencies.now();
  return {
    createdAt: finishedAt,
    durationMs: finishedAt - startedAt,
    apiVersion: credentials.apiVersion,
    counts,
    fetchWarnings,
  };
}
