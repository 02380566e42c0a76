import { beforeEach, describe, expect, it } from 'vitest';
import {
  findAccountMapping,
  listAccountMappings,
  saveAccountMapping,
  type AccountMappingInput,
} from '../../lib/mapping/account-mapping';
import { listProductMappings, saveProductMapping } from '../../lib/mapping/product-mapping';
import { exportMappings, importMappings } from '../../lib/mapping/transfer';
import { useFreshStorage } from '../helpers/fresh-db';

const company: AccountMappingInput = {
  psa: 'connectwise',
  host: 'NA.myconnectwise.net',
  companyId: '250',
  agreementId: null,
  companyName: 'Acme Dental',
  policyId: 'p-acme',
  policyName: 'Acme Dental',
};

describe('account mappings', () => {
  beforeEach(useFreshStorage);

  it('finds the company mapping by id, not name', async () => {
    await saveAccountMapping(company);
    const found = await findAccountMapping({
      psa: 'connectwise',
      host: 'na.myconnectwise.net',
      companyId: '250',
      agreementId: '17',
    });
    expect(found?.policyId).toBe('p-acme');
    const sameName = await findAccountMapping({
      psa: 'connectwise',
      host: 'na.myconnectwise.net',
      companyId: '999',
      agreementId: null,
    });
    expect(sameName).toBeNull();
  });

  it('agreement mapping wins over the company', async () => {
    await saveAccountMapping(company);
    await saveAccountMapping({
      ...company,
      agreementId: '17',
      policyId: 'p-kiosks',
      policyName: 'Acme Kiosks',
    });
    const found = await findAccountMapping({
      psa: 'connectwise',
      host: 'na.myconnectwise.net',
      companyId: '250',
      agreementId: '17',
    });
    expect(found?.policyId).toBe('p-kiosks');
  });

  it('keeps sites apart', async () => {
    await saveAccountMapping(company);
    const other = await findAccountMapping({
      psa: 'connectwise',
      host: 'eu.myconnectwise.net',
      companyId: '250',
      agreementId: null,
    });
    expect(other).toBeNull();
  });

  it('survives a rename on either side', async () => {
    await saveAccountMapping(company);
    await saveAccountMapping({
      ...company,
      companyName: 'Acme Dental Group',
      policyName: 'Acme Dental (old)',
    });
    expect(await listAccountMappings()).toHaveLength(1);
    const found = await findAccountMapping({
      psa: 'connectwise',
      host: 'na.myconnectwise.net',
      companyId: '250',
      agreementId: null,
    });
    expect(found?.companyName).toBe('Acme Dental Group');
  });

  it('rejects a mapping without record ids', async () => {
    await expect(saveAccountMapping({ ...company, companyId: null })).rejects.toThrow(
      'A mapping needs the PSA company id or agreement id; names alone are not kept.',
    );
  });
});

describe('importMappings', () => {
  beforeEach(useFreshStorage);

  it('round trips an export', async () => {
    await saveAccountMapping(company);
    await saveProductMapping({ productId: 'MDM-MAC', service: 'macOS' });
    const file = await exportMappings();
    await useFreshStorage();
    expect(await importMappings(JSON.parse(JSON.stringify(file)))).toEqual({
      accounts: 1,
      products: 1,
    });
    expect((await listAccountMappings())[0]?.policyId).toBe('p-acme');
    expect(await listProductMappings()).toEqual([{ productId: 'MDM-MAC', service: 'macOS' }]);
  });

  it.each([
    [{ format: 'other', version: 1, accountMappings: [], productMappings: [] }, 'at format:'],
    [
      {
        format: 'addigy-psa-counts/mappings',
        version: 2,
        accountMappings: [],
        productMappings: [],
      },
      'at version:',
    ],
    [
      {
        format: 'addigy-psa-counts/mappings',
        version: 1,
        accountMappings: [{ ...company, policyId: '' }],
        productMappings: [],
      },
      'at accountMappings.0.policyId:',
    ],
    [
      {
        format: 'addigy-psa-counts/mappings',
        version: 1,
        accountMappings: [],
        productMappings: [{ productId: 'X', service: 'android' }],
      },
      'at productMappings.0.service:',
    ],
    ['not an object', 'at the file:'],
  ])('invalid file %# changes nothing', async (file, where) => {
    await saveProductMapping({ productId: 'KEEP', service: 'total' });
    await expect(importMappings(file)).rejects.toThrow(`The mappings file is invalid ${where}`);
    expect(await listProductMappings()).toEqual([{ productId: 'KEEP', service: 'total' }]);
    expect(await listAccountMappings()).toEqual([]);
  });

  it('a bad last entry writes none of the good ones', async () => {
    const file = {
      format: 'addigy-psa-counts/mappings',
      version: 1,
      accountMappings: [company, { ...company, companyId: '251' }, { ...company, companyId: null }],
      productMappings: [],
    };
    await expect(importMappings(file)).rejects.toThrow('at accountMappings.2.companyId:');
    expect(await listAccountMappings()).toEqual([]);
  });
});
