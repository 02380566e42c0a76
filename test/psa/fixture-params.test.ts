import { describe, expect, it } from 'vitest';
import {
  parseColumns,
  parseLineEntry,
  readCommonParams,
  readFixtureParams,
} from '../fixtures/psa/shared/fixture-params';

const COLUMNS = ['productId', 'quantity', 'description'] as const;

function common(query: string) {
  return readCommonParams(new URLSearchParams(query), {
    parseLine: parseLineEntry,
    columns: COLUMNS,
    defaultRelease: 'r1',
  });
}

describe('shared fixture parameters', () => {
  it('hash overrides query and path values', () => {
    const params = readFixtureParams(
      { search: '?id=2&company=Acme', hash: '#company=Globex&edit=1' },
      { id: '1', release: 'r9' },
    );

    expect(params.get('id')).toBe('2');
    expect(params.get('company')).toBe('Globex');
    expect(params.get('release')).toBe('r9');
    expect(params.get('edit')).toBe('1');
  });

  it('default to the record and layout', () => {
    expect(common('')).toEqual({
      company: null,
      agreementName: null,
      lines: null,
      columns: COLUMNS,
      release: 'r1',
      editing: false,
    });
  });

  it('read overrides and edit mode', () => {
    const lines = JSON.stringify([{ productId: 'MDM-MAC', quantity: 3 }]);
    const query = new URLSearchParams({
      company: 'Initech',
      agreementName: 'Fleet',
      lines,
      columns: 'quantity, productId',
      release: 'r2',
      edit: '1',
    });

    expect(common(query.toString())).toEqual({
      company: 'Initech',
      agreementName: 'Fleet',
      lines: [{ productId: 'MDM-MAC', quantity: 3 }],
      columns: ['quantity', 'productId'],
      release: 'r2',
      editing: true,
    });
  });

  it.each([
    ['lines=[', 'The lines parameter is not valid JSON. Give an array of lines.'],
    ['lines={}', 'The lines parameter is not a JSON array.'],
    ['lines=[1]', 'lines[0] is not an object.'],
    ['lines=[{"quantity":1}]', 'lines[0].productId is missing.'],
    ['lines=[{"productId":"A"}]', 'lines[0].quantity is missing.'],
    [
      'columns=productId,price',
      'The columns parameter names an unknown column "price". Use productId, quantity, description.',
    ],
  ])('reject %s', (query, error) => {
    expect(() => common(query)).toThrow(error);
  });

  it('parse columns against a known list', () => {
    expect(parseColumns('description', COLUMNS)).toEqual(['description']);
  });
});
