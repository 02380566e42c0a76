import { describe, expect, it } from 'vitest';
import {
  describeExport,
  describeImport,
  mappingsFileName,
  parseMappingsFileText,
} from '../../lib/mapping/mappings-file';

describe('mappings file', () => {
  it('names the export by date', () => {
    expect(mappingsFileName(new Date('2025-06-30T23:00:00Z'))).toBe(
      'addigy-mappings-2025-06-30.json',
    );
  });

  it('parses JSON text', () => {
    expect(parseMappingsFileText('m.json', '{"version": 1}')).toEqual({ version: 1 });
  });

  it('names a file that is not JSON', () => {
    expect(() => parseMappingsFileText('notes.txt', 'not json')).toThrow(
      /^"notes\.txt" is not a JSON file \(.+\)\. Choose a file made by Export mappings\. Nothing was imported\.$/,
    );
  });

  it.each([
    [{ accounts: 1, products: 2 }, 'Imported 1 account mapping and 2 product mappings.'],
    [{ accounts: 0, products: 1 }, 'Imported 0 account mappings and 1 product mapping.'],
  ])('describes import %j', (result, expected) => {
    expect(describeImport(result)).toBe(expected);
  });

  it('describes an export', () => {
    expect(describeExport({ accountMappings: [{}, {}], productMappings: [] })).toBe(
      'Exported 2 account mappings and 0 product mappings.',
    );
  });
});
