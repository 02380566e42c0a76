import { openExtensionDb } from '../storage/db';
import type { Snapshot } from './snapshot';

/** Snapshots kept for history; older ones are deleted in the transaction that adds a new one. */
export const SNAPSHOTS_KEPT = 90;

/**
 * Adds `snapshot` and prunes the oldest beyond `keep`, in one transaction, so that a stopped
 * worker leaves either the old set or the new one and never half of each.
 */
export async function saveSnapshot(snapshot: Snapshot, keep = SNAPSHOTS_KEPT): Promise<number> {
  const db = await openExtensionDb();
  const transaction = db.transaction('snapshots', 'readwrite');
  // IndexedDB rejects an explicit undefined key, so the id is left out for it to assign.
  const { id: _id, ...record } = snapshot;
  const id = await transaction.store.add(record);
  const keys = await transaction.store.getAllKeys();
  for (const key of keys.slice(0, Math.max(0, keys.length - keep))) {
    await transaction.store.delete(key);
  }
  await transaction.done;
  return id;
}

/** Returns the newest snapshot, or null before the first successful sync. */
export async function loadLatestSnapshot(): Promise<Snapshot | null> {
  const db = await openExtensionDb();
  const cursor = await db.transaction('snapshots').store.openCursor(null, 'prev');
  return cursor?.value ?? null;
}
