/**
 * The popup's reconciliation workspace: billed quantities the overlay saw on mapped agreements,
 * compared with the latest counts, and each client's trend over the stored snapshots.
 */
import { listAccountMappings, type AccountMapping } from '../mapping/account-mapping';
import { buildObservation, listObservations, saveObservation } from '../mapping/observations';
import { listProductMappings } from '../mapping/product-mapping';
import type { Handlers } from '../messaging/router';
import { log } from '../log/logger';
import { refreshActionBadge } from '../reconciliation/action-badge';
import { reconcile, type PolicyReconciliation } from '../reconciliation/reconcile';
import { loadLatestSnapshot } from '../sync/snapshot-store';
import { loadTrends } from '../sync/snapshot-trends';

export interface PopupWorkspace {
  /** Per policy id that a PSA record is mapped to. */
  reconciliation: Record<string, PolicyReconciliation>;
  /** Per account policy id: rolled-up totals over the newest snapshots, oldest first. */
  trends: Record<string, Array<number | null>>;
}

/**
 * Stores what the overlay saw on a mapped page and updates the toolbar badge. Quantities that do
 * not pair one to one with the product ids are ignored, because they cannot be attributed.
 * Failures are logged, not thrown, so that the page still gets its counts.
 */
export async function recordObservation(
  mapping: AccountMapping,
  productIds: readonly string[],
  quantities: readonly number[] | undefined,
): Promise<void> {
  if (!quantities || quantities.length !== productIds.length) return;
  try {
    const observation = buildObservation(
      mapping,
      { productIds, quantities },
      await listProductMappings(),
      Date.now(),
    );
    await saveObservation(observation);
    await refreshActionBadge();
  } catch (error) {
    log.error(`Could not store the billed quantities of ${mapping.key}.`, error);
  }
}

export const popupHandlers: Pick<Handlers, 'popup/workspace'> = {
  'popup/workspace': async (): Promise<PopupWorkspace> => {
    const [snapshot, mappings, observations] = await Promise.all([
      loadLatestSnapshot(),
      listAccountMappings(),
      listObservations(),
    ]);
    return {
      reconciliation: reconcile(snapshot, mappings, observations),
      trends: snapshot ? await loadTrends(snapshot.counts.accountIds) : {},
    };
  },
};
