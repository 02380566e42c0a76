import { describe, expect, it } from 'vitest';
import { generatedClassName } from '../../fixtures/psa/autotask/class-names';
import { CONTRACTS } from '../../fixtures/psa/autotask/contract-data';
import {
  decodeViewData,
  DEFAULT_COLUMNS,
  encodeViewData,
  formatDate,
  readFixtureParams,
  resolveFixtureState,
  summaryFrameQuery,
} from '../../fixtures/psa/autotask/contract-state';

const NOW = new Date(2025, 5, 15);

function resolve(contractId: string | null, query = '') {
  return resolveFixtureState(contractId, new URLSearchParams(query), CONTRACTS, NOW);
}

describe('Autotask fixture parameters', () => {
  it('default to the first contract', () => {
    const state = resolve(null);

    expect(state.contract.id).toBe(29683964);
    expect(state.contract.client).toBe('Acme Dental');
    expect(state.contract.status).toBe('Active');
    expect(state.columns).toEqual(DEFAULT_COLUMNS);
    expect(state.dateFormat).toBeNull();
    expect(state.release).toBe('2025.1');
    expect(state.today).toBe('2025-06-15');
  });

  it('give past, current and future months', () => {
    expect(resolve(null).services[0]?.periods).toEqual([
      { start: '2025-05-01', end: '2025-05-31', units: 10 },
      { start: '2025-06-01', end: '2025-06-30', units: 12 },
      { start: '2025-07-01', end: '2025-07-31', units: 14 },
    ]);
  });

  it('count months across a year', () => {
    const periods = resolve(null, 'today=2025-01-10').services[0]?.periods;

    expect(periods?.map((period) => [period.start, period.end])).toEqual([
      ['2024-12-01', '2024-12-31'],
      ['2025-01-01', '2025-01-31'],
      ['2025-02-01', '2025-02-28'],
    ]);
  });

  it('choose a contract by id', () => {
    expect(resolve('29683980').contract.client).toBe('Globex Corporation');
    expect(resolve('29684012').contract.status).toBe('Inactive');
  });

  it('override names, status and services', () => {
    const services = JSON.stringify([
      { id: 'MDM-MAC', units: '1,250.00' },
      { id: 7, name: 'Backup', periods: [{ start: '2025-06-01', end: '', units: 2 }] },
    ]);
    const query = new URLSearchParams({
      ClientName: 'Initech',
      contractName: 'Macs',
      status: 'Inactive',
      services,
    });
    const state = resolve(null, query.toString());

    expect(state.contract.client).toBe('Initech');
    expect(state.contract.name).toBe('Macs');
    expect(state.contract.status).toBe('Inactive');
    expect(state.services).toEqual([
      {
        id: 'MDM-MAC',
        name: 'MDM-MAC',
        unitPrice: 0,
        periods: [{ start: '2025-06-01', end: '2025-06-30', units: '1,250.00' }],
      },
      {
        id: '7',
        name: 'Backup',
        unitPrice: 0,
        periods: [{ start: '2025-06-01', end: '', units: 2 }],
      },
    ]);
  });

  it('leave the shared contracts unchanged', () => {
    resolve(null, 'company=Initech');

    expect(CONTRACTS[0]?.client).toBe('Acme Dental');
  });

  it.each([
    [
      '29600000',
      null,
      'No fixture contract has id 29600000. Use one of 29683964, 29683980, 29684012.',
    ],
    [null, 'services=[', 'The services parameter is not valid JSON. Give an array of services.'],
    [null, 'services={}', 'The services parameter is not a JSON array.'],
    [null, 'services=[{"units":1}]', 'services[0].id is missing. Give a service id such as 201.'],
    [
      null,
      'services=[{"id":1}]',
      'services[0] has neither periods nor units. Give "units": 12 for this month.',
    ],
    [
      null,
      'services=[{"id":1,"periods":[{"units":1}]}]',
      'services[0].periods[0] has neither month nor start. Give {"month": 0} or {"start": ...}.',
    ],
    [
      null,
      'services=[{"id":1,"periods":[{"start":"2025-02-30","units":1}]}]',
      'services[0].periods[0].start "2025-02-30" is not a date. Give it as YYYY-MM-DD, such as ' +
        '2025-06-15.',
    ],
    [
      null,
      'columns=units,price',
      'The columns parameter names an unknown column "price". Use serviceId, serviceName, ' +
        'startDate, endDate, units, unitPrice.',
    ],
    [
      null,
      'dateFormat=dd.mm.yyyy',
      'The dateFormat parameter "dd.mm.yyyy" is invalid. Use m/d/yyyy, mm/dd/yyyy, yyyy-mm-dd.',
    ],
    [
      null,
      'today=June',
      'The today parameter "June" is not a date. Give it as YYYY-MM-DD, such as 2025-06-15.',
    ],
  ])('reject contract %s, query %s', (contractId, query, message) => {
    expect(() => resolve(contractId, query ?? '')).toThrow(message);
  });

  it('read the hash over the query', () => {
    const params = readFixtureParams({
      search: '?contractID=29683964&company=Acme',
      hash: '#contractID=29683980',
    });

    expect(params.get('contractID')).toBe('29683980');
    expect(params.get('company')).toBe('Acme');
  });

  it('pass names and overrides to the summary frame', () => {
    const params = new URLSearchParams({ company: 'Initech', status: 'Inactive', release: 'x' });
    const query = summaryFrameQuery(resolve('29683980', params.toString()), params);

    expect(Array.from(query)).toEqual([
      ['contractID', '29683980'],
      ['ContractName', 'Globex - Apple Fleet'],
      ['ClientName', 'Initech'],
      ['status', 'Inactive'],
    ]);
  });
});

describe('Autotask fixture formats', () => {
  it.each([
    ['m/d/yyyy', '6/5/2025'],
    ['mm/dd/yyyy', '06/05/2025'],
    ['yyyy-mm-dd', '2025-06-05'],
  ] as const)('write %s dates', (format, text) => {
    expect(formatDate('2025-06-05', format)).toBe(text);
    expect(formatDate('', format)).toBe('');
  });

  it('round-trips view-data', () => {
    expect(encodeViewData(29683964)).toBe(btoa('{"contractId":29683964}'));
    expect(decodeViewData(encodeViewData(29683964))).toBe('29683964');
  });

  it.each([
    ['%%%', 'view-data "%%%" is not base64 of JSON. Use encodeViewData(id).'],
    [btoa('{"id":1}'), `view-data "${btoa('{"id":1}')}" has no numeric contractId.`],
  ])('reject view-data %s', (viewData, message) => {
    expect(() => decodeViewData(viewData)).toThrow(message);
  });

  it('change class names by release', () => {
    const current = generatedClassName('servicesGrid', '2025.1');

    expect(current).toMatch(/^_servicesGrid_[a-z0-9]{5}$/);
    expect(generatedClassName('servicesGrid', '2025.1')).toBe(current);
    expect(generatedClassName('servicesGrid', '2025.2')).not.toBe(current);
  });
});
