/** Builders for counting tests: policies, device records and expected counts. */
import type { DeviceRecord, Policy } from '../../lib/addigy/types';
import { OS_TYPES, type CountOptions, type OsCounts, type OsType } from '../../lib/counting/types';

export const DAY_MS = 86_400_000;

/** The time "now" in every counting test, 1 March 2025 at 12:00 UTC. */
export const NOW = Date.UTC(2025, 2, 1, 12);

export function policy(id: string, parentId: string | null = null, name = `Policy ${id}`): Policy {
  return { id, name, parentId };
}

/** Creates a Mac record in policy "root", seen one hour before {@link NOW}. */
export function device(overrides: Partial<DeviceRecord> = {}): DeviceRecord {
  return {
    agentId: 'agent',
    serialNumber: null,
    policyId: 'root',
    productName: 'MacBookAir9,1',
    hardwareModel: null,
    deviceModelName: null,
    systemVersion: null,
    lastOnline: NOW - 3_600_000,
    deviceName: null,
    ...overrides,
  };
}

export function countOptions(overrides: Partial<CountOptions> = {}): CountOptions {
  return { accountLevel: { kind: 'roots' }, staleAfterDays: 30, now: NOW, ...overrides };
}

/** Builds expected counts. OS types left out of `byOs` are zero. */
export function osCounts(
  total: number,
  byOs: Partial<Record<OsType, number>> = {},
  stale = 0,
): OsCounts {
  const all = Object.fromEntries(OS_TYPES.map((osType) => [osType, byOs[osType] ?? 0]));
  return { total, byOs: all as Record<OsType, number>, stale };
}
