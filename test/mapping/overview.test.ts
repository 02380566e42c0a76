import { describe, expect, it } from 'vitest';
import type { AccountMapping } from '../../lib/mapping/account-mapping';
import {
  buildMappingOverview,
  filterMappingOverview,
  type OverviewFilter,
} from '../../lib/mapping/overview';

const POLICIES = [
  { policyId: 'p-acme', name: 'Acme Dental', total: 34 },
  { policyId: 'p-oak', name: 'Oakridge Academy', total: 61 },
  { policyId: 'p-nw', name: 'Northwind Legal Partners', total: 9 },
];

function mapping(companyId: string, companyName: string, policyId: string): AccountMapping {
  return {
    psa: 'connectwise',
    host: 'na.myconnectwise.net',
    companyId,
    agreementId: null,
    companyName,
    policyId,
    policyName: POLICIES.find((policy) => policy.policyId === policyId)?.name ?? 'Gone Client',
    key: `connectwise|na.myconnectwise.net|company:${companyId}`,
    updatedAt: 0,
  };
}

const MAPPINGS = [
  mapping('310', 'Oakridge Academy Inc.', 'p-oak'),
  mapping('250', 'Acme Dental, Inc.', 'p-acme'),
  mapping('251', 'Acme Dental, Inc.', 'p-acme'),
  mapping('900', 'Globex', 'p-gone'),
];

describe('buildMappingOverview', () => {
  const overview = buildMappingOverview(POLICIES, MAPPINGS);

  it('marks policies mapped by their records', () => {
    expect(
      overview.policies.map((policy) => [policy.name, policy.state, policy.records.length]),
    ).toEqual([
      ['Acme Dental', 'mapped', 2],
      ['Oakridge Academy', 'mapped', 1],
      ['Northwind Legal Partners', 'unmapped', 0],
    ]);
  });

  it('marks records of a missing policy unmapped', () => {
    expect(overview.records.map((row) => [row.mapping.companyId, row.state])).toEqual([
      ['250', 'mapped'],
      ['251', 'mapped'],
      ['900', 'unmapped'],
      ['310', 'mapped'],
    ]);
  });
});

describe('filterMappingOverview', () => {
  const overview = buildMappingOverview(POLICIES, MAPPINGS);

  it.each<[string, OverviewFilter, string[], string[]]>([
    [
      '',
      'all',
      ['Acme Dental', 'Oakridge Academy', 'Northwind Legal Partners'],
      ['250', '251', '900', '310'],
    ],
    ['', 'mapped', ['Acme Dental', 'Oakridge Academy'], ['250', '251', '310']],
    ['', 'unmapped', ['Northwind Legal Partners'], ['900']],
    ['ACME', 'all', ['Acme Dental'], ['250', '251']],
    ['251', 'all', [], ['251']],
    ['connectwise.net', 'mapped', [], ['250', '251', '310']],
    ['gone client', 'all', [], ['900']],
  ])('%j with %s', (query, filter, policies, records) => {
    const filtered = filterMappingOverview(overview, query, filter);

    expect(filtered.policies.map((policy) => policy.name)).toEqual(policies);
    expect(filtered.records.map((row) => row.mapping.companyId)).toEqual(records);
  });
});
