/**
 * The sync in flight, persisted page by page, so that a service worker stopped mid-sync can
 * resume on its next start instead of starting over. Nothing here is ever shown as data: only
 * `commitSnapshot` turns a finished run into a snapshot, in one transaction with the run's
 * deletion, so a stopped worker leaves either the old snapshot and the run, or the new snapshot
 * and no run.
 */
import type { ResumePoint } from '../addigy/client';
import type { DeviceRecord, Policy } from '../addigy/types';
import { openExtensionDb } from '../storage/db';
import type { Snapshot } from './snapshot';
import { diffMembership, type DeviceMembership } from './device-changes';

const CURRENT = 'current';
const MEMBERSHIP_KEY = 'latest';

/** A run older than this is discarded on start-up, because the fleet may have changed since. */
export const RUN_MAX_AGE_MS = 30 * 60_000;

export interface SyncRun {
  runId: string;
  startedAt: number;
  apiVersion: 'v1' | 'v2';
  /** The policies, once fetched; a resumed run does not fetch them again. */
  policies: Policy[] | null;
  pageCount: number | null;
  reportedTotal: number | null;
}

export interface StoredPage {
  runId: string;
  page: number;
  devices: DeviceRecord[];
}

export async function loadCurrentRun(): Promise<SyncRun | null> {
  const db = await openExtensionDb();
  return (await db.get('syncRuns', CURRENT)) ?? null;
}

/** Starts a new run, discarding any earlier one and its pages. */
export async function beginRun(run: SyncRun): Promise<void> {
  await discardRun();
  const db = await openExtensionDb();
  await db.put('syncRuns', run, CURRENT);
}

export async function updateRun(run: SyncRun): Promise<void> {
  const db = await openExtensionDb();
  await db.put('syncRuns', run, CURRENT);
}

/** Stores one fetched page and the page count it reported, in one transaction. */
export async function savePage(run: SyncRun, page: StoredPage): Promise<void> {
  const db = await openExtensionDb();
  const transaction = db.transaction(['syncRuns', 'syncPages'], 'readwrite');
  await transaction.objectStore('syncPages').put(page);
  await transaction.objectStore('syncRuns').put(run, CURRENT);
  await transaction.done;
}

/** Reads the pages a run has stored, for resuming it. */
export async function loadResumePoint(run: SyncRun): Promise<ResumePoint | undefined> {
  if (run.pageCount === null || run.reportedTotal === null) return undefined;
  const db = await openExtensionDb();
  const stored = await db.getAllFromIndex('syncPages', 'byRun', run.runId);
  if (stored.length === 0) return undefined;
  return {
    pages: new Map(stored.map((page) => [page.page, page.devices])),
    pageCount: run.pageCount,
    reportedTotal: run.reportedTotal,
  };
}

export async function discardRun(): Promise<void> {
  const db = await openExtensionDb();
  const transaction = db.transaction(['syncRuns', 'syncPages'], 'readwrite');
  await transaction.objectStore('syncRuns').delete(CURRENT);
  await transaction.objectStore('syncPages').clear();
  await transaction.done;
}

/**
 * Adds `snapshot`, prunes snapshots beyond `keep`, and deletes the finished run with its pages,
 * all in one transaction. With `membership`, the snapshot also gets the devices added and
 * removed per account policy since the stored membership, which it then replaces, in the same
 * transaction, so a stopped worker cannot leave the two out of step.
 */
export async function commitSnapshot(
  snapshot: Snapshot,
  keep: number,
  membership?: Omit<DeviceMembership, 'snapshotId'>,
): Promise<number> {
  const db = await openExtensionDb();
  const transaction = db.transaction(
    ['snapshots', 'syncRuns', 'syncPages', 'deviceMembership'],
    'readwrite',
  );
  const snapshots = transaction.objectStore('snapshots');
  // IndexedDB rejects an explicit undefined key, so the id is left out for it to assign.
  const { id: _id, ...record } = snapshot;
  if (membership) {
    const previous = await transaction.objectStore('deviceMembership').get(MEMBERSHIP_KEY);
    if (previous) record.changes = diffMembership(previous, membership);
    snapshot.changes = record.changes;
  }
  const id = await snapshots.add(record);
  if (membership) {
    await transaction
      .objectStore('deviceMembership')
      .put({ snapshotId: id, ...membership }, MEMBERSHIP_KEY);
  }
  const keys = await snapshots.getAllKeys();
  for (const key of keys.slice(0, Math.max(0, keys.length - keep))) {
    await snapshots.delete(key);
  }
  await transaction.objectStore('syncRuns').delete(CURRENT);
  await transaction.objectStore('syncPages').clear();
  await transaction.done;
  return id;
}
