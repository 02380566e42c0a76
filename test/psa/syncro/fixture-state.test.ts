import { describe, expect, it } from 'vitest';
import { SCHEDULES } from '../../fixtures/psa/syncro/schedule-data';
import { generatedClassName } from '../../fixtures/psa/syncro/schedule-screen';
import {
  DEFAULT_COLUMNS,
  readFixtureParams,
  resolveFixtureState,
} from '../../fixtures/psa/syncro/schedule-state';

function resolve(query: string) {
  return resolveFixtureState(new URLSearchParams(query), SCHEDULES);
}

describe('Syncro fixture parameters', () => {
  it('default to the first schedule', () => {
    const state = resolve('');

    expect(state.schedule.id).toBe(3310);
    expect(state.schedule.customer).toBe('Acme Dental');
    expect(state.columns).toEqual(DEFAULT_COLUMNS);
    expect(state.release).toBe('2026.07');
  });

  it('choose a schedule by id', () => {
    expect(resolve('id=3325').schedule.customer).toBe('Globex Corporation');
  });

  it('override company, template name and lines', () => {
    const lines = JSON.stringify([{ productId: 'MDM-MAC', quantity: 3, taxable: false }]);
    const state = resolve(`company=Initech&agreementName=Macs&lines=${encodeURIComponent(lines)}`);

    expect(state.schedule.customer).toBe('Initech');
    expect(state.schedule.templateName).toBe('Macs');
    expect(state.schedule.lines).toEqual([
      {
        productId: 'MDM-MAC',
        description: 'MDM-MAC',
        quantity: 3,
        retail: 0,
        taxable: false,
        recurringType: 'Standard',
      },
    ]);
  });

  it('leave the shared schedules unchanged', () => {
    const state = resolve('company=Initech');
    state.schedule.lines[0]!.quantity = 99;

    expect(SCHEDULES[0]?.customer).toBe('Acme Dental');
    expect(SCHEDULES[0]?.lines[0]?.quantity).toBe(12);
  });

  it.each([
    ['id=1', 'No fixture schedule has id 1. Use one of 3310, 3325.'],
    ['lines=[', 'The lines parameter is not valid JSON. Give an array of lines.'],
    ['lines={}', 'The lines parameter is not a JSON array.'],
    ['lines=[null]', 'lines[0] is not an object.'],
    ['lines=[{"quantity":1}]', 'lines[0].productId is missing. Give a string such as "MDM-MAC".'],
    ['lines=[{"productId":"A"}]', 'lines[0].quantity is missing. Give a number such as 12.'],
    [
      'lines=[{"productId":"A","quantity":1,"recurringType":"Monthly"}]',
      'lines[0].recurringType is invalid. Give one of Standard, Asset Counter, Policy Folder.',
    ],
    [
      'columns=quantity,price',
      'The columns parameter names an unknown column "price". Use productId, description, ' +
        'recurringType, quantity, retail, taxable.',
    ],
  ])('reject %s', (query, message) => {
    expect(() => resolve(query)).toThrow(message);
  });

  it('take the id from the path', () => {
    const params = readFixtureParams({ pathname: '/schedules/3325', search: '', hash: '' });

    expect(params.get('id')).toBe('3325');
  });

  it('read the hash over query and path', () => {
    const params = readFixtureParams({
      pathname: '/schedules/3310',
      search: '?id=3325&company=Acme',
      hash: '#company=Initech',
    });

    expect(params.get('id')).toBe('3325');
    expect(params.get('company')).toBe('Initech');
  });
});

describe('Syncro fixture class names', () => {
  it('look generated and change by release', () => {
    const current = generatedClassName('lineItems', '2026.07');

    expect(current).toMatch(/^sc-[a-z0-9]{1,7}$/);
    expect(generatedClassName('lineItems', '2026.07')).toBe(current);
    expect(generatedClassName('lineItems', '2026.08')).not.toBe(current);
    expect(generatedClassName('lineItemsRow', '2026.07')).not.toBe(current);
  });
});
