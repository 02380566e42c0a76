/**
 * The stale rule. A device not seen for more than the threshold is stale. Stale devices stay in
 * every total, and the stale number is reported beside it so that the user can decide.
 */
import type { CountOptions } from './types';

/** Milliseconds in a day. Days are fixed 24-hour periods, so daylight saving time is ignored. */
const MS_PER_DAY = 86_400_000;

/**
 * Returns whether a device last seen at `lastOnline` is stale at `options.now`. A device seen
 * exactly `staleAfterDays` days ago is not stale yet. A device that never checked in (null) is
 * stale, because nothing shows that it is still in use.
 */
export function isStale(
  lastOnline: number | null,
  options: Pick<CountOptions, 'staleAfterDays' | 'now'>,
): boolean {
  if (lastOnline === null) return true;
  return options.now - lastOnline > options.staleAfterDays * MS_PER_DAY;
}

/** Throws a RangeError when the stale threshold or the time "now" is not a usable number. */
export function validateStaleOptions(options: Pick<CountOptions, 'staleAfterDays' | 'now'>): void {
  if (!Number.isFinite(options.staleAfterDays) || options.staleAfterDays < 0) {
    throw new RangeError(
      `The stale threshold must be zero or more days, but it is ${options.staleAfterDays}. ` +
        'Set the stale threshold in the options.',
    );
  }
  if (!Number.isFinite(options.now)) {
    throw new RangeError(
      `The time "now" must be a finite number of milliseconds, got ${options.now}.`,
    );
  }
}
