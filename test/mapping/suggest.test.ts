import { describe, expect, it } from 'vitest';
import { normalizeCompanyName } from '../../lib/mapping/company-name';
import { suggestPolicies } from '../../lib/mapping/suggest';

describe('normalizeCompanyName', () => {
  it.each([
    ['Acme Dental', 'acme dental'],
    ['ACME DENTAL, INC.', 'acme dental'],
    ['Bright Smile Dental, LLC', 'bright smile dental'],
    ['Bright Smile Dental L.L.C.', 'bright smile dental'],
    ['Café Nova GmbH', 'cafe nova'],
    ['Müller & Söhne KG', 'muller and sohne'],
    ['Harbor & Pine Architects Inc.', 'harbor and pine architects'],
    ['The Oakridge Academy', 'oakridge academy'],
    ["St. Mary's Veterinary Clinic", 'st mary s veterinary clinic'],
    ['Globex Co. Ltd', 'globex'],
    ['Inc', 'inc'],
    ['  ', ''],
  ])('%j -> %j', (input, expected) => {
    expect(normalizeCompanyName(input)).toBe(expected);
  });
});

const policies = [
  { policyId: '1', name: 'Acme Dental' },
  { policyId: '2', name: 'Acme Dental Group' },
  { policyId: '3', name: 'Bright Smile Dental, LLC' },
  { policyId: '4', name: 'Café Nova GmbH' },
  { policyId: '5', name: 'Northwind Legal Partners' },
  { policyId: '6', name: 'Lab' },
];

describe('suggestPolicies', () => {
  it('exact name comes first', () => {
    expect(suggestPolicies('Acme Dental', policies).map((s) => [s.policyId, s.kind])).toEqual([
      ['1', 'exact'],
    ]);
  });

  it.each([
    ['acme dental', '1', 'normalized'],
    ['Bright Smile Dental', '3', 'normalized'],
    ['CAFE NOVA', '4', 'normalized'],
    ['Northwind Legal Partner', '5', 'similar'],
    ['Nortwind Legal Partners', '5', 'similar'],
  ])('%j suggests policy %s as %s', (company, policyId, kind) => {
    const [first] = suggestPolicies(company, policies);
    expect(first?.policyId).toBe(policyId);
    expect(first?.kind).toBe(kind);
  });

  it('explains each kind', () => {
    expect(suggestPolicies('acme dental', policies)[0]?.reason).toBe(
      'Same name apart from case, punctuation, accents or a suffix such as Inc. or LLC',
    );
    expect(suggestPolicies('Northwind Legal Partner', policies)[0]?.reason).toBe(
      'Similar spelling (1 letter differs)',
    );
  });

  it.each([['Globex'], ['Acme'], ['Lap'], ['']])('suggests nothing for %j', (company) => {
    expect(suggestPolicies(company, policies)).toEqual([]);
  });

  it('keeps different words apart', () => {
    const names = suggestPolicies('Acme Dental Grp', policies).map((s) => s.name);
    expect(names).toEqual(['Acme Dental Group']);
  });
});
