import { describe, expect, it } from 'vitest';
import { RECURRING_INVOICES } from '../../fixtures/psa/halopsa/invoice-data';
import { generatedClassName } from '../../fixtures/psa/halopsa/invoice-screen';
import {
  DEFAULT_COLUMNS,
  readFixtureParams,
  resolveFixtureState,
} from '../../fixtures/psa/halopsa/invoice-state';

function resolve(query: string) {
  return resolveFixtureState(new URLSearchParams(query), RECURRING_INVOICES);
}

describe('HaloPSA fixture parameters', () => {
  it('default to the first invoice', () => {
    const state = resolve('');

    expect(state.invoice.id).toBe(1042);
    expect(state.invoice.client).toBe('Acme Dental');
    expect(state.columns).toEqual(DEFAULT_COLUMNS);
    expect(state.headers.quantity).toBe('Quantity');
    expect(state.clientLabel).toBe('Client');
    expect(state.release).toBe('2.190.1');
  });

  it('choose an invoice by id', () => {
    expect(resolve('id=1077').invoice.client).toBe('Globex Corporation');
  });

  it('override company, reference and lines', () => {
    const lines = JSON.stringify([{ productId: 'MDM-MAC', quantity: 3, inactive: true }]);
    const state = resolve(`company=Initech&agreementName=Macs&lines=${encodeURIComponent(lines)}`);

    expect(state.invoice.client).toBe('Initech');
    expect(state.invoice.reference).toBe('Macs');
    expect(state.invoice.lines).toEqual([
      { productId: 'MDM-MAC', description: 'MDM-MAC', quantity: 3, unitPrice: 0, inactive: true },
    ]);
  });

  it('choose labels', () => {
    const state = resolve('clientLabel=Customer&quantityHeader=Qty');

    expect(state.clientLabel).toBe('Customer');
    expect(state.headers.quantity).toBe('Qty');
    expect(state.headers.productId).toBe('Item');
  });

  it('leave the shared invoices unchanged', () => {
    const state = resolve('company=Initech');
    state.invoice.lines[0]!.quantity = 99;

    expect(RECURRING_INVOICES[0]?.client).toBe('Acme Dental');
    expect(RECURRING_INVOICES[0]?.lines[0]?.quantity).toBe(12);
  });

  it.each([
    ['id=1', 'No fixture recurring invoice has id 1. Use one of 1042, 1077.'],
    ['lines=[', 'The lines parameter is not valid JSON. Give an array of lines.'],
    ['lines={}', 'The lines parameter is not a JSON array.'],
    ['lines=[1]', 'lines[0] is not an object.'],
    ['lines=[{"quantity":1}]', 'lines[0].productId is missing. Give a string such as "MDM-MAC".'],
    ['lines=[{"productId":"A"}]', 'lines[0].quantity is missing. Give a number such as 12.'],
    [
      'lines=[{"productId":"A","quantity":1,"inactive":"yes"}]',
      'lines[0].inactive is invalid. Give true or false.',
    ],
    ['clientLabel=Company', 'The clientLabel parameter is invalid. Give one of Client, Customer.'],
    ['quantityHeader=Units', 'The quantityHeader parameter is invalid. Give one of Quantity, Qty.'],
    [
      'columns=quantity,price',
      'The columns parameter names an unknown column "price". Use productId, description, ' +
        'quantity, unitPrice, netAmount, inactive.',
    ],
  ])('reject %s', (query, message) => {
    expect(() => resolve(query)).toThrow(message);
  });

  it('read the hash over the query', () => {
    const params = readFixtureParams({ search: '?id=1042&company=Acme', hash: '#id=1077' });

    expect(params.get('id')).toBe('1077');
    expect(params.get('company')).toBe('Acme');
  });
});

describe('HaloPSA fixture class names', () => {
  it('look generated and change by release', () => {
    const current = generatedClassName('lines', '2.190.1');

    expect(current).toMatch(/^css-[a-z0-9]{1,7}$/);
    expect(generatedClassName('lines', '2.190.1')).toBe(current);
    expect(generatedClassName('lines', '2.201.3')).not.toBe(current);
    expect(generatedClassName('linesRow', '2.190.1')).not.toBe(current);
  });
});
