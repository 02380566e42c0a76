// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readPageRecord } from '../../lib/side-panel/page-record';
import { loadAgreementPage } from '../psa/connectwise/fixture-page';

const APP_URL = 'https://na.myconnectwise.net/v4_6_release/ConnectWise.aspx';

/** Puts the rendered fixture into the test's document at `url`. */
function showAgreement(url: string, params: Record<string, string>): Document {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);
  // Only the rendered screen is copied, because happy-dom refuses to load the fixture's script.
  const app = loadAgreementPage(params).getElementById('cw-app')!;
  document.body.replaceChildren(document.importNode(app, true));
  return document;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('readPageRecord', () => {
  it('reads the ids, host and billed lines', () => {
    const lines = [
      { productId: 'MDM-MAC', quantity: 3 },
      { productId: 'MDM-MAC', quantity: 1 },
      { productId: 'MDM-IOS', quantity: 2, cancelled: '12/31/2024' },
      { productId: 'HELPDESK', quantity: 1, bill: 'Do Not Bill' },
      { productId: 'MDM-TOTAL', quantity: 4 },
    ];
    const doc = showAgreement(APP_URL, {
      company: 'Acme Dental, Inc.',
      companyId: '250',
      agreementId: '4107',
      lines: JSON.stringify(lines),
    });

    expect(readPageRecord(doc)).toEqual({
      psa: 'connectwise',
      host: 'na.myconnectwise.net',
      companyId: '250',
      agreementId: '4107',
      productIds: ['MDM-MAC', 'MDM-TOTAL'],
    });
  });

  it('returns null off a PSA page', () => {
    const doc = showAgreement('https://example.com/agreement', { company: 'Acme' });

    expect(readPageRecord(doc)).toBeNull();
  });

  it('keeps the PSA and host before the page renders', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const doc = showAgreement(APP_URL, { company: 'Acme' });
    doc.body.innerHTML = '<div id="cw-app" data-fixture-state="loading"></div>';

    expect(readPageRecord(doc)).toEqual({
      psa: 'connectwise',
      host: 'na.myconnectwise.net',
      companyId: null,
      agreementId: null,
      productIds: [],
    });
  });
});
