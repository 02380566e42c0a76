// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { createConnectWiseAdapter } from '../../../lib/psa/connectwise/adapter';
import type { AgreementLine, AgreementPage } from '../../../lib/psa/types';
import { AGREEMENTS } from '../../fixtures/psa/connectwise/agreement-data';
import { renderAgreement } from '../../fixtures/psa/connectwise/agreement-screen';
import { resolveFixtureState } from '../../fixtures/psa/connectwise/agreement-state';
import { loadAgreementPage } from './fixture-page';

/** Returns the facts of a line without its elements, for exact comparisons. */
function lineFacts(line: AgreementLine) {
  const { productId, description, quantity, lessIncluded, billable, cancelled } = line;
  return { productId, description, quantity, lessIncluded, billable, cancelled };
}

function readPage(doc: Document): AgreementPage {
  const page = createConnectWiseAdapter().readAgreement(doc);
  if (!page) throw new Error('The adapter returned null for a complete agreement page.');
  return page;
}

const ACME_LINES = [
  {
    productId: 'MDM-MAC',
    description: 'Apple MDM - macOS device',
    quantity: 12,
    lessIncluded: 0,
    billable: true,
    cancelled: false,
  },
  {
    productId: 'MDM-IOS',
    description: 'Apple MDM - iOS device',
    quantity: 5,
    lessIncluded: 0,
    billable: true,
    cancelled: false,
  },
  {
    productId: 'MDM-TOTAL',
    description: 'Apple MDM - platform fee per device',
    quantity: 30,
    lessIncluded: 0,
    billable: true,
    cancelled: false,
  },
  {
    productId: 'HELPDESK',
    description: 'Helpdesk minutes',
    quantity: 1250,
    lessIncluded: 250,
    billable: true,
    cancelled: false,
  },
  {
    productId: 'MDM-MAC',
    description: 'Apple MDM - macOS device (2024 rate)',
    quantity: 10,
    lessIncluded: 0,
    billable: true,
    cancelled: true,
  },
  {
    productId: 'MDM-IPAD',
    description: 'Apple MDM - iPad device (trial)',
    quantity: 3,
    lessIncluded: 0,
    billable: false,
    cancelled: false,
  },
];

let warn: MockInstance<typeof console.warn>;

beforeEach(() => {
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('ConnectWise adapter on the agreement fixture', () => {
  it('reads company and agreement name', () => {
    const page = readPage(loadAgreementPage());

    expect(page.companyName).toBe('Acme Dental');
    expect(page.agreementName).toBe('Acme Dental - Managed Apple Devices');
  });

  it('reads the record ids from the banner links', () => {
    const page = readPage(loadAgreementPage());

    expect(page.recordId).toBe('4107');
    expect(page.companyId).toBe('250');
  });

  it('reads every addition line', () => {
    const page = readPage(loadAgreementPage());

    expect(page.lines.map(lineFacts)).toEqual(ACME_LINES);
    expect(warn).not.toHaveBeenCalled();
  });

  it('returns the row and quantity cell', () => {
    const [first] = readPage(loadAgreementPage()).lines;

    expect(first?.row.tagName).toBe('TR');
    expect(first?.row.classList.contains('cw-ml-row')).toBe(true);
    expect(first?.quantityCell.tagName).toBe('TD');
    expect(first?.quantityCell.textContent).toBe('12.00');
    expect(first?.quantityCell.parentElement).toBe(first?.row);
  });

  it('reads the second company', () => {
    const page = readPage(loadAgreementPage('recid=4230'));

    expect(page.companyName).toBe('Globex Corporation');
    expect(page.agreementName).toBe('Globex - Apple Fleet');
    expect(page.lines.map(lineFacts)).toEqual([
      {
        productId: 'MDM-TOTAL',
        description: 'Apple MDM - all devices',
        quantity: 48,
        lessIncluded: 8,
        billable: true,
        cancelled: false,
      },
      {
        productId: 'MDM-MAC',
        description: 'Apple MDM - macOS device',
        quantity: 31,
        lessIncluded: 0,
        billable: true,
        cancelled: false,
      },
      {
        productId: 'MDM-IOS',
        description: 'Apple MDM - iOS device',
        quantity: 9,
        lessIncluded: 0,
        billable: false,
        cancelled: false,
      },
    ]);
  });

  it('parses quantities with commas and decimals', () => {
    const lines = JSON.stringify([
      { productId: 'A', quantity: '1,234' },
      { productId: 'B', quantity: '12.00', lessIncluded: '2.50' },
      { productId: 'C', quantity: '1,234,567.25', lessIncluded: '1,000' },
    ]);
    const page = readPage(loadAgreementPage({ lines }));

    expect(page.lines.map((line) => [line.quantity, line.lessIncluded])).toEqual([
      [1234, 0],
      [12, 2.5],
      [1234567.25, 1000],
    ]);
  });

  it('reads columns in another order', () => {
    const columns = 'cancelled,bill,extPrice,quantity,description,lessIncluded,productId';
    const page = readPage(loadAgreementPage({ columns }));

    expect(page.lines.map(lineFacts)).toEqual(ACME_LINES);
  });

  it('reads pages of another release', () => {
    const current = loadAgreementPage();
    const next = loadAgreementPage({ release: 'v2025_1' });
    const currentGrid = current.querySelector('table')?.className;
    const nextGrid = next.querySelector('table')?.className;

    expect(nextGrid).not.toBe(currentGrid);
    expect(readPage(next).lines.map(lineFacts)).toEqual(ACME_LINES);
  });

  it('reads a page without generated classes', () => {
    const doc = loadAgreementPage();
    const landmark = /^(cw[_-]|detailLabel$)/;
    for (const element of doc.querySelectorAll('#cw-app [class]')) {
      const kept = Array.from(element.classList).filter((name) => landmark.test(name));
      element.className = kept.join(' ');
    }
    const page = readPage(doc);

    expect(page.companyName).toBe('Acme Dental');
    expect(page.lines.map(lineFacts)).toEqual(ACME_LINES);
  });

  it('falls back to the company field', () => {
    const doc = loadAgreementPage({ company: 'Acme Dental, Inc.' });
    doc.querySelector('.cw_BannerView')?.remove();

    expect(readPage(doc).companyName).toBe('Acme Dental, Inc.');
  });

  it('takes names from the query string', () => {
    const page = readPage(loadAgreementPage({ company: 'Initech LLC', agreementName: 'Macs' }));

    expect(page.companyName).toBe('Initech LLC');
    expect(page.agreementName).toBe('Macs');
  });

  it('cuts long text to 200 characters', () => {
    const page = readPage(loadAgreementPage({ company: `  ${'A'.repeat(300)}  ` }));

    expect(page.companyName).toBe('A'.repeat(200));
  });

  it('returns no lines for an empty grid', () => {
    const page = readPage(loadAgreementPage({ lines: '[]' }));

    expect(page.lines).toEqual([]);
    expect(warn).not.toHaveBeenCalled();
  });

  it('skips an unreadable quantity with a warning', () => {
    const lines = JSON.stringify([
      { productId: 'MDM-MAC', quantity: '12,00' },
      { productId: 'MDM-IOS', quantity: 5 },
    ]);
    const page = readPage(loadAgreementPage({ lines }));

    expect(page.lines.map((line) => line.productId)).toEqual(['MDM-IOS']);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toBe(
      '[addigy-counts] ConnectWise: addition "MDM-MAC" has a Quantity value that is not a ' +
        'number in the form 1,234.00 ("12,00"), so no count is shown for it. Numbers in other ' +
        'formats, such as 1.234,00, are not read yet.',
    );
  });

  it('skips an unreadable less included', () => {
    const lines = JSON.stringify([{ productId: 'MDM-MAC', quantity: 12, lessIncluded: 'n/a' }]);
    const page = readPage(loadAgreementPage({ lines }));

    expect(page.lines).toEqual([]);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toContain('has a Less Included value that is not a number');
    expect(warn.mock.calls[0]?.[0]).toContain('("n/a")');
  });
});

describe('ConnectWise adapter without landmarks', () => {
  it('returns null without a grid and warns once', () => {
    const doc = loadAgreementPage();
    doc.querySelector('tr.cw-ml-row')?.closest('table')?.remove();
    const adapter = createConnectWiseAdapter();

    expect(adapter.readAgreement(doc)).toBeNull();
    expect(adapter.readAgreement(doc)).toBeNull();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toBe(
      '[addigy-counts] ConnectWise: no additions grid found (a table with the header cells ' +
        '"Product ID" and "Quantity"). Counts show on the Additions tab of an agreement. If ' +
        'they do not show there, ConnectWise may have changed its page layout.',
    );
  });

  it('returns null without a company and warns once', () => {
    const doc = loadAgreementPage();
    doc.querySelector('.cw_BannerView')?.remove();
    doc.querySelector('.cw_company')?.remove();
    const adapter = createConnectWiseAdapter();

    expect(adapter.readAgreement(doc)).toBeNull();
    expect(adapter.readAgreement(doc)).toBeNull();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toContain('no company name found in the banner');
  });

  it('returns null while the page loads', () => {
    const doc = new DOMParser().parseFromString(
      '<div id="cw-app"><p>Loading…</p></div>',
      'text/html',
    );

    expect(createConnectWiseAdapter().readAgreement(doc)).toBeNull();
  });
});

describe('ConnectWise adapter on other grid markup', () => {
  // Header cells as <td> in the first row, a header spanning two icon columns, and a checkbox
  // for Bill.
  const GRID_HTML = `
    <div class="cw_BannerView"><span class="detailLabel"> Umbrella
      Health </span></div>
    <table>
      <tr><td colspan="2"></td><td>Product ID</td><td>Quantity</td><td>Bill</td></tr>
      <tr class="cw-ml-row"><td><img alt=""></td><td>!</td><td>MDM-MAC</td><td>7</td>
        <td><input type="checkbox" checked></td></tr>
      <tr class="cw-ml-row"><td></td><td></td><td>MDM-IOS</td><td>2</td>
        <td><input type="checkbox"></td></tr>
      <tr class="cw-ml-row"><td></td><td></td><td></td><td></td><td></td></tr>
      <tr><td colspan="5">
        <table><tr class="cw-ml-row"><td></td><td></td><td>NESTED</td><td>1</td></tr></table>
      </td></tr>
    </table>`;

  it('maps td header cells and spans', () => {
    const doc = new DOMParser().parseFromString(GRID_HTML, 'text/html');
    const page = readPage(doc);

    expect(page.companyName).toBe('Umbrella Health');
    expect(page.agreementName).toBeNull();
    expect(page.lines.map(lineFacts)).toEqual([
      {
        productId: 'MDM-MAC',
        description: '',
        quantity: 7,
        lessIncluded: 0,
        billable: true,
        cancelled: false,
      },
      {
        productId: 'MDM-IOS',
        description: '',
        quantity: 2,
        lessIncluded: 0,
        billable: false,
        cancelled: false,
      },
    ]);
  });
});

describe('ConnectWise fixture moving in place', () => {
  it('keeps the banner and reads the new ids', () => {
    const doc = loadAgreementPage({ companyId: '801', agreementId: '9801' });
    const root = doc.getElementById('cw-app')!;
    const banner = doc.querySelector('.cw_BannerView');
    const params = new URLSearchParams({ companyId: '802', agreementId: '9802', recid: '4230' });
    renderAgreement(root, resolveFixtureState(params, AGREEMENTS), { inPlace: true });
    const page = createConnectWiseAdapter().readAgreement(doc);

    expect(doc.querySelector('.cw_BannerView')).toBe(banner);
    expect(doc.querySelectorAll('.cw_BannerView')).toHaveLength(1);
    expect(page?.companyName).toBe('Globex Corporation');
    expect(page?.companyId).toBe('802');
    expect(page?.recordId).toBe('9802');
    expect(page?.lines.map((line) => line.productId)).toEqual(
      AGREEMENTS.find((agreement) => agreement.recid === 4230)!.lines.map((l) => l.productId),
    );
  });
});
