import { beforeEach, describe, expect, it } from 'vitest';
import type { AccountMapping } from '../../lib/mapping/account-mapping';
import {
  MAX_OBSERVATIONS,
  buildObservation,
  listObservations,
  saveObservation,
} from '../../lib/mapping/observations';
import { useFreshStorage } from '../helpers/fresh-db';

const MAPPING: AccountMapping = {
  key: 'connectwise|na.myconnectwise.net|agreement:77',
  psa: 'connectwise',
  host: 'na.myconnectwise.net',
  companyId: '250',
  agreementId: '77',
  companyName: 'Acme Dental',
  policyId: 'p-acme',
  policyName: 'Acme Dental',
  updatedAt: 0,
};
const PRODUCTS = [
  { productId: 'MDM-MAC', service: 'macOS' },
  { productId: 'MDM-MAC-2', service: 'macOS' },
  { productId: 'MDM-ALL', service: 'total' },
] as const;

describe('buildObservation', () => {
  it('sums products sharing a service', () => {
    const observation = buildObservation(
      MAPPING,
      { productIds: ['MDM-MAC', 'MDM-MAC-2', 'MDM-ALL', 'HELPDESK'], quantities: [4, 2, 9, 3] },
      [...PRODUCTS],
      1000,
    );
    expect(observation).toEqual({
      key: MAPPING.key,
      psa: 'connectwise',
      host: 'na.myconnectwise.net',
      companyName: 'Acme Dental',
      policyId: 'p-acme',
      billed: { macOS: 6, total: 9 },
      observedAt: 1000,
    });
  });
});

describe('saveObservation', () => {
  beforeEach(useFreshStorage);

  it('replaces the observation of a mapping', async () => {
    const first = buildObservation(
      MAPPING,
      { productIds: ['MDM-ALL'], quantities: [1] },
      [...PRODUCTS],
      1,
    );
    const second = buildObservation(
      MAPPING,
      { productIds: ['MDM-ALL'], quantities: [2] },
      [...PRODUCTS],
      2,
    );
    await saveObservation(first);
    await saveObservation(second);
    expect(await listObservations()).toEqual([second]);
  });

  it('prunes the oldest beyond the maximum', async () => {
    for (let index = 0; index <= MAX_OBSERVATIONS; index += 1) {
      await saveObservation({
        ...buildObservation(MAPPING, { productIds: [], quantities: [] }, [], index),
        key: `k${index}`,
      });
    }
    const kept = await listObservations();
    expect(kept).toHaveLength(MAX_OBSERVATIONS);
    expect(kept.some((entry) => entry.key === 'k0')).toBe(false);
  });
});
