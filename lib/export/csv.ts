/**
 * The CSV export. Its format is stable because users build spreadsheets on it:
 * header `policy_id,policy_name,os_type,devices`, one row per account policy and OS type, with
 * the rolled-up count. Rows with zero devices are left out, except each policy's `total`.
 * Devices with no known policy come last as `Unassigned` with an empty policy_id, and devices in
 * a known policy outside every account as `Not in a client policy`, also with an empty id.
 */
import { OS_TYPES, type OsCounts } from '../counting/types';
import type { Snapshot } from '../sync/snapshot';

export const CSV_HEADER = 'policy_id,policy_name,os_type,devices';
export const UNASSIGNED_NAME = 'Unassigned';
export const NOT_IN_ACCOUNT_NAME = 'Not in a client policy';

export function snapshotToCsv(snapshot: Snapshot): string {
  const { counts } = snapshot;
  const lines = [CSV_HEADER];
  for (const id of counts.accountIds) {
    const policy = counts.policies[id];
    if (policy) lines.push(...rowsFor(policy.policyId, policy.name, policy.rolledUp, true));
  }
  lines.push(...rowsFor('', NOT_IN_ACCOUNT_NAME, counts.notInAccount, false));
  lines.push(...rowsFor('', UNASSIGNED_NAME, counts.unassigned, false));
  return `${lines.join('\r\n')}\r\n`;
}

function rowsFor(id: string, name: string, counts: OsCounts, keepEmptyTotal: boolean): string[] {
  if (counts.total === 0 && !keepEmptyTotal) return [];
  const rows = [[id, name, 'total', counts.total]];
  for (const os of OS_TYPES) {
    if (counts.byOs[os] > 0) rows.push([id, name, os, counts.byOs[os]]);
  }
  return rows.map((row) => row.map((cell) => csvField(String(cell))).join(','));
}

/**
 * Quotes a field as RFC 4180 asks, and prefixes an apostrophe to text a spreadsheet would run as
 * a formula (leading =, +, -, @, tab or carriage return), because policy names are typed by
 * anyone with access to Addigy.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
