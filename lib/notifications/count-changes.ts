/**
 * The optional notification after a sync that changed the device count of a mapped client. It is
 * off by default. The options page turns it on after the user grants the optional
 * `notifications` permission, and it stays silent whenever that permission is missing.
 */
import { browser } from 'wxt/browser';
import { z } from 'zod';
import { listAccountMappings } from '../mapping/account-mapping';
import type { Snapshot } from '../sync/snapshot';
import { findPolicy } from '../counting/find-policy';

const SETTING_KEY = 'countChangeNotifications';
export const NOTIFICATION_ID = 'addigy-count-changes';
/** Clients named in the message at most; the rest are counted, so the text stays readable. */
const MAX_NAMED_CLIENTS = 5;
/** A plain blue square, because the extension ships no icon file and Chrome requires one. */
const ICON_URL =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAACAAAAAgCAIAAAD8GO2jAAAAKklEQVR4nGOQj19LU8QwasGoBaMWjFowasGoBaMWjFowasGoBaMWDBULADzurD3+KFMoAAAAAElFTkSuQmCC';

export interface CountChange {
  policyId: string;
  name: string;
  before: number;
  after: number;
}

export async function loadNotificationsEnabled(): Promise<boolean> {
  const stored = await browser.storage.local.get(SETTING_KEY);
  return z.boolean().catch(false).parse(stored[SETTING_KEY]);
}

export async function saveNotificationsEnabled(enabled: boolean): Promise<void> {
  await browser.storage.local.set({ [SETTING_KEY]: enabled });
}

/**
 * Returns the mapped account policies whose rolled-up total differs between the two snapshots,
 * sorted by name. Policies missing from either snapshot are left out, because a count that
 * appears or disappears with its policy is a mapping problem, not a change of devices.
 */
export function findCountChanges(
  previous: Snapshot | null,
  next: Snapshot,
  mappedPolicyIds: ReadonlySet<string>,
): CountChange[] {
  if (!previous) return [];
  const changes: CountChange[] = [];
  for (const policyId of next.counts.accountIds) {
    if (!mappedPolicyIds.has(policyId)) continue;
    const before = findPolicy(previous.counts, policyId)?.rolledUp.total;
    const after = findPolicy(next.counts, policyId)?.rolledUp.total;
    if (before === undefined || after === undefined || before === after) continue;
    changes.push({ policyId, name: next.counts.policies[policyId]!.name, before, after });
  }
  return changes.sort((a, b) => a.name.localeCompare(b.name));
}

/** Words the notification: one line per client, "Acme Dental: 12 → 14 devices". */
export function describeCountChanges(changes: readonly CountChange[]): {
  title: string;
  message: string;
} {
  const named = changes
    .slice(0, MAX_NAMED_CLIENTS)
    .map((change) => `${change.name}: ${change.before} → ${change.after} devices`);
  const more = changes.length - named.length;
  if (more > 0) named.push(`and ${more} more; open the popup to see them.`);
  return {
    title: `Device counts changed for ${changes.length} mapped client${changes.length === 1 ? '' : 's'}`,
    message: named.join('\n'),
  };
}

/**
 * Shows the notification when it is on, the permission is granted and a mapped client's count
 * changed. Returns the changes it notified about.
 */
export async function notifyCountChanges(
  previous: Snapshot | null,
  next: Snapshot,
): Promise<CountChange[]> {
  if (!(await loadNotificationsEnabled())) return [];
  if (!(await browser.permissions.contains({ permissions: ['notifications'] }))) return [];
  const mapped = new Set((await listAccountMappings()).map((mapping) => mapping.policyId));
  const changes = findCountChanges(previous, next, mapped);
  if (changes.length === 0) return [];
  await browser.notifications.create(NOTIFICATION_ID, {
    type: 'basic',
    iconUrl: ICON_URL,
    ...describeCountChanges(changes),
  });
  return changes;
}
