/**
 * Account policies with rolled-up totals, one column per OS type present, the PSA quantity and
 * difference for mapped clients, the changes since the last sync and a trend. Columns sort by
 * their header button (aria-sort), and clients with child policies expand (aria-expanded).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { OS_TYPES, type CountResult, type OsCounts, type OsType } from '../lib/counting/types';
import { NOT_IN_ACCOUNT_NAME, UNASSIGNED_NAME } from '../lib/export/csv';
import {
  indexChildren,
  type ClientRow,
  type SortKey,
  type SortOrder,
} from '../lib/popup/table-rows';
import { ClientRows } from './ClientRows';

interface Props {
  counts: CountResult;
  /** The rows to show, already searched, filtered and sorted. */
  rows: readonly ClientRow[];
  /** Whether to show the "Not in a client policy" and "Unassigned" rows. */
  showOutsideRows: boolean;
  order: SortOrder | null;
  onSort: (order: SortOrder) => void;
}

/** The OS types with at least one device anywhere, in the fixed column order. */
/**
 * Client rows rendered at first, and added each time the user scrolls to the end. A tenant with
 * thousands of clients would otherwise build every row, with its trend, before the popup shows
 * anything. Search, sort and filter still run over every client.
 */
export const ROWS_PER_STEP = 50;

function presentOsTypes(counts: CountResult): OsType[] {
  return OS_TYPES.filter((os) => counts.all.byOs[os] > 0);
}

export function PolicyTable({ counts, rows, showOutsideRows, order, onSort }: Props) {
  const osTypes = useMemo(() => presentOsTypes(counts), [counts]);
  const childIndex = useMemo(() => indexChildren(counts), [counts]);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const toggle = useCallback((policyId: string) => {
    setExpanded((previous) => {
      const next = new Set(previous);
      if (!next.delete(policyId)) next.add(policyId);
      return next;
    });
  }, []);
  const [rowLimit, setRowLimit] = useState(ROWS_PER_STEP);
  const shownRows = rows.length > rowLimit ? rows.slice(0, rowLimit) : rows;
  const showMore = useCallback(() => setRowLimit((limit) => limit + ROWS_PER_STEP), []);
  const showAll = useCallback(() => setRowLimit(Number.POSITIVE_INFINITY), []);
  const header = (key: SortKey, label: string, numeric = true, title?: string) => (
    <SortHeader
      key={key}
      sortKey={key}
      label={label}
      numeric={numeric}
      title={title}
      order={order}
      onSort={onSort}
    />
  );
  return (
    <table class="policy-table" data-testid="policy-table">
      <thead>
        <tr>
          {header('name', 'Client policy', false)}
          {header('total', 'Total')}
          {osTypes.map((os) => header(os, os === 'other' ? 'Other' : os))}
          {header('stale', 'Stale', true, 'Not seen within the stale threshold; included in Total')}
          {header(
            'billed',
            'PSA',
            true,
            'Billed quantity the overlay last saw on the mapped agreements',
          )}
          {header('difference', 'Difference', true, 'Addigy count less the billed quantity')}
          {header(
            'change',
            'Since last sync',
            true,
            'Devices added and removed since the previous sync',
          )}
          <th scope="col">Trend</th>
          <th scope="col">
            <span class="visually-hidden">Copy</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {shownRows.map((row) => (
          <ClientRows
            key={row.policyId}
            row={row}
            osTypes={osTypes}
            expanded={expanded.has(row.policyId)}
            onToggle={toggle}
            counts={counts}
            childIndex={childIndex}
          />
        ))}
        {rows.length > rowLimit && (
          <MoreRows
            hidden={rows.length - rowLimit}
            columns={osTypes.length + 8}
            onMore={showMore}
            onAll={showAll}
          />
        )}
        {showOutsideRows && (
          <>
            <OutsideRow
              id="not-in-account"
              name={NOT_IN_ACCOUNT_NAME}
              counts={counts.notInAccount}
              osTypes={osTypes}
            />
            <OutsideRow
              id="unassigned"
              name={UNASSIGNED_NAME}
              counts={counts.unassigned}
              osTypes={osTypes}
            />
          </>
        )}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">All devices</th>
          <td class="number" data-os="total">
            {counts.all.total}
          </td>
          {osTypes.map((os) => (
            <td class="number" key={os}>
              {counts.all.byOs[os]}
            </td>
          ))}
          <td class="number">{counts.all.stale}</td>
          <td colSpan={5} />
        </tr>
      </tfoot>
    </table>
  );
}

/**
 * Renders the row after the rendered clients, which shows the next step when it scrolls into
 * view. Its buttons do the same for keyboard users.
 */
function MoreRows(props: {
  hidden: number;
  columns: number;
  onMore: () => void;
  onAll: () => void;
}) {
  const { hidden, columns, onMore, onAll } = props;
  const rowRef = useRef<HTMLTableRowElement>(null);
  useEffect(() => {
    const row = rowRef.current;
    if (!row || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) onMore();
    });
    observer.observe(row);
    return () => observer.disconnect();
  }, [onMore, hidden]);
  return (
    <tr ref={rowRef} class="more-rows" data-testid="more-rows">
      <td colSpan={columns}>
        {hidden.toLocaleString('en-US')} more {hidden === 1 ? 'client' : 'clients'}.{' '}
        <button type="button" class="link" onClick={onMore}>
          Show {Math.min(hidden, ROWS_PER_STEP)} more
        </button>{' '}
        <button type="button" class="link" onClick={onAll} data-testid="show-all-rows">
          Show all
        </button>
      </td>
    </tr>
  );
}

const SORT_ARROWS = { ascending: ' ▲', descending: ' ▼', none: '' };

function SortHeader(props: {
  sortKey: SortKey;
  label: string;
  numeric: boolean;
  title?: string;
  order: SortOrder | null;
  onSort: (order: SortOrder) => void;
}) {
  const { sortKey, label, numeric, title, order, onSort } = props;
  const active = order?.key === sortKey ? order.direction : undefined;
  const next = () => {
    if (active)
      onSort({ key: sortKey, direction: active === 'ascending' ? 'descending' : 'ascending' });
    // Numbers start with the largest, because that is what a reconciliation looks for first.
    else onSort({ key: sortKey, direction: numeric ? 'descending' : 'ascending' });
  };
  return (
    <th scope="col" class={numeric ? 'number' : undefined} aria-sort={active} title={title}>
      <button type="button" class="sort" onClick={next} data-sort-key={sortKey}>
        {label}
        <span aria-hidden="true">{SORT_ARROWS[active ?? 'none']}</span>
      </button>
    </th>
  );
}

/** "Not in a client policy" or "Unassigned", shown only when it has devices. */
function OutsideRow(props: {
  id: string;
  name: string;
  counts: OsCounts;
  osTypes: readonly OsType[];
}) {
  const { id, name, counts, osTypes } = props;
  if (counts.total === 0) return null;
  return (
    <tr data-policy-id={id} data-testid="policy-row" class="outside-row">
      <th scope="row">{name}</th>
      <td class="number" data-os="total">
        {counts.total}
      </td>
      {osTypes.map((os) => (
        <td class="number" data-os={os} key={os}>
          {counts.byOs[os]}
        </td>
      ))}
      <td class="number" data-os="stale">
        {counts.stale}
      </td>
      <td colSpan={5} />
    </tr>
  );
}
