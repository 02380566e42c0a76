/**
 * The device membership of each account policy at the last sync, so that the next sync can count
 * the devices added and removed. Only the latest membership is kept (key `latest`), and it is replaced
 * in the same transaction that commits the snapshot.
 *
 * Memory: the membership is three parallel arrays, one entry per device in an account policy,
 * because arrays of strings clone and store more compactly than an object with 100,000 keys.
 * The diff keeps one `Map` of the new membership and walks the old one once.
 */
import type { DeviceRecord } from '../addigy/types';
import { mergeDuplicateSerials } from '../counting/duplicates';
import type { CountResult } from '../counting/types';
import { findPolicy } from '../counting/find-policy';

/** The device names kept per account policy and direction, so a snapshot stays small. */
export const MAX_NAMED_DEVICES = 5;

export interface DeviceMembership {
  snapshotId: number;
  /** Device keys: the serial number in upper case, else `agent:<agent id>`. */
  keys: string[];
  /** The account policy id of the device at the same index. */
  accounts: string[];
  /** The device name at the same index, or "" when Addigy has none. */
  names: string[];
}

/** Added and removed devices of one account policy since the previous sync. */
export interface AccountChange {
  added: number;
  removed: number;
  /** At most `MAX_NAMED_DEVICES` names of added devices, in fetch order. */
  addedNames: string[];
  removedNames: string[];
}

/** Changes per account policy id; account policies without changes are left out. */
export type AccountChanges = Record<string, AccountChange>;

/**
 * Builds the membership of the devices that are in an account policy, after duplicates are
 * merged by the counting rules, so that a re-enrolled device keeps its key.
 */
export function buildMembership(
  counts: CountResult,
  records: readonly DeviceRecord[],
): Omit<DeviceMembership, 'snapshotId'> {
  const accountOf = accountResolver(counts);
  const membership = { keys: [] as string[], accounts: [] as string[], names: [] as string[] };
  for (const device of mergeDuplicateSerials(records).devices) {
    const account = device.policyId ? accountOf(device.policyId) : null;
    if (account === null) continue;
    const serial = device.serialNumber?.trim().toUpperCase();
    membership.keys.push(serial ? serial : `agent:${device.agentId}`);
    membership.accounts.push(account);
    membership.names.push(device.deviceName?.trim() ?? '');
  }
  return membership;
}

/** Returns a function from a policy id to its account policy id, or null outside every account. */
function accountResolver(counts: CountResult): (policyId: string) => string | null {
  const accounts = new Set(counts.accountIds);
  const cache = new Map<string, string | null>();
  const resolve = (policyId: string): string | null => {
    const cached = cache.get(policyId);
    if (cached !== undefined) return cached;
    // Parent links were cut at cycles by the counting rules, so this walk ends.
    let current: string | null = policyId;
    while (current !== null && !accounts.has(current)) {
      current = findPolicy(counts, current)?.parentId ?? null;
    }
    cache.set(policyId, current);
    return current;
  };
  return resolve;
}

/**
 * Compares two memberships. A device that moved between account policies counts as removed
 * from one and added to the other.
 */
export function diffMembership(
  previous: Pick<DeviceMembership, 'keys' | 'accounts' | 'names'>,
  next: Pick<DeviceMembership, 'keys' | 'accounts' | 'names'>,
): AccountChanges {
  // Account ids are keys here, so the object has no prototype for an id like "__proto__" to reach.
  const changes: AccountChanges = Object.create(null);
  const change = (account: string) =>
    (changes[account] ??= { added: 0, removed: 0, addedNames: [], removedNames: [] });
  const nextAccount = new Map<string, string>();
  next.keys.forEach((key, index) => nextAccount.set(key, next.accounts[index]!));
  const previousAccount = new Map<string, string>();
  previous.keys.forEach((key, index) => {
    const account = previous.accounts[index]!;
    previousAccount.set(key, account);
    if (nextAccount.get(key) === account) return;
    const entry = change(account);
    entry.removed += 1;
    if (entry.removedNames.length < MAX_NAMED_DEVICES) {
      entry.removedNames.push(previous.names[index] || key);
    }
  });
  next.keys.forEach((key, index) => {
    const account = next.accounts[index]!;
    if (previousAccount.get(key) === account) return;
    const entry = change(account);
    entry.added += 1;
    if (entry.addedNames.length < MAX_NAMED_DEVICES) {
      entry.addedNames.push(next.names[index] || key);
    }
  });
  return changes;
}
