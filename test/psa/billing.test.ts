import { describe, expect, it } from 'vitest';
import { billedQuantity, isBilledLine } from '../../lib/psa/billing';

describe('billedQuantity', () => {
  it.each([
    [12, 0, 12],
    [1250, 250, 1000],
    [48, 8, 40],
    [2, 5, -3],
  ])('bills %d less %d as %d', (quantity, lessIncluded, expected) => {
    expect(billedQuantity({ quantity, lessIncluded })).toBe(expected);
  });
});

describe('isBilledLine', () => {
  it.each([
    [true, false, true],
    [false, false, false],
    [true, true, false],
    [false, true, false],
  ])('billable %s, cancelled %s is %s', (billable, cancelled, expected) => {
    expect(isBilledLine({ billable, cancelled })).toBe(expected);
  });
});
