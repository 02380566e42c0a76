/**
 * Work that follows a committed snapshot: the toolbar badge and the optional notification of
 * changed counts. Neither may fail the sync, because the snapshot is already stored.
 */
import { log } from '../log/logger';
import { notifyCountChanges } from '../notifications/count-changes';
import { refreshActionBadge } from '../reconciliation/action-badge';
import type { Snapshot } from './snapshot';

export async function afterSnapshotCommit(
  previous: Snapshot | null,
  snapshot: Snapshot,
): Promise<void> {
  await refreshActionBadge().catch((error: unknown) =>
    log.error('Could not update the toolbar badge after the sync.', error),
  );
  await notifyCountChanges(previous, snapshot).catch((error: unknown) =>
    log.error('Could not show the notification of changed counts.', error),
  );
}
