import { describe, expect, it } from 'vitest';
import { haloPsaAdapter } from '../../../lib/psa/halopsa/adapter';

describe('HaloPSA adapter URL match', () => {
  it.each([
    'https://acme.halopsa.com/recurringinvoice?id=1042',
    'https://acme.halopsa.com/recurringinvoice/?id=1042',
    'https://acme.halopsa.com/RecurringInvoice?id=7',
    'https://support.example.com/recurringinvoice?id=1042&tab=lines',
    'https://acme.halopsa.com/recurringinvoice',
    'http://127.0.0.1:8790/recurringinvoice?id=1077#id=1042',
  ])('matches %s', (url) => {
    expect(haloPsaAdapter.matchesUrl(new URL(url))).toBe(true);
  });

  it.each([
    'https://acme.halopsa.com/',
    'https://acme.halopsa.com/invoices?mainview=invoices&selid=-1&sellevel=1&invoiceid=20155',
    'https://acme.halopsa.com/recurringinvoices',
    'https://acme.halopsa.com/portal/recurringinvoice?id=1042',
    'https://acme.halopsa.com/recurringinvoice/1042',
    'https://example.com/search?q=/recurringinvoice',
    'file:///recurringinvoice?id=1042',
  ])('rejects %s', (url) => {
    expect(haloPsaAdapter.matchesUrl(new URL(url))).toBe(false);
  });

  it('has the id halopsa', () => {
    expect(haloPsaAdapter.id).toBe('halopsa');
  });
});
