import { describe, expect, it } from 'vitest';
import type { PanelRecord } from '../../lib/side-panel/link';
import {
  accountMappingFor,
  defaultScope,
  describeMappingScope,
  recordProblem,
  scopeProblems,
} from '../../lib/side-panel/mapping-scope';

const RECORD: PanelRecord = {
  companyName: 'Acme Dental, Inc.',
  psa: 'connectwise',
  host: 'na.myconnectwise.net',
  companyId: '250',
  agreementId: '4107',
  productIds: ['MDM-MAC'],
};
const POLICY = { policyId: 'p-acme', name: 'Acme Dental' };

describe('recordProblem', () => {
  it('accepts a record with either id', () => {
    expect(recordProblem(RECORD)).toBeNull();
    expect(recordProblem({ ...RECORD, companyId: null })).toBeNull();
    expect(recordProblem({ ...RECORD, agreementId: null })).toBeNull();
  });

  it.each([
    ['no PSA', { psa: '' }, 'This page passed no PSA record to the panel'],
    ['no host', { host: '' }, 'This page passed no PSA record to the panel'],
    [
      'no ids',
      { companyId: null, agreementId: null },
      'This page shows no company ID or agreement ID',
    ],
  ])('rejects a record with %s', (_name, change, expected) => {
    expect(recordProblem({ ...RECORD, ...change })).toContain(expected);
  });
});

describe('scope', () => {
  it.each([
    ['both ids', RECORD, 'company', { company: null, agreement: null }],
    [
      'the agreement id only',
      { ...RECORD, companyId: null },
      'agreement',
      { company: 'The page shows no company ID.', agreement: null },
    ],
    [
      'the company id only',
      { ...RECORD, agreementId: null },
      'company',
      { company: null, agreement: 'The page shows no agreement ID.' },
    ],
  ])('with %s', (_name, record, scope, problems) => {
    expect(defaultScope(record)).toBe(scope);
    expect(scopeProblems(record)).toEqual(problems);
  });
});

describe('accountMappingFor', () => {
  it('maps the whole company without the agreement id', () => {
    expect(accountMappingFor(RECORD, POLICY, 'company')).toEqual({
      psa: 'connectwise',
      host: 'na.myconnectwise.net',
      companyId: '250',
      agreementId: null,
      companyName: 'Acme Dental, Inc.',
      policyId: 'p-acme',
      policyName: 'Acme Dental',
    });
  });

  it('maps the agreement and keeps the company id', () => {
    const mapping = accountMappingFor(RECORD, POLICY, 'agreement');

    expect(mapping.agreementId).toBe('4107');
    expect(mapping.companyId).toBe('250');
  });
});

describe('describeMappingScope', () => {
  it.each([
    [{ companyId: '250', agreementId: null }, 'whole company (ID 250)'],
    [{ companyId: '250', agreementId: '4107' }, 'this agreement only (ID 4107)'],
    [{ companyId: null, agreementId: '4107' }, 'this agreement only (ID 4107)'],
  ])('%j', (mapping, expected) => {
    expect(describeMappingScope(mapping)).toBe(expected);
  });
});
