import { describe, expect, it } from 'vitest';
import {
  billedQuantity,
  isBilledLine,
  MAX_PRODUCT_ID_LENGTH,
  MAX_PRODUCT_IDS,
  sendableProducts,
} from '../../lib/psa/billing';

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

describe('sendableProducts', () => {
  it('drops product IDs longer than the limit with their quantities', () => {
    const long = 'X'.repeat(MAX_PRODUCT_ID_LENGTH + 1);
    expect(sendableProducts(['MDM-MAC', long, 'MDM-IOS'], [3, 9, 4])).toEqual({
      productIds: ['MDM-MAC', 'MDM-IOS'],
      quantities: [3, 4],
    });
  });

  it('keeps the first products up to the limit', () => {
    const ids = Array.from({ length: MAX_PRODUCT_IDS + 50 }, (_, index) => `P${index}`);
    const sent = sendableProducts(
      ids,
      ids.map((_, index) => index),
    );
    expect(sent.productIds).toHaveLength(MAX_PRODUCT_IDS);
    expect(sent.productIds.at(-1)).toBe(`P${MAX_PRODUCT_IDS - 1}`);
    expect(sent.quantities.at(-1)).toBe(MAX_PRODUCT_IDS - 1);
  });
});
