/**
 * The wide CSV export, for spreadsheets: header
 * `policy_id,policy_name,total,macOS,iOS,iPadOS,tvOS,watchOS,visionOS,other,stale`, one row per
 * account policy with its rolled-up counts, then `Not in a client policy` and `Unassigned`
 * (empty policy_id) when they have devices. Every OS type has a column, present or not, so a
 * sheet's formulas keep their columns from one export to the next.
 */
import { OS_TYPES, type OsCounts } from '../counting/types';
import type { Snapshot } from '../sync/snapshot';
import { NOT_IN_ACCOUNT_NAME, UNASSIGNED_NAME, csvField } from './csv';

export const WIDE_CSV_HEADER = ['policy_id', 'policy_name', 'total', ...OS_TYPES, 'stale'].join(
  ',',
);

export function snapshotToWideCsv(snapshot: Snapshot): string {
  const { counts } = snapshot;
  const lines = [WIDE_CSV_HEADER];
  for (const id of counts.accountIds) {
    const policy = counts.policies[id];
    if (policy) lines.push(wideRow(policy.policyId, policy.name, policy.rolledUp));
  }
  if (counts.notInAccount.total > 0) {
    lines.push(wideRow('', NOT_IN_ACCOUNT_NAME, counts.notInAccount));
  }
  if (counts.unassigned.total > 0) lines.push(wideRow('', UNASSIGNED_NAME, counts.unassigned));
  return `${lines.join('\r\n')}\r\n`;
}

function wideRow(id: string, name: string, counts: OsCounts): string {
  const cells = [id, name, counts.total, ...OS_TYPES.map((os) => counts.byOs[os]), counts.stale];
  return cells.map((cell) => csvField(String(cell))).join(',');
}

/**
 * Formats one table row for the clipboard, tab-separated as spreadsheets paste it. Tabs and line
 * breaks inside a cell become spaces, because they would split the row, and text a spreadsheet
 * would run as a formula gets an apostrophe, as in the CSV export. Numbers are kept as they are.
 */
export function rowToTsv(cells: ReadonlyArray<string | number | null>): string {
  return cells
    .map((cell) => {
      if (cell === null) return '';
      if (typeof cell === 'number') return String(cell);
      const flat = cell.replace(/[\t\r\n]+/g, ' ');
      return /^[=+\-@]/.test(flat) ? `'${flat}` : flat;
    })
    .join('\t');
}
