import { describe, expect, it } from 'vitest';
import { AGREEMENTS } from '../../fixtures/psa/connectwise/agreement-data';
import { generatedClassName } from '../../fixtures/psa/connectwise/agreement-screen';
import {
  DEFAULT_COLUMNS,
  readFixtureParams,
  resolveFixtureState,
} from '../../fixtures/psa/connectwise/agreement-state';

function resolve(query: string) {
  return resolveFixtureState(new URLSearchParams(query), AGREEMENTS);
}

describe('ConnectWise fixture parameters', () => {
  it('default to the first agreement', () => {
    const state = resolve('');

    expect(state.agreement.recid).toBe(4107);
    expect(state.agreement.company).toBe('Acme Dental');
    expect(state.columns).toEqual(DEFAULT_COLUMNS);
    expect(state.release).toBe('v4_6_release');
  });

  it('choose an agreement by recid', () => {
    expect(resolve('recid=4230').agreement.company).toBe('Globex Corporation');
    expect(resolve('recid=4108').agreement.name).toBe('Acme Dental - Cloud Backup');
  });

  it('override company and lines', () => {
    const lines = JSON.stringify([{ productId: 'MDM-MAC', quantity: 3, bill: 'No Charge' }]);
    const state = resolve(`company=Initech&lines=${encodeURIComponent(lines)}`);

    expect(state.agreement.company).toBe('Initech');
    expect(state.agreement.lines).toEqual([
      {
        productId: 'MDM-MAC',
        description: 'MDM-MAC',
        quantity: 3,
        lessIncluded: 0,
        unitPrice: 0,
        bill: 'No Charge',
        cancelled: '',
      },
    ]);
  });

  it('leave the shared agreements unchanged', () => {
    const state = resolve('company=Initech');
    state.agreement.lines[0]!.quantity = 99;

    expect(AGREEMENTS[0]?.company).toBe('Acme Dental');
    expect(AGREEMENTS[0]?.lines[0]?.quantity).toBe(12);
  });

  it.each([
    ['recid=1', 'No fixture agreement has recid 1. Use one of 4107, 4108, 4230.'],
    ['lines=[', 'The lines parameter is not valid JSON. Give an array of lines.'],
    ['lines={}', 'The lines parameter is not a JSON array.'],
    ['lines=[{"quantity":1}]', 'lines[0].productId is missing. Give a string such as "MDM-MAC".'],
    ['lines=[{"productId":"A"}]', 'lines[0].quantity is missing. Give a number such as 12.'],
    [
      'lines=[{"productId":"A","quantity":1,"bill":"Yes"}]',
      'lines[0].bill is invalid. Give one of Billable, Do Not Bill, No Charge.',
    ],
    [
      'columns=quantity,price',
      'The columns parameter names an unknown column "price". Use productId, description, ' +
        'quantity, lessIncluded, unitPrice, extPrice, bill, cancelled.',
    ],
  ])('reject %s', (query, message) => {
    expect(() => resolve(query)).toThrow(message);
  });

  it('read the hash over the query', () => {
    const params = readFixtureParams({ search: '?recid=4107&company=Acme', hash: '#recid=4230' });

    expect(params.get('recid')).toBe('4230');
    expect(params.get('company')).toBe('Acme');
  });
});

describe('ConnectWise fixture class names', () => {
  it('look generated and change by release', () => {
    const current = generatedClassName('grid', 'v4_6_release');

    expect(current).toMatch(/^G[A-Z0-9]{10}$/);
    expect(generatedClassName('grid', 'v4_6_release')).toBe(current);
    expect(generatedClassName('grid', 'v2025_1')).not.toBe(current);
    expect(generatedClassName('gridRow', 'v4_6_release')).not.toBe(current);
  });
});
