import { describe, expect, it } from 'vitest';
import { isStale, validateStaleOptions } from '../../lib/counting/stale';
import { DAY_MS, NOW } from './builders';

describe('isStale', () => {
  it.each<[string, number | null, boolean]>([
    ['seen an hour ago', NOW - 3_600_000, false],
    ['seen exactly 30 days ago', NOW - 30 * DAY_MS, false],
    ['seen 30 days and 1 ms ago', NOW - 30 * DAY_MS - 1, true],
    ['seen a year ago', NOW - 365 * DAY_MS, true],
    ['seen in the future', NOW + DAY_MS, false],
    ['never seen', null, true],
  ])('%s', (_case, lastOnline, expected) => {
    expect(isStale(lastOnline, { staleAfterDays: 30, now: NOW })).toBe(expected);
  });

  it.each<[number | null, boolean]>([
    [NOW, false],
    [NOW - 1, true],
    [null, true],
  ])('zero-day threshold, last online %s', (lastOnline, expected) => {
    expect(isStale(lastOnline, { staleAfterDays: 0, now: NOW })).toBe(expected);
  });
});

describe('validateStaleOptions', () => {
  it.each([
    [
      { staleAfterDays: -1, now: NOW },
      'The stale threshold must be zero or more days, but it is -1.',
    ],
    [{ staleAfterDays: Number.NaN, now: NOW }, 'but it is NaN'],
    [{ staleAfterDays: 30, now: Number.NaN }, 'The time "now" must be a finite number'],
  ])('rejects %o', (options, message) => {
    expect(() => validateStaleOptions(options)).toThrow(RangeError);
    expect(() => validateStaleOptions(options)).toThrow(message);
  });

  it('accepts zero days', () => {
    expect(() => validateStaleOptions({ staleAfterDays: 0, now: NOW })).not.toThrow();
  });
});
