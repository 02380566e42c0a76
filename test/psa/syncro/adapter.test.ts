// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { createSyncroAdapter } from '../../../lib/psa/syncro/adapter';
import type { AgreementLine, AgreementPage } from '../../../lib/psa/types';
import { loadSchedulePage } from './fixture-page';

/** Returns the facts of a line without its elements, for exact comparisons. */
function lineFacts(line: AgreementLine) {
  const { productId, description, quantity, lessIncluded, billable, cancelled } = line;
  return { productId, description, quantity, lessIncluded, billable, cancelled };
}

function readPage(doc: Document): AgreementPage {
  const page = createSyncroAdapter().readAgreement(doc);
  if (!page) throw new Error('The adapter returned null for a complete schedule page.');
  return page;
}

function billedLine(productId: string, description: string, quantity: number) {
  return { productId, description, quantity, lessIncluded: 0, billable: true, cancelled: false };
}

const ACME_LINES = [
  billedLine('MDM-MAC', 'Apple MDM - macOS device', 12),
  billedLine('MDM-IOS', 'Apple MDM - iOS device', 5),
  billedLine('MDM-TOTAL', 'Apple MDM - platform fee per device', 30),
  billedLine('HELPDESK', 'Helpdesk minutes', 1250),
];

let warn: MockInstance<typeof console.warn>;

beforeEach(() => {
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('Syncro adapter on the schedule fixture', () => {
  it('reads customer, template name and id', () => {
    const page = readPage(loadSchedulePage());

    expect(page.companyName).toBe('Acme Dental');
    expect(page.agreementName).toBe('Acme Dental - Managed Services');
    expect(page.recordId).toBe('3310');
  });

  it('reads every line item', () => {
    const page = readPage(loadSchedulePage());

    expect(page.lines.map(lineFacts)).toEqual(ACME_LINES);
    expect(warn).not.toHaveBeenCalled();
  });

  it('returns the row and quantity cell', () => {
    const [first] = readPage(loadSchedulePage()).lines;

    expect(first?.row.tagName).toBe('TR');
    expect(first?.quantityCell.tagName).toBe('TD');
    expect(first?.quantityCell.textContent).toBe('12');
    expect(first?.quantityCell.parentElement).toBe(first?.row);
  });

  it('reads the second schedule', () => {
    const page = readPage(loadSchedulePage(3325));

    expect(page.companyName).toBe('Globex Corporation');
    expect(page.agreementName).toBe('Globex - Apple Fleet');
    expect(page.recordId).toBe('3325');
    expect(page.lines.map(lineFacts)).toEqual([
      billedLine('MDM-TOTAL', 'Apple MDM - all devices', 48),
      billedLine('MDM-MAC', 'Apple MDM - macOS device', 31),
    ]);
  });

  it('parses quantities with commas and decimals', () => {
    const lines = JSON.stringify([
      { productId: 'A', quantity: '1,234' },
      { productId: 'B', quantity: '12.00' },
      { productId: 'C', quantity: '1,234,567.25' },
    ]);
    const page = readPage(loadSchedulePage(3310, { lines }));

    expect(page.lines.map((line) => line.quantity)).toEqual([1234, 12, 1234567.25]);
  });

  it('reads columns in another order', () => {
    const columns = 'taxable,quantity,retail,description,recurringType,productId';
    const page = readPage(loadSchedulePage(3310, { columns }));

    expect(page.lines.map(lineFacts)).toEqual(ACME_LINES);
  });

  it('reads pages of another build', () => {
    const current = loadSchedulePage();
    const next = loadSchedulePage(3310, { release: '2026.08' });
    const currentTable = current.querySelectorAll('table')[1]?.className;
    const nextTable = next.querySelectorAll('table')[1]?.className;

    expect(nextTable).not.toBe(currentTable);
    expect(readPage(next).lines.map(lineFacts)).toEqual(ACME_LINES);
  });

  it('reads a page without classes', () => {
    const doc = loadSchedulePage();
    for (const element of doc.querySelectorAll('[class]')) element.removeAttribute('class');
    const page = readPage(doc);

    expect(page.companyName).toBe('Acme Dental');
    expect(page.lines.map(lineFacts)).toEqual(ACME_LINES);
  });

  it('ignores the empty message and footer', () => {
    const doc = loadSchedulePage(3310, { lines: '[]' });
    const page = readPage(doc);

    expect(doc.body.textContent).toContain('No line items yet.');
    expect(page.lines).toEqual([]);
    expect(warn).not.toHaveBeenCalled();
  });

  it('skips an unreadable quantity with a warning', () => {
    const lines = JSON.stringify([
      { productId: 'MDM-MAC', quantity: 'Dynamic', recurringType: 'Asset Counter' },
      { productId: 'MDM-IOS', quantity: 5 },
    ]);
    const page = readPage(loadSchedulePage(3310, { lines }));

    expect(page.lines.map((line) => line.productId)).toEqual(['MDM-IOS']);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toBe(
      '[addigy-counts] Syncro: line item "MDM-MAC" has a Quantity value that is not a number ' +
        'in the form 1,234.00 ("Dynamic"), so no count is shown for it. Numbers in other ' +
        'formats, such as 1.234,00, are not read yet.',
    );
  });

  it('anchors the summary at the customer', () => {
    const doc = loadSchedulePage();
    const anchor = createSyncroAdapter().findSummaryAnchor?.(doc);

    expect(anchor?.tagName).toBe('TD');
    expect(anchor?.textContent).toBe('Acme Dental');
  });
});

describe('Syncro adapter without landmarks', () => {
  it('returns null without a table and warns once', () => {
    const doc = loadSchedulePage();
    doc.querySelectorAll('table')[1]?.remove();
    const adapter = createSyncroAdapter();

    expect(adapter.readAgreement(doc)).toBeNull();
    expect(adapter.readAgreement(doc)).toBeNull();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toBe(
      '[addigy-counts] Syncro: no line items table found (a table with the headers "Item (or ' +
        'Product)" and "Quantity (or Qty)"). Counts show on a recurring invoice (schedule) ' +
        'page. If they do not show there, Syncro may have changed its page layout.',
    );
  });

  it('returns null without a customer and warns once', () => {
    const doc = loadSchedulePage(3310, { company: '' });
    const adapter = createSyncroAdapter();

    expect(adapter.readAgreement(doc)).toBeNull();
    expect(adapter.readAgreement(doc)).toBeNull();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toContain('no customer name found beside a "Customer"');
  });

  it('returns null while the page loads', () => {
    const doc = new DOMParser().parseFromString(
      '<div id="syncro-app"><p>Loading…</p></div>',
      'text/html',
    );

    expect(createSyncroAdapter().readAgreement(doc)).toBeNull();
  });
});

describe('Syncro adapter on other markup', () => {
  // Details as a definition list, a table without <thead> whose header cells are <td>, "Product"
  // and "Qty" headers, and a spanning section row inside the body.
  const OTHER_HTML = `
    <dl><dt>Customer:</dt><dd> Umbrella
      Health </dd></dl>
    <table>
      <tr><td>Product</td><td colspan="2">Notes</td><td>Qty</td></tr>
      <tr><td colspan="4">Devices</td></tr>
      <tr><td>MDM-MAC</td><td>Mac</td><td>fixed</td><td>7</td></tr>
      <tr><td>MDM-IOS</td><td>iPhone</td><td></td><td>2</td></tr>
    </table>`;

  it('reads a definition list and td headers', () => {
    const doc = new DOMParser().parseFromString(OTHER_HTML, 'text/html');
    const page = readPage(doc);

    expect(page.companyName).toBe('Umbrella Health');
    expect(page.agreementName).toBeNull();
    expect(page.lines.map(lineFacts)).toEqual([
      billedLine('MDM-MAC', '', 7),
      billedLine('MDM-IOS', '', 2),
    ]);
    expect(warn).not.toHaveBeenCalled();
  });
});

describe('Syncro adapter in edit mode', () => {
  it('returns each line quantity field', () => {
    const page = readPage(loadSchedulePage(3310, { edit: '1' }));

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
    const doc = loadSchedulePage(3310, { edit: '1' });
    readPage(doc).lines[0]!.quantityInput!.value = '1,250.5';

    expect(readPage(doc).lines[0]?.quantity).toBe(1250.5);
  });

  it('returns no field on the read-only page', () => {
    const page = readPage(loadSchedulePage());

    expect(page.lines.map((line) => line.quantityInput)).toEqual([null, null, null, null]);
  });
});
