// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { createHaloPsaAdapter } from '../../../lib/psa/halopsa/adapter';
import type { AgreementLine, AgreementPage } from '../../../lib/psa/types';
import { loadInvoicePage } from './fixture-page';

/** Returns the facts of a line without its elements, for exact comparisons. */
function lineFacts(line: AgreementLine) {
  const { productId, description, quantity, lessIncluded, billable, cancelled } = line;
  return { productId, description, quantity, lessIncluded, billable, cancelled };
}

function readPage(doc: Document): AgreementPage {
  const page = createHaloPsaAdapter().readAgreement(doc);
  if (!page) throw new Error('The adapter returned null for a complete recurring invoice page.');
  return page;
}

function activeLine(productId: string, description: string, quantity: number) {
  return { productId, description, quantity, lessIncluded: 0, billable: true, cancelled: false };
}

const ACME_LINES = [
  activeLine('MDM-MAC', 'Apple MDM - macOS device', 12),
  activeLine('MDM-IOS', 'Apple MDM - iOS device', 5),
  activeLine('MDM-TOTAL', 'Apple MDM - platform fee per device', 30),
  activeLine('M365-BACKUP', 'Microsoft 365 backup seat', 1250),
  { ...activeLine('MDM-IPAD', 'Apple MDM - iPad device (2024 rate)', 4), cancelled: true },
];

function clickHeader(doc: Document, text: string): void {
  const header = Array.from(doc.querySelectorAll<HTMLElement>('.rt-th')).find(
    (cell) => cell.textContent === text,
  );
  if (!header) throw new Error(`The fixture has no header cell "${text}".`);
  header.click();
}

let warn: MockInstance<typeof console.warn>;

beforeEach(() => {
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('HaloPSA adapter on the recurring invoice fixture', () => {
  it('reads client, reference and id', () => {
    const page = readPage(loadInvoicePage());

    expect(page.companyName).toBe('Acme Dental');
    expect(page.agreementName).toBe('Managed Apple Devices');
    expect(page.recordId).toBe('1042');
  });

  it('reads every invoice line', () => {
    const page = readPage(loadInvoicePage());

    expect(page.lines.map(lineFacts)).toEqual(ACME_LINES);
    expect(warn).not.toHaveBeenCalled();
  });

  it('returns the row and quantity cell', () => {
    const [first] = readPage(loadInvoicePage()).lines;

    expect(first?.row.classList.contains('rt-tr')).toBe(true);
    expect(first?.quantityCell.classList.contains('rt-td')).toBe(true);
    expect(first?.quantityCell.textContent).toBe('12');
    expect(first?.quantityCell.parentElement).toBe(first?.row);
  });

  it('reads second invoice, skips padding rows', () => {
    const doc = loadInvoicePage({ id: '1077' });
    const page = readPage(doc);

    expect(page.companyName).toBe('Globex Corporation');
    expect(page.agreementName).toBe('Apple Fleet');
    expect(page.recordId).toBe('1077');
    expect(page.lines.map(lineFacts)).toEqual([
      activeLine('MDM-TOTAL', 'Apple MDM - all devices', 48),
      activeLine('MDM-MAC', 'Apple MDM - macOS device', 31),
    ]);
    expect(doc.querySelectorAll('.rt-tr.-padRow')).toHaveLength(3);
  });

  it('reads a Customer label and a Qty header', () => {
    const doc = loadInvoicePage({ clientLabel: 'Customer', quantityHeader: 'Qty' });
    const page = readPage(doc);

    expect(page.companyName).toBe('Acme Dental');
    expect(page.lines.map(lineFacts)).toEqual(ACME_LINES);
  });

  it('parses quantities with commas and decimals', () => {
    const lines = JSON.stringify([
      { productId: 'A', quantity: '1,234' },
      { productId: 'B', quantity: '12.00' },
      { productId: 'C', quantity: '1,234,567.25' },
    ]);
    const page = readPage(loadInvoicePage({ lines }));

    expect(page.lines.map((line) => line.quantity)).toEqual([1234, 12, 1234567.25]);
  });

  it('reads columns in another order', () => {
    const columns = 'inactive,netAmount,quantity,description,unitPrice,productId';
    const page = readPage(loadInvoicePage({ columns }));

    expect(page.lines.map(lineFacts)).toEqual(ACME_LINES);
  });

  it('reads without the optional columns', () => {
    const page = readPage(loadInvoicePage({ columns: 'quantity,productId' }));

    expect(page.lines.map(lineFacts)).toEqual(
      ACME_LINES.map((line) => ({ ...line, description: '', cancelled: false })),
    );
  });

  it('reads pages of another build', () => {
    const current = loadInvoicePage();
    const currentGrid = current.querySelectorAll('.ReactTable')[1]?.className;
    const next = loadInvoicePage({ release: '2.201.3' });
    const nextGrid = next.querySelectorAll('.ReactTable')[1]?.className;

    expect(nextGrid).not.toBe(currentGrid);
    expect(readPage(next).lines.map(lineFacts)).toEqual(ACME_LINES);
  });

  it('reads a page without generated classes', () => {
    const doc = loadInvoicePage();
    for (const element of doc.querySelectorAll('#halo-app [class]')) {
      const stableClasses = Array.from(element.classList).filter(
        (name) => !name.startsWith('css-'),
      );
      element.className = stableClasses.join(' ');
    }
    const page = readPage(doc);

    expect(page.companyName).toBe('Acme Dental');
    expect(page.lines.map(lineFacts)).toEqual(ACME_LINES);
  });

  it('returns no record id without an id parameter', () => {
    const doc = loadInvoicePage();
    window.history.replaceState(null, '', '/recurringinvoice');

    expect(readPage(doc).recordId).toBeNull();
  });

  it('returns no lines for an empty invoice', () => {
    const page = readPage(loadInvoicePage({ lines: '[]' }));

    expect(page.lines).toEqual([]);
    expect(warn).not.toHaveBeenCalled();
  });

  it('skips an unreadable quantity with a warning', () => {
    const lines = JSON.stringify([
      { productId: 'MDM-MAC', quantity: '12,00' },
      { productId: 'MDM-IOS', quantity: 5 },
    ]);
    const page = readPage(loadInvoicePage({ lines }));

    expect(page.lines.map((line) => line.productId)).toEqual(['MDM-IOS']);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toBe(
      '[addigy-counts] HaloPSA: line "MDM-MAC" has a Quantity value that is not a number in ' +
        'the form 1,234.00 ("12,00"), so no count is shown for it. Numbers in other formats, ' +
        'such as 1.234,00, are not read yet.',
    );
  });
});

describe('HaloPSA adapter summary anchor', () => {
  it('is the client value', () => {
    const anchor = createHaloPsaAdapter().findSummaryAnchor?.(loadInvoicePage());

    expect(anchor?.textContent).toBe('Acme Dental');
    expect(anchor?.previousElementSibling?.textContent).toBe('Client');
  });

  it('is null without a client', () => {
    const anchor = createHaloPsaAdapter().findSummaryAnchor?.(loadInvoicePage({ company: '' }));

    expect(anchor).toBeNull();
  });
});

describe('HaloPSA adapter after sorting', () => {
  it('reads rows in their new order', () => {
    const doc = loadInvoicePage();
    const adapter = createHaloPsaAdapter();
    const before = adapter.readAgreement(doc);
    clickHeader(doc, 'Quantity');
    const after = adapter.readAgreement(doc);

    expect(after?.lines.map((line) => [line.productId, line.quantity])).toEqual([
      ['MDM-IPAD', 4],
      ['MDM-IOS', 5],
      ['MDM-MAC', 12],
      ['MDM-TOTAL', 30],
      ['M365-BACKUP', 1250],
    ]);
    expect(after?.lines.map((line) => line.row)).toEqual(before?.lines.map((line) => line.row));
  });

  it('pairs each quantity cell with its row', () => {
    const doc = loadInvoicePage();
    clickHeader(doc, 'Item');
    clickHeader(doc, 'Item');
    const lines = readPage(doc).lines;

    expect(lines.map((line) => line.productId)).toEqual([
      'MDM-TOTAL',
      'MDM-MAC',
      'MDM-IPAD',
      'MDM-IOS',
      'M365-BACKUP',
    ]);
    for (const line of lines) {
      expect(line.quantityCell.parentElement).toBe(line.row);
      expect(line.row.textContent).toContain(line.productId);
    }
    expect(lines.map((line) => line.quantityCell.textContent)).toEqual([
      '30',
      '12',
      '4',
      '5',
      '1,250',
    ]);
  });

  it('keeps nodes appended to a cell', () => {
    const doc = loadInvoicePage();
    const [first] = readPage(doc).lines;
    const badge = doc.createElement('addigy-count-badge');
    first?.quantityCell.append(badge);
    clickHeader(doc, 'Quantity');

    expect(badge.isConnected).toBe(true);
    expect(readPage(doc).lines.map(lineFacts)[0]).toEqual(ACME_LINES[4]);
  });
});

describe('HaloPSA adapter without landmarks', () => {
  it('returns null without a grid and warns once', () => {
    const doc = loadInvoicePage();
    doc.querySelectorAll('.ReactTable')[1]?.remove();
    const adapter = createHaloPsaAdapter();

    expect(adapter.readAgreement(doc)).toBeNull();
    expect(adapter.readAgreement(doc)).toBeNull();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toBe(
      '[addigy-counts] HaloPSA: no invoice lines grid found (a table with the headers "Item" ' +
        'and "Quantity (or Qty)"). Counts show on a recurring invoice. If they do not show ' +
        'there, Halo may have changed its page layout.',
    );
  });

  it('returns null without a client and warns once', () => {
    const doc = loadInvoicePage({ company: '' });
    const adapter = createHaloPsaAdapter();

    expect(adapter.readAgreement(doc)).toBeNull();
    expect(adapter.readAgreement(doc)).toBeNull();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toContain('no client name found beside a "Client"');
  });

  it('returns null while the page loads', () => {
    const doc = new DOMParser().parseFromString(
      '<div id="halo-app"><p>Loading…</p></div>',
      'text/html',
    );

    expect(createHaloPsaAdapter().readAgreement(doc)).toBeNull();
  });
});

describe('HaloPSA adapter on other markup', () => {
  // An edit form: the client in an input named by <label for>, an "Inactive" checkbox column,
  // and an "Item" header inside another react-table's cell, which is not a field label.
  const EDIT_HTML = `
    <label for="client-input">Customer:</label>
    <input id="client-input" value=" Umbrella  Health ">
    <div class="ReactTable"><div class="rt-table">
      <div class="rt-thead -header"><div class="rt-tr">
        <div class="rt-th">Qty</div><div class="rt-th">Item</div><div class="rt-th">Inactive</div>
      </div></div>
      <div class="rt-tbody">
        <div class="rt-tr-group"><div class="rt-tr">
          <div class="rt-td">7</div><div class="rt-td">MDM-MAC</div>
          <div class="rt-td"><input type="checkbox"></div>
        </div></div>
        <div class="rt-tr-group"><div class="rt-tr">
          <div class="rt-td">2</div><div class="rt-td">MDM-IOS</div>
          <div class="rt-td"><input type="checkbox" checked></div>
        </div></div>
      </div>
    </div></div>`;

  it('reads a labelled input and checkboxes', () => {
    const doc = new DOMParser().parseFromString(EDIT_HTML, 'text/html');
    const page = readPage(doc);

    expect(page.companyName).toBe('Umbrella Health');
    expect(page.agreementName).toBeNull();
    expect(page.lines.map(lineFacts)).toEqual([
      activeLine('MDM-MAC', '', 7),
      { ...activeLine('MDM-IOS', '', 2), cancelled: true },
    ]);
  });
});

describe('HaloPSA adapter in edit mode', () => {
  it('returns each line quantity field', () => {
    const page = readPage(loadInvoicePage({ edit: '1' }));

    expect(page.lines.map(lineFacts)).toEqual(ACME_LINES);
    for (const line of page.lines) {
      expect(line.quantityInput?.tagName).toBe('INPUT');
      expect(line.quantityInput?.parentElement).toBe(line.quantityCell);
      expect(line.quantityCell.parentElement).toBe(line.row);
      expect(line.quantityInput?.value.replace(',', '')).toBe(String(line.quantity));
    }
    expect(warn).not.toHaveBeenCalled();
  });

  it('reads an edited quantity', () => {
    const doc = loadInvoicePage({ edit: '1' });
    readPage(doc).lines[0]!.quantityInput!.value = '17';

    expect(readPage(doc).lines[0]?.quantity).toBe(17);
  });

  it('ignores the filter inputs above the lines', () => {
    const doc = loadInvoicePage({ edit: '1' });
    const filters = [...doc.querySelectorAll('.-filters input')];

    expect(filters.length).toBeGreaterThan(0);
    for (const line of readPage(doc).lines) expect(filters).not.toContain(line.quantityInput);
  });

  it('returns no field on the read-only page', () => {
    const page = readPage(loadInvoicePage());

    expect(page.lines.length).toBeGreaterThan(0);
    expect(page.lines.every((line) => line.quantityInput === null)).toBe(true);
  });
});
