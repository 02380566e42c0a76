/**
 * The rolled-up total of each account policy over the stored snapshots, oldest first, for the
 * popup's sparklines.
 */
import { openExtensionDb } from '../storage/db';

/** The snapshots a trend covers at most; each is read whole, so this bounds the popup's wait. */
export const TREND_SNAPSHOTS = 12;

/**
 * Returns, per policy id in `policyIds`, its rolled-up totals in the newest `limit` snapshots,
 * oldest first, with null where a snapshot did not have the policy.
 */
export async function loadTrends(
  policyIds: readonly string[],
  limit = TREND_SNAPSHOTS,
): Promise<Record<string, Array<number | null>>> {
  const db = await openExtensionDb();
  const trends: Record<string, Array<number | null>> = {};
  for (const id of policyIds) trends[id] = [];
  let cursor = await db.transaction('snapshots').store.openCursor(null, 'prev');
  for (let read = 0; cursor && read < limit; read += 1) {
    const { policies } = cursor.value.counts;
    for (const id of policyIds) trends[id]!.unshift(policies[id]?.rolledUp.total ?? null);
    cursor = await cursor.continue();
  }
  return trends;
}
