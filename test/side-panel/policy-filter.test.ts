import { describe, expect, it } from 'vitest';
import { filterPolicies, type PolicyFilter } from '../../lib/side-panel/policy-filter';

const POLICIES = [
  { policyId: 'a', name: 'Acme Dental' },
  { policyId: 'b', name: 'Bright Smile Dental, LLC' },
  { policyId: 'o', name: 'Oakridge Academy' },
  { policyId: 'n', name: 'Northwind Legal Partners' },
];

function namesOf(query: string, filter: PolicyFilter): string[] {
  return filterPolicies(POLICIES, {
    query,
    filter,
    mappedPolicyIds: new Set(['a', 'o']),
    suggestedPolicyIds: new Set(['a', 'b']),
  }).map((policy) => policy.name);
}

describe('filterPolicies', () => {
  it.each<[string, PolicyFilter, string[]]>([
    [
      '',
      'all',
      ['Acme Dental', 'Bright Smile Dental, LLC', 'Oakridge Academy', 'Northwind Legal Partners'],
    ],
    ['', 'mapped', ['Acme Dental', 'Oakridge Academy']],
    ['', 'unmapped', ['Bright Smile Dental, LLC', 'Northwind Legal Partners']],
    ['', 'suggested', ['Acme Dental', 'Bright Smile Dental, LLC']],
    ['DENTAL', 'all', ['Acme Dental', 'Bright Smile Dental, LLC']],
    ['  dental ', 'mapped', ['Acme Dental']],
    ['dental', 'unmapped', ['Bright Smile Dental, LLC']],
    ['academy', 'suggested', []],
    ['globex', 'all', []],
  ])('%j with %s', (query, filter, expected) => {
    expect(namesOf(query, filter)).toEqual(expected);
  });
});
