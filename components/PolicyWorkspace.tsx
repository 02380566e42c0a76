/**
 * The popup's reconciliation workspace: search, filter and sort over the account policies of
 * the latest snapshot, joined with the PSA quantities and trends from the background. Each step
 * is memoized, so typing in the search box filters the built rows without rebuilding them.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { PopupWorkspace } from '../lib/background/popup-handlers';
import { request } from '../lib/messaging/client';
import {
  buildClientRows,
  filterRows,
  sortRows,
  type RowFilter,
  type SortOrder,
} from '../lib/popup/table-rows';
import type { Snapshot } from '../lib/sync/snapshot';
import { PolicyTable } from './PolicyTable';
import { TableControls } from './TableControls';

const EMPTY_WORKSPACE: PopupWorkspace = { reconciliation: {}, trends: {} };

/** Loads the workspace again whenever a new snapshot arrives. */
function useWorkspace(snapshot: Snapshot): { workspace: PopupWorkspace; error: string | null } {
  const [workspace, setWorkspace] = useState(EMPTY_WORKSPACE);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    request<PopupWorkspace>({ type: 'popup/workspace' }).then(
      (loaded) => {
        if (!current) return;
        setWorkspace(loaded);
        setError(null);
      },
      (failure: Error) => {
        if (current) setError(failure.message);
      },
    );
    return () => {
      current = false;
    };
  }, [snapshot.id, snapshot.createdAt]);
  return { workspace, error };
}

export function PolicyWorkspace({ snapshot }: { snapshot: Snapshot }) {
  const { workspace, error } = useWorkspace(snapshot);
  const [query, setQuery] = useState('');
  const [filter, setFilter] = useState<RowFilter>('all');
  const [order, setOrder] = useState<SortOrder | null>(null);

  const rows = useMemo(
    () =>
      buildClientRows(
        snapshot.counts,
        workspace.reconciliation,
        workspace.trends,
        snapshot.changes,
      ),
    [snapshot, workspace],
  );
  const filtered = useMemo(() => filterRows(rows, query, filter), [rows, query, filter]);
  const sorted = useMemo(() => (order ? sortRows(filtered, order) : filtered), [filtered, order]);

  return (
    <section class="workspace" aria-label="Client policies">
      <TableControls
        query={query}
        filter={filter}
        shown={sorted.length}
        total={rows.length}
        onQuery={setQuery}
        onFilter={setFilter}
      />
      {error && (
        <p class="error" role="alert" data-testid="workspace-error">
          Could not load the PSA quantities and trends: {error}
        </p>
      )}
      {sorted.length === 0 && (
        <p class="notice" data-testid="no-rows">
          No client matches the search and filter. Clear the search or choose All clients.
        </p>
      )}
      <PolicyTable
        counts={snapshot.counts}
        rows={sorted}
        showOutsideRows={filter === 'all' && query.trim() === ''}
        order={order}
        onSort={setOrder}
      />
    </section>
  );
}
