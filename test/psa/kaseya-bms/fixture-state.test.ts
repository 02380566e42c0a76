import { describe, expect, it } from 'vitest';
import { CONTRACTS } from '../../fixtures/psa/kaseya-bms/contract-data';
import { controlPrefix, gridSkin } from '../../fixtures/psa/kaseya-bms/contract-screen';
import {
  DEFAULT_COLUMNS,
  readFixtureParams,
  resolveFixtureState,
} from '../../fixtures/psa/kaseya-bms/contract-state';

function resolve(query: string) {
  return resolveFixtureState(new URLSearchParams(query), CONTRACTS);
}

describe('Kaseya BMS fixture parameters', () => {
  it('default to the first contract', () => {
    const state = resolve('');

    expect(state.contract.id).toBe(5521);
    expect(state.contract.account).toBe('Acme Dental');
    expect(state.columns).toEqual(DEFAULT_COLUMNS);
    expect(state.scrolling).toBe(true);
    expect(state.release).toBe('5.6');
  });

  it('choose a contract by ID or id', () => {
    expect(resolve('ID=5538').contract.account).toBe('Globex Corporation');
    expect(resolve('id=5538').contract.account).toBe('Globex Corporation');
  });

  it('override company, name and lines', () => {
    const lines = JSON.stringify([{ productId: 'MDM-MAC', quantity: 3, unitPrice: 2 }]);
    const state = resolve(`company=Initech&agreementName=Macs&lines=${encodeURIComponent(lines)}`);

    expect(state.contract.account).toBe('Initech');
    expect(state.contract.name).toBe('Macs');
    expect(state.contract.lines).toEqual([
      {
        productId: 'MDM-MAC',
        description: 'MDM-MAC',
        quantity: 3,
        unitPrice: 2,
        effectiveDate: '01/01/2026',
      },
    ]);
  });

  it('turn scrolling off', () => {
    expect(resolve('scrolling=false').scrolling).toBe(false);
  });

  it('leave the shared contracts unchanged', () => {
    const state = resolve('company=Initech');
    state.contract.lines[0]!.quantity = 99;

    expect(CONTRACTS[0]?.account).toBe('Acme Dental');
    expect(CONTRACTS[0]?.lines[0]?.quantity).toBe(12);
  });

  it.each([
    ['ID=1', 'No fixture contract has ID 1. Use one of 5521, 5538.'],
    ['lines=[', 'The lines parameter is not valid JSON. Give an array of lines.'],
    ['lines={}', 'The lines parameter is not a JSON array.'],
    ['lines=["A"]', 'lines[0] is not an object.'],
    ['lines=[{"quantity":1}]', 'lines[0].productId is missing. Give a string such as "MDM-MAC".'],
    ['lines=[{"productId":"A"}]', 'lines[0].quantity is missing. Give a number such as 12.'],
    ['scrolling=yes', 'The scrolling parameter is invalid. Give true or false.'],
    [
      'columns=quantity,price',
      'The columns parameter names an unknown column "price". Use productId, description, ' +
        'quantity, unitPrice, total, effectiveDate.',
    ],
  ])('reject %s', (query, message) => {
    expect(() => resolve(query)).toThrow(message);
  });

  it('read the hash over the query', () => {
    const params = readFixtureParams({ search: '?ID=5521&company=Acme', hash: '#ID=5538' });

    expect(params.get('ID')).toBe('5538');
    expect(params.get('company')).toBe('Acme');
  });
});

describe('Kaseya BMS fixture generated names', () => {
  it('change control ids by release', () => {
    const current = controlPrefix('5.6');

    expect(current).toMatch(/^ctl00_phContent_ctl\d{2}$/);
    expect(controlPrefix('5.6')).toBe(current);
    expect(controlPrefix('5.7')).not.toBe(current);
  });

  it('change the grid skin by release', () => {
    expect(gridSkin('5.6')).toBe('Bootstrap');
    expect(gridSkin('5.7')).toBe('Metro');
  });
});
