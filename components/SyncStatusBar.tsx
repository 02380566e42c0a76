import type { SyncStatus } from '../lib/sync/sync-status';
import type { Snapshot } from '../lib/sync/snapshot';
import { formatDateTime, formatRelativeTime } from './format';

interface Props {
  status: SyncStatus;
  snapshot: Snapshot | null;
  now: number;
}

/** The last sync's age, a running sync's progress, and the last failure with its fix. */
export function SyncStatusBar({ status, snapshot, now }: Props) {
  return (
    <div class="sync-status" data-testid="sync-status" data-state={status.state} aria-live="polite">
      {status.state === 'running' && (
        <p class="running">
          Syncing…{' '}
          {status.pagesExpected
            ? `page ${status.pagesFetched} of ${status.pagesExpected}`
            : 'fetching policies'}
          {/* Without a value attribute a progress bar is indeterminate: the page count is unknown
              until Addigy's first device page reports it. */}
          {status.pagesExpected ? (
            <progress
              max={status.pagesExpected}
              value={Math.min(status.pagesFetched, status.pagesExpected)}
              aria-label="Sync progress"
              data-testid="sync-progress"
            />
          ) : (
            <progress aria-label="Sync progress" data-testid="sync-progress" />
          )}
        </p>
      )}
      {snapshot ? (
        <p>
          Last sync:{' '}
          <time
            dateTime={new Date(snapshot.createdAt).toISOString()}
            title={formatDateTime(snapshot.createdAt)}
            data-testid="last-sync"
          >
            {formatRelativeTime(snapshot.createdAt, now)}
          </time>
        </p>
      ) : (
        status.state !== 'running' && <p>No sync yet.</p>
      )}
      {status.state === 'failed' && status.error && (
        <p class="error" role="alert" data-testid="sync-error">
          Sync failed: {status.error}
          {snapshot && ' The numbers below are from the last successful sync.'}
        </p>
      )}
    </div>
  );
}
