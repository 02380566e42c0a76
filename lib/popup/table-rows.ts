/**
 * The popup table's rows: one per account policy, with the reconciliation, the changes since the
 * previous sync and the trend joined in, then searched, filtered and sorted. Pure functions, so
 * the popup can memoize each step and tests can check them without a browser.
 */
import type { CountResult, OsCounts, OsType } from '../counting/types';
import type { PolicyReconciliation } from '../reconciliation/reconcile';
import type { AccountChange, AccountChanges } from '../sync/device-changes';

export interface ClientRow {
  policyId: string;
  name: string;
  /** Rolled-up counts. */
  counts: OsCounts;
  /** Null when no PSA record is mapped to the policy. */
  reconciliation: PolicyReconciliation | null;
  /** Null on the first sync; zero counts when nothing changed. */
  change: AccountChange | null;
  /** Rolled-up totals over the newest snapshots, oldest first. */
  trend: Array<number | null>;
  hasChildren: boolean;
}

export type SortKey = 'name' | 'total' | OsType | 'stale' | 'billed' | 'difference' | 'change';
export type SortDirection = 'ascending' | 'descending';
export interface SortOrder {
  key: SortKey;
  direction: SortDirection;
}

export type RowFilter = 'all' | 'off' | 'unmapped' | 'stale';
export const ROW_FILTER_LABELS: Record<RowFilter, string> = {
  all: 'All clients',
  off: 'Mapped and off',
  unmapped: 'Unmapped',
  stale: 'Has stale devices',
};

const NO_CHANGE: AccountChange = { added: 0, removed: 0, addedNames: [], removedNames: [] };

/** Builds one row per account policy, in the snapshot's order (by name). */
export function buildClientRows(
  counts: CountResult,
  reconciliation: Record<string, PolicyReconciliation>,
  trends: Record<string, Array<number | null>>,
  changes: AccountChanges | undefined,
): ClientRow[] {
  const parents = new Set<string>();
  for (const policy of Object.values(counts.policies)) {
    if (policy.parentId !== null) parents.add(policy.parentId);
  }
  return counts.accountIds.flatMap((id) => {
    const policy = counts.policies[id];
    if (!policy) return [];
    return [
      {
        policyId: id,
        name: policy.name,
        counts: policy.rolledUp,
        reconciliation: reconciliation[id] ?? null,
        change: changes ? (changes[id] ?? NO_CHANGE) : null,
        trend: trends[id] ?? [],
        hasChildren: parents.has(id),
      },
    ];
  });
}

/** Keeps the rows whose name contains `query`, without case, and that pass `filter`. */
export function filterRows(rows: readonly ClientRow[], query: string, filter: RowFilter) {
  const text = query.trim().toLocaleLowerCase();
  return rows.filter(
    (row) =>
      (text === '' || row.name.toLocaleLowerCase().includes(text)) && passesFilter(row, filter),
  );
}

function passesFilter(row: ClientRow, filter: RowFilter): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'off':
      return row.reconciliation?.off === true;
    case 'unmapped':
      return row.reconciliation === null;
    case 'stale':
      return row.counts.stale > 0;
  }
}

/** Returns the value a row sorts by; null sorts last in either direction. */
function sortValue(row: ClientRow, key: SortKey): number | string | null {
  switch (key) {
    case 'name':
      return row.name;
    case 'total':
      return row.counts.total;
    case 'stale':
      return row.counts.stale;
    case 'billed':
      return row.reconciliation?.billed ?? null;
    case 'difference':
      return row.reconciliation?.difference ?? null;
    case 'change':
      return row.change ? row.change.added - row.change.removed : null;
    default:
      return row.counts.byOs[key];
  }
}

/** Returns a sorted copy; ties keep the name order, so the result is stable. */
export function sortRows(rows: readonly ClientRow[], order: SortOrder): ClientRow[] {
  const sign = order.direction === 'ascending' ? 1 : -1;
  const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
  return rows
    .map((row, index) => ({ row, index, value: sortValue(row, order.key) }))
    .sort((a, b) => {
      if (a.value === null || b.value === null) {
        if (a.value === b.value) return a.index - b.index;
        return a.value === null ? 1 : -1;
      }
      const compared =
        typeof a.value === 'string'
          ? collator.compare(a.value, b.value as string)
          : a.value - (b.value as number);
      return compared * sign || a.index - b.index;
    })
    .map((entry) => entry.row);
}

export interface ChildRow {
  policyId: string;
  name: string;
  /** 1 for a direct child of the account policy. */
  depth: number;
  /** Devices whose location policy is this one. */
  direct: OsCounts;
}

/** Indexes child policy ids by parent id, sorted by name. */
export function indexChildren(counts: CountResult): Map<string, string[]> {
  const children = new Map<string, string[]>();
  for (const policy of Object.values(counts.policies)) {
    if (policy.parentId === null) continue;
    const siblings = children.get(policy.parentId);
    if (siblings) siblings.push(policy.policyId);
    else children.set(policy.parentId, [policy.policyId]);
  }
  const nameOf = (id: string) => counts.policies[id]?.name ?? '';
  for (const ids of children.values()) ids.sort((a, b) => nameOf(a).localeCompare(nameOf(b)));
  return children;
}

/** Lists every descendant of `policyId`, depth first, each with its direct counts. */
export function descendantRows(
  counts: CountResult,
  children: ReadonlyMap<string, string[]>,
  policyId: string,
): ChildRow[] {
  const rows: ChildRow[] = [];
  const visit = (parentId: string, depth: number) => {
    for (const id of children.get(parentId) ?? []) {
      const policy = counts.policies[id];
      if (!policy) continue;
      rows.push({ policyId: id, name: policy.name, depth, direct: policy.direct });
      visit(id, depth + 1);
    }
  };
  visit(policyId, 1);
  return rows;
}
