import { describe, expect, it } from 'vitest';
import { addRecordToPanelUrl, readPanelRecord, sidePanelUrl } from '../../lib/side-panel/link';

const PAGE = 'chrome-extension://0f4d3a5e-2b1c-4d7e-9a8b-6c5d4e3f2a1b/sidepanel.html';
const RECORD = {
  psa: 'connectwise',
  host: 'na.myconnectwise.net',
  companyId: '250',
  agreementId: '4107',
  productIds: ['MDM-MAC', 'MDM-TOTAL'],
};

/** Returns a fragment with the record's fields, each replaceable. */
function hashOf(fields: Record<string, string | string[]>): string {
  const fragment = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) {
    for (const item of Array.isArray(value) ? value : [value]) fragment.append(name, item);
  }
  return `#${fragment.toString()}`;
}

describe('addRecordToPanelUrl', () => {
  it('keeps the company and adds the record', () => {
    const url = addRecordToPanelUrl(sidePanelUrl(PAGE, 'Acme Dental, Inc.'), RECORD);

    expect(url).toBe(
      `${PAGE}#company=Acme+Dental%2C+Inc.&psa=connectwise&host=na.myconnectwise.net` +
        '&companyId=250&agreementId=4107&line=MDM-MAC&line=MDM-TOTAL',
    );
  });

  it('writes missing ids as empty values', () => {
    const url = addRecordToPanelUrl(`${PAGE}#company=Acme`, {
      ...RECORD,
      companyId: null,
      agreementId: null,
      productIds: [],
    });

    expect(url).toBe(
      `${PAGE}#company=Acme&psa=connectwise&host=na.myconnectwise.net&companyId=&agreementId=`,
    );
  });

  it('replaces the lines of an earlier record', () => {
    const first = addRecordToPanelUrl(`${PAGE}#company=Acme`, RECORD);
    const second = addRecordToPanelUrl(first, { ...RECORD, productIds: ['MDM-IOS'] });

    expect(readPanelRecord(new URL(second).hash).productIds).toEqual(['MDM-IOS']);
  });

  it('keeps at most 50 lines', () => {
    const productIds = Array.from({ length: 60 }, (_, index) => `P-${index}`);
    const url = addRecordToPanelUrl(`${PAGE}#company=Acme`, { ...RECORD, productIds });

    expect(new URLSearchParams(new URL(url).hash.slice(1)).getAll('line')).toHaveLength(50);
  });
});

describe('readPanelRecord', () => {
  it('reads back what addRecordToPanelUrl wrote', () => {
    const url = addRecordToPanelUrl(sidePanelUrl(PAGE, 'Café Nova & Co'), RECORD);

    expect(readPanelRecord(new URL(url).hash)).toEqual({
      companyName: 'Café Nova & Co',
      ...RECORD,
    });
  });

  it('reads a fragment with the company only', () => {
    expect(readPanelRecord('#company=Acme+Dental')).toEqual({
      companyName: 'Acme Dental',
      psa: '',
      host: '',
      companyId: null,
      agreementId: null,
      productIds: [],
    });
  });

  it.each([
    ['a host with a path', { host: 'evil.example/x' }, 'host', ''],
    ['a host with a port', { host: 'psa.example.com:8443' }, 'host', ''],
    ['a host with credentials', { host: 'user@psa.example.com' }, 'host', ''],
    ['an upper-case host', { host: 'NA.MyConnectWise.net' }, 'host', 'na.myconnectwise.net'],
    ['an IPv6 host', { host: '[::1]' }, 'host', '[::1]'],
    ['a PSA id with spaces', { psa: 'connect wise' }, 'psa', ''],
    ['an overlong PSA id', { psa: 'p'.repeat(41) }, 'psa', ''],
    ['an overlong host', { host: `${'h'.repeat(250)}.net` }, 'host', ''],
    ['an empty company id', { companyId: '' }, 'companyId', null],
    ['an overlong company id', { companyId: '1'.repeat(101) }, 'companyId', null],
    ['an overlong agreement id', { agreementId: '1'.repeat(101) }, 'agreementId', null],
  ])('drops %s', (_name, change, field, expected) => {
    const hash = hashOf({ company: 'Acme', ...RECORD, ...change });

    expect(readPanelRecord(hash)[field as keyof typeof RECORD]).toBe(expected);
  });

  it('drops empty, overlong and repeated lines', () => {
    const hash = hashOf({ line: ['MDM-MAC', '', 'x'.repeat(101), 'MDM-MAC', ' MDM-IOS '] });

    expect(readPanelRecord(hash).productIds).toEqual(['MDM-MAC', 'MDM-IOS']);
  });
});
