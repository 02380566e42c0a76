import { describe, expect, it } from 'vitest';
import type { AccountMapping } from '../../lib/mapping/account-mapping';
import { reviewMappings } from '../../lib/side-panel/review';

const ACCOUNT: AccountMapping = {
  psa: 'connectwise',
  host: 'na.myconnectwise.net',
  companyId: '250',
  agreementId: null,
  companyName: 'Acme Dental, Inc.',
  policyId: 'p-acme',
  policyName: 'Acme Dental',
  key: 'connectwise|na.myconnectwise.net|company:250',
  updatedAt: 0,
};
const NO_ACCOUNT = 'Map this company or agreement to an Addigy policy.';

describe('reviewMappings', () => {
  it('is ready with an account and one mapped line', () => {
    const review = reviewMappings({
      accountMapping: ACCOUNT,
      productMappings: [{ productId: 'MDM-MAC', service: 'macOS' }],
      productIds: ['MDM-MAC', 'MDM-IPAD'],
    });

    expect(review).toEqual({
      lines: [
        { productId: 'MDM-MAC', service: 'macOS' },
        { productId: 'MDM-IPAD', service: null },
      ],
      missing: [],
      ready: true,
    });
  });

  it('names both missing mappings', () => {
    const review = reviewMappings({
      accountMapping: null,
      productMappings: [{ productId: 'MDM-TOTAL', service: 'total' }],
      productIds: ['MDM-MAC', 'MDM-IPAD'],
    });

    expect(review.ready).toBe(false);
    expect(review.missing).toEqual([
      NO_ACCOUNT,
      'Map at least one product on this agreement (MDM-MAC, MDM-IPAD) to an Addigy count under PSA products.',
    ]);
  });

  it('names at most five products', () => {
    const productIds = ['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7'];
    const review = reviewMappings({ accountMapping: ACCOUNT, productMappings: [], productIds });

    expect(review.missing).toEqual([
      'Map at least one product on this agreement (P1, P2, P3, P4, P5 and 2 more) to an Addigy count under PSA products.',
    ]);
  });

  it('names only the account when a line is mapped', () => {
    const review = reviewMappings({
      accountMapping: null,
      productMappings: [{ productId: 'MDM-MAC', service: 'macOS' }],
      productIds: ['MDM-MAC'],
    });

    expect(review.missing).toEqual([NO_ACCOUNT]);
  });

  it('lists every product mapping without page lines', () => {
    const review = reviewMappings({
      accountMapping: ACCOUNT,
      productMappings: [{ productId: 'MDM-TOTAL', service: 'total' }],
      productIds: [],
    });

    expect(review.lines).toEqual([{ productId: 'MDM-TOTAL', service: 'total' }]);
    expect(review.ready).toBe(true);
  });

  it('needs a product mapping without page lines', () => {
    const review = reviewMappings({ accountMapping: ACCOUNT, productMappings: [], productIds: [] });

    expect(review.missing).toEqual([
      'Map at least one PSA product to an Addigy count under PSA products.',
    ]);
  });
});
