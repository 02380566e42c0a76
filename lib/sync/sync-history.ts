/**
 * One entry per finished sync, successful or not, for the diagnostics in the options. Entries
 * live in the `syncHistory` store, whose auto-increment key orders them, and only the most recent
 * `SYNC_HISTORY_KEPT` are kept.
 */
import { openExtensionDb } from '../storage/db';

/** The number of finished syncs the diagnostics keep. */
export const SYNC_HISTORY_KEPT = 50;

export interface SyncHistoryEntry {
  /** Assigned by IndexedDB on insert. */
  id?: number;
  runId: string;
  apiVersion: 'v1' | 'v2';
  /** Milliseconds since the epoch. */
  startedAt: number;
  finishedAt: number;
  outcome: 'succeeded' | 'failed' | 'cancelled';
  /** Device pages received in this run, counting pages restored when a run was resumed. */
  pagesFetched: number;
  /** Device records received before the run finished or stopped. */
  devicesReceived: number;
  /** The error as the user saw it; null after a success. */
  error: string | null;
  /** Fetch and count warnings, worded for the user. */
  warnings: string[];
}

/** Stores `entry` and deletes the entries older than the last `SYNC_HISTORY_KEPT`. */
export async function recordSyncHistory(entry: SyncHistoryEntry): Promise<void> {
  const db = await openExtensionDb();
  const transaction = db.transaction('syncHistory', 'readwrite');
  const store = transaction.objectStore('syncHistory');
  const { id: _id, ...record } = entry;
  const id = await store.add(record as SyncHistoryEntry);
  if (id > SYNC_HISTORY_KEPT) await store.delete(IDBKeyRange.upperBound(id - SYNC_HISTORY_KEPT));
  await transaction.done;
}

/** Returns the kept entries, newest first. */
export async function listSyncHistory(): Promise<SyncHistoryEntry[]> {
  const db = await openExtensionDb();
  const entries = await db.getAll('syncHistory');
  return entries.reverse();
}
