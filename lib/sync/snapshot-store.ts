import { openExtensionDb } from '../storage/db';
import type { Snapshot } from './snapshot';

/** Returns the newest snapshot, or null before the first successful sync. */
export async function loadLatestSnapshot(): Promise<Snapshot | null> {
  const db = await openExtensionDb();
  const cursor = await db.transaction('snapshots').store.openCursor(null, 'prev');
  return cursor?.value ?? null;
}
