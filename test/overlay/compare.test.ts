import { describe, expect, it } from 'vitest';
import { compareCounts } from '../../lib/overlay/compare';

describe('compareCounts', () => {
  it.each([
    [12, 12, 'match', 0],
    [15, 12, 'over', 3],
    [9, 12, 'under', -3],
    [0, 0, 'match', 0],
    [0, 5, 'under', -5],
    [12.1, 12, 'over', 0.1],
    [12, 12.004, 'match', 0],
  ])('compares %d with %d as %s', (addigy, billed, status, difference) => {
    expect(compareCounts(addigy, billed)).toEqual({ status, difference });
  });

  it('returns positive zero for a match', () => {
    expect(Object.is(compareCounts(12, 12.004).difference, 0)).toBe(true);
  });

  it.each([
    [Number.NaN, 12],
    [12, Number.POSITIVE_INFINITY],
  ])('rejects %d with %d', (addigy, billed) => {
    expect(() => compareCounts(addigy, billed)).toThrow(RangeError);
  });
});
