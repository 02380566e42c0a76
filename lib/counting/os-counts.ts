/** Helpers that create and add up {@link OsCounts}. They mutate the counts passed in. */
import { OS_TYPES, type OsCounts, type OsType } from './types';

/** Creates counts with every OS type present and every number zero. */
export function emptyOsCounts(): OsCounts {
  const byOs = Object.fromEntries(OS_TYPES.map((osType) => [osType, 0])) as Record<OsType, number>;
  return { total: 0, byOs, stale: 0 };
}

/** Adds one device of the given OS type to `counts`. */
export function addDeviceToCounts(counts: OsCounts, osType: OsType, stale: boolean): void {
  counts.total += 1;
  counts.byOs[osType] += 1;
  if (stale) counts.stale += 1;
}

/** Adds every number of `source` to `target`. */
export function addOsCounts(target: OsCounts, source: OsCounts): void {
  target.total += source.total;
  target.stale += source.stale;
  for (const osType of OS_TYPES) target.byOs[osType] += source.byOs[osType];
}

/** Returns a copy that shares no objects with `source`. */
export function copyOsCounts(source: OsCounts): OsCounts {
  return { total: source.total, byOs: { ...source.byOs }, stale: source.stale };
}
