// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { createKaseyaBmsAdapter } from '../../../lib/psa/kaseya-bms/adapter';
import type { AgreementLine, AgreementPage } from '../../../lib/psa/types';
import { loadContractPage } from './fixture-page';

/** Returns the facts of a line without its elements, for exact comparisons. */
function lineFacts(line: AgreementLine) {
  const { productId, description, quantity, lessIncluded, billable, cancelled } = line;
  return { productId, description, quantity, lessIncluded, billable, cancelled };
}

function readPage(doc: Document): AgreementPage {
  const page = createKaseyaBmsAdapter().readAgreement(doc);
  if (!page) throw new Error('The adapter returned null for a complete contract page.');
  return page;
}

function billedLine(productId: string, description: string, quantity: number) {
  return { productId, description, quantity, lessIncluded: 0, billable: true, cancelled: false };
}

const ACME_LINES = [
  billedLine('MDM-MAC', 'Apple MDM - macOS device', 12),
  billedLine('MDM-IOS', 'Apple MDM - iOS device', 5),
  billedLine('MDM-TOTAL', 'Apple MDM - platform fee per device', 30),
  billedLine('BACKUP-M365', 'Microsoft 365 backup seat', 1250),
];

let warn: MockInstance<typeof console.warn>;

beforeEach(() => {
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('Kaseya BMS adapter on the contract fixture', () => {
  it('reads account, contract name and ID', () => {
    const page = readPage(loadContractPage());

    expect(page.companyName).toBe('Acme Dental');
    expect(page.agreementName).toBe('Acme Dental - Managed Services');
    expect(page.recordId).toBe('5521');
  });

  it('reads every service line', () => {
    const page = readPage(loadContractPage());

    expect(page.lines.map(lineFacts)).toEqual(ACME_LINES);
    expect(warn).not.toHaveBeenCalled();
  });

  it('returns the row and units cell', () => {
    const [first, second] = readPage(loadContractPage()).lines;

    expect(first?.row.classList.contains('rgRow')).toBe(true);
    expect(second?.row.classList.contains('rgAltRow')).toBe(true);
    expect(first?.quantityCell.tagName).toBe('TD');
    expect(first?.quantityCell.textContent).toBe('12.00');
    expect(first?.quantityCell.parentElement).toBe(first?.row);
  });

  it('reads the second contract', () => {
    const page = readPage(loadContractPage({ ID: '5538' }));

    expect(page.companyName).toBe('Globex Corporation');
    expect(page.agreementName).toBe('Globex - Apple Fleet');
    expect(page.recordId).toBe('5538');
    expect(page.lines.map(lineFacts)).toEqual([
      billedLine('MDM-TOTAL', 'Apple MDM - all devices', 48),
      billedLine('MDM-MAC', 'Apple MDM - macOS device', 31),
    ]);
  });

  it('reads a lower-case id parameter', () => {
    const doc = loadContractPage();
    window.history.replaceState(null, '', '/MSP/ContractDetail.aspx?id=5521');

    expect(readPage(doc).recordId).toBe('5521');
  });

  it('returns no record id without ID', () => {
    const doc = loadContractPage();
    window.history.replaceState(null, '', '/MSP/ContractDetail.aspx?ID=new');

    expect(readPage(doc).recordId).toBeNull();
  });

  it('parses units with commas and decimals', () => {
    const lines = JSON.stringify([
      { productId: 'A', quantity: '1,234' },
      { productId: 'B', quantity: '12.00' },
      { productId: 'C', quantity: '1,234,567.25' },
    ]);
    const page = readPage(loadContractPage({ lines }));

    expect(page.lines.map((line) => line.quantity)).toEqual([1234, 12, 1234567.25]);
  });

  it('reads columns in another order', () => {
    const columns = 'effectiveDate,total,quantity,unitPrice,description,productId';
    const page = readPage(loadContractPage({ columns }));

    expect(page.lines.map(lineFacts)).toEqual(ACME_LINES);
  });

  it('reads a grid without scrolling', () => {
    const doc = loadContractPage({ scrolling: 'false' });
    const page = readPage(doc);

    expect(doc.querySelectorAll('.RadGrid table')).toHaveLength(1);
    expect(page.lines.map(lineFacts)).toEqual(ACME_LINES);
  });

  it('reads pages of another build', () => {
    const current = loadContractPage();
    const next = loadContractPage({ release: '5.7' });
    const currentGrid = current.querySelector('.RadGrid');
    const nextGrid = next.querySelector('.RadGrid');

    expect(nextGrid?.id).not.toBe(currentGrid?.id);
    expect(nextGrid?.className).not.toBe(currentGrid?.className);
    expect(readPage(next).lines.map(lineFacts)).toEqual(ACME_LINES);
  });

  it('reads a page without ids and skins', () => {
    const doc = loadContractPage();
    for (const element of doc.querySelectorAll('#bms-app [id], #bms-app [class]')) {
      element.removeAttribute('id');
      const telerikClasses = Array.from(element.classList).filter((name) =>
        /^(RadGrid|rg[A-Z])/.test(name),
      );
      element.className = telerikClasses.filter((name) => !name.includes('_')).join(' ');
    }
    const page = readPage(doc);

    expect(page.companyName).toBe('Acme Dental');
    expect(page.lines.map(lineFacts)).toEqual(ACME_LINES);
  });

  it('ignores the empty message and footer', () => {
    const doc = loadContractPage({ lines: '[]' });
    const page = readPage(doc);

    expect(doc.body.textContent).toContain('No records to display.');
    expect(page.lines).toEqual([]);
    expect(warn).not.toHaveBeenCalled();
  });

  it('skips unreadable units with a warning', () => {
    const lines = JSON.stringify([
      { productId: 'MDM-MAC', quantity: '12,00' },
      { productId: 'MDM-IOS', quantity: 5 },
    ]);
    const page = readPage(loadContractPage({ lines }));

    expect(page.lines.map((line) => line.productId)).toEqual(['MDM-IOS']);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toBe(
      '[addigy-counts] Kaseya BMS: service "MDM-MAC" has a Units value that is not a number ' +
        'in the form 1,234.00 ("12,00"), so no count is shown for it. Numbers in other ' +
        'formats, such as 1.234,00, are not read yet.',
    );
  });

  it('anchors the summary at the account', () => {
    const anchor = createKaseyaBmsAdapter().findSummaryAnchor?.(loadContractPage());

    expect(anchor?.tagName).toBe('TD');
    expect(anchor?.textContent).toBe('Acme Dental');
  });
});

describe('Kaseya BMS adapter without landmarks', () => {
  it('returns null without a grid and warns once', () => {
    const doc = loadContractPage();
    doc.querySelector('.RadGrid')?.remove();
    const adapter = createKaseyaBmsAdapter();

    expect(adapter.readAgreement(doc)).toBeNull();
    expect(adapter.readAgreement(doc)).toBeNull();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toBe(
      '[addigy-counts] Kaseya BMS: no services grid found (a table with the headers "Service ' +
        '(or Item)" and "Units"). Counts show on a contract\'s page with its services. If ' +
        'they do not show there, BMS may have changed its page layout.',
    );
  });

  it('returns null without an account and warns once', () => {
    const doc = loadContractPage({ company: '' });
    const adapter = createKaseyaBmsAdapter();

    expect(adapter.readAgreement(doc)).toBeNull();
    expect(adapter.readAgreement(doc)).toBeNull();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toContain('no account name found beside an "Account"');
  });

  it('returns null while the page loads', () => {
    const doc = new DOMParser().parseFromString(
      '<div id="bms-app"><p>Loading…</p></div>',
      'text/html',
    );

    expect(createKaseyaBmsAdapter().readAgreement(doc)).toBeNull();
  });
});

describe('Kaseya BMS adapter on other markup', () => {
  // Span labels, an "Item" header, a nested RadGrid whose rows are not the contract's services,
  // and a plain table with the same headers after it, which is not read.
  const OTHER_HTML = `
    <span>Account Name :</span><span> Umbrella Health </span>
    <div class="RadGrid">
      <table class="rgMasterTable">
        <thead><tr><th>Item</th><th>Units</th></tr></thead>
        <tbody>
          <tr class="rgRow"><td>MDM-MAC</td><td>7</td></tr>
          <tr class="rgAltRow"><td colspan="2"><div class="RadGrid"><table>
            <tr class="rgRow"><td>NESTED</td><td>1</td></tr>
          </table></div></td></tr>
          <tr class="rgRow"><td>MDM-IOS</td><td>2.50</td></tr>
        </tbody>
      </table>
    </div>
    <table><tr><th>Item</th><th>Units</th></tr><tr><td>OTHER</td><td>9</td></tr></table>`;

  it('reads span labels and skips nested grids', () => {
    const doc = new DOMParser().parseFromString(OTHER_HTML, 'text/html');
    const page = readPage(doc);

    expect(page.companyName).toBe('Umbrella Health');
    expect(page.agreementName).toBeNull();
    expect(page.lines.map(lineFacts)).toEqual([
      billedLine('MDM-MAC', '', 7),
      billedLine('MDM-IOS', '', 2.5),
    ]);
  });

  it('reads a plain table', () => {
    const doc = new DOMParser().parseFromString(
      `<table><tr><td>Account:</td><td><input value="Initech"></td></tr></table>
       <table><thead><tr><th>Service</th><th>Units</th></tr></thead>
         <tbody><tr><td>MDM-MAC</td><td>3</td></tr></tbody>
         <tfoot><tr><td>Total</td><td>3</td></tr></tfoot></table>`,
      'text/html',
    );
    const page = readPage(doc);

    expect(page.companyName).toBe('Initech');
    expect(page.lines.map(lineFacts)).toEqual([billedLine('MDM-MAC', '', 3)]);
  });
});

describe('Kaseya BMS adapter in edit mode', () => {
  it.each(['true', 'false'])('returns each Units field, scrolling=%s', (scrolling) => {
    const page = readPage(loadContractPage({ edit: '1', scrolling }));

    expect(page.lines.map(lineFacts)).toEqual(ACME_LINES);
    for (const line of page.lines) {
      expect(line.row.className).toBe('rgEditRow');
      expect(line.quantityInput?.className).toBe('riTextBox riEnabled');
      expect(line.quantityCell.contains(line.quantityInput!)).toBe(true);
      expect(line.quantityCell.parentElement).toBe(line.row);
      expect(line.quantityInput?.value.replace(',', '')).toBe(line.quantity.toFixed(2));
    }
    expect(warn).not.toHaveBeenCalled();
  });

  it('reads edited units', () => {
    const doc = loadContractPage({ edit: '1' });
    readPage(doc).lines[1]!.quantityInput!.value = '9';

    expect(readPage(doc).lines[1]?.quantity).toBe(9);
  });

  it('returns no field on the read-only page', () => {
    const page = readPage(loadContractPage());

    expect(page.lines.length).toBeGreaterThan(0);
    expect(page.lines.every((line) => line.quantityInput === null)).toBe(true);
  });
});
