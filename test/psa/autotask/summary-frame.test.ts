// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { createAutotaskAdapter } from '../../../lib/psa/autotask/adapter';
import type { AgreementLine, AgreementPage } from '../../../lib/psa/types';
import { closeFixturePages, loadSummaryFrame, openDocument, TODAY } from './fixture-pages';

/** Returns the facts of a line without its elements, for exact comparisons. */
function lineFacts(line: AgreementLine) {
  const { productId, description, quantity, lessIncluded, billable, cancelled } = line;
  return { productId, description, quantity, lessIncluded, billable, cancelled };
}

function fact(productId: string, description: string, quantity: number, cancelled = false) {
  return { productId, description, quantity, lessIncluded: 0, billable: true, cancelled };
}

function createAdapter(today = TODAY) {
  return createAutotaskAdapter({ today: () => today });
}

function readPage(doc: Document, today = TODAY): AgreementPage {
  const page = createAdapter(today).readAgreement(doc);
  if (!page) throw new Error('The adapter returned null for a complete contract summary.');
  return page;
}

function services(value: unknown): string {
  return JSON.stringify(value);
}

const ACME_LINES = [
  fact('201', 'Apple MDM - macOS device', 12),
  fact('202', 'Apple MDM - iOS device', 5),
  fact('203', 'Apple MDM - platform fee per device', 30),
];

let warn: MockInstance<typeof console.warn>;

beforeEach(() => {
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
});

afterEach(async () => {
  vi.restoreAllMocks();
  await closeFixturePages();
});

describe('Autotask adapter on the legacy summary frame', () => {
  it('reads client, contract and id', () => {
    const page = readPage(loadSummaryFrame());

    expect(page.companyName).toBe('Acme Dental');
    expect(page.agreementName).toBe('Acme Dental - Managed Apple Devices');
    expect(page.recordId).toBe('29683964');
  });

  it('reads units of the current period', () => {
    const page = readPage(loadSummaryFrame());

    expect(page.lines.map(lineFacts)).toEqual(ACME_LINES);
    expect(warn).not.toHaveBeenCalled();
  });

  it('follows today across periods', () => {
    const doc = loadSummaryFrame();

    expect(readPage(doc, new Date(2025, 4, 31)).lines.map((line) => line.quantity)).toEqual([
      10, 5, 28,
    ]);
    expect(readPage(doc, new Date(2025, 6, 1)).lines.map((line) => line.quantity)).toEqual([
      14, 6, 30,
    ]);
  });

  it('returns the current period row', () => {
    const [first] = readPage(loadSummaryFrame()).lines;
    const cells = Array.from(first?.row.children ?? [], (cell) => cell.textContent);

    expect(first?.row.tagName).toBe('TR');
    expect(cells).toEqual(['', '', '6/1/2025', '6/30/2025', '12.00', '']);
    expect(first?.quantityCell.tagName).toBe('TD');
    expect(first?.quantityCell.textContent).toBe('12.00');
    expect(first?.quantityCell.parentElement).toBe(first?.row);
  });

  it('reads the second contract', () => {
    const page = readPage(loadSummaryFrame({ contractID: '29683980' }));

    expect(page.companyName).toBe('Globex Corporation');
    expect(page.agreementName).toBe('Globex - Apple Fleet');
    expect(page.recordId).toBe('29683980');
    expect(page.lines.map(lineFacts)).toEqual([
      fact('203', 'Apple MDM - platform fee per device', 48),
      fact('201', 'Apple MDM - macOS device', 31),
    ]);
  });

  it('marks lines of an inactive contract cancelled', () => {
    const page = readPage(loadSummaryFrame({ contractID: '29683964', status: 'Inactive' }));

    expect(page.lines.map(lineFacts)).toEqual(
      ACME_LINES.map((line) => ({ ...line, cancelled: true })),
    );
  });

  it('skips a service without current period', () => {
    const page = readPage(loadSummaryFrame({ contractID: '29684012' }));

    expect(page.lines.map(lineFacts)).toEqual([fact('201', 'Apple MDM - macOS device', 4, true)]);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toBe(
      '[addigy-counts] Autotask: no period of service "310" (Cloud backup seat) contains today ' +
        '(2025-06-15), so no count is shown for it. A service may have ended, or its next ' +
        'period may not have been added yet.',
    );
  });

  it('returns no lines when no period is current', () => {
    const doc = loadSummaryFrame();
    const adapter = createAdapter(new Date(2026, 0, 10));

    expect(adapter.readAgreement(doc)?.lines).toEqual([]);
    expect(adapter.readAgreement(doc)?.lines).toEqual([]);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toBe(
      '[addigy-counts] Autotask: no period of services "201" (Apple MDM - macOS device), ' +
        '"202" (Apple MDM - iOS device), "203" (Apple MDM - platform fee per device) contains ' +
        'today (2026-01-10), so no count is shown for them. A service may have ended, or its ' +
        'next period may not have been added yet.',
    );
  });

  it('counts period ends as inclusive', () => {
    const periods = [
      { start: '2025-06-01', end: '2025-06-15', units: 3 },
      { start: '2025-06-16', end: '', units: 4 },
    ];
    const doc = loadSummaryFrame({ services: services([{ id: 'MDM-MAC', periods }]) });

    expect(readPage(doc, new Date(2025, 5, 15)).lines[0]?.quantity).toBe(3);
    expect(readPage(doc, new Date(2025, 5, 16)).lines[0]?.quantity).toBe(4);
    expect(readPage(doc, new Date(2031, 0, 1)).lines[0]?.quantity).toBe(4);
    expect(readPage(doc, new Date(2025, 4, 31)).lines).toEqual([]);
  });

  it('parses units with commas and decimals', () => {
    const doc = loadSummaryFrame({
      services: services([
        { id: 'A', units: '1,234' },
        { id: 'B', units: '12.50' },
        { id: 'C', units: '1,234,567.25' },
        { id: 'D', units: 7 },
        { id: 'E', units: '(2.00)' },
      ]),
    });

    expect(readPage(doc).lines.map((line) => [line.productId, line.quantity])).toEqual([
      ['A', 1234],
      ['B', 12.5],
      ['C', 1234567.25],
      ['D', 7],
      ['E', -2],
    ]);
  });

  it('skips unreadable units with a warning', () => {
    const doc = loadSummaryFrame({
      services: services([
        { id: 'MDM-MAC', units: '12,00' },
        { id: 'MDM-IOS', units: 5 },
      ]),
    });
    const page = readPage(doc);

    expect(page.lines.map((line) => line.productId)).toEqual(['MDM-IOS']);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toBe(
      '[addigy-counts] Autotask: service "MDM-MAC" has a Units value that is not a number in ' +
        'the form 1,234.00 ("12,00"), so no count is shown for it. Numbers in other formats, ' +
        'such as 1.234,00, are not read yet.',
    );
  });

  it.each(['m/d/yyyy', 'mm/dd/yyyy', 'yyyy-mm-dd'])('reads %s dates', (dateFormat) => {
    const page = readPage(loadSummaryFrame({ dateFormat }));

    expect(page.lines.map(lineFacts)).toEqual(ACME_LINES);
  });

  it('skips an unreadable date with a warning', () => {
    const doc = loadSummaryFrame({ services: services([{ id: 'MDM-MAC', units: 3 }]) });
    const cells = Array.from(doc.querySelectorAll('td'));
    const startCell = cells.find((cell) => cell.textContent === '6/1/2025');
    if (!startCell) throw new Error('The summary shows no period starting 6/1/2025.');
    startCell.textContent = '01.06.2025';
    const page = readPage(doc);

    expect(page.lines).toEqual([]);
    expect(warn.mock.calls.map((call) => call[0])).toEqual([
      '[addigy-counts] Autotask: service "MDM-MAC" has a period date that is not in the form ' +
        '6/15/2025 or 2025-06-15 ("01.06.2025"), so that period is skipped. Dates in other ' +
        'formats, such as 15/06/2025, are not read yet.',
      '[addigy-counts] Autotask: no period of service "MDM-MAC" contains today (2025-06-15), so ' +
        'no count is shown for it. A service may have ended, or its next period may not have ' +
        'been added yet.',
    ]);
  });

  it('reads columns in another order', () => {
    const doc = loadSummaryFrame({
      columns: 'units,endDate,unitPrice,serviceName,startDate,serviceId',
    });

    expect(readPage(doc).lines.map(lineFacts)).toEqual(ACME_LINES);
  });

  it('uses names as ids without an id column', () => {
    const doc = loadSummaryFrame({ columns: 'serviceName,startDate,endDate,units' });

    expect(readPage(doc).lines.map(lineFacts)).toEqual(
      ACME_LINES.map((line) => ({ ...line, productId: line.description })),
    );
  });

  it('reads a page without classes', () => {
    const doc = loadSummaryFrame();
    for (const element of doc.querySelectorAll('[class]')) element.removeAttribute('class');
    const page = readPage(doc);

    expect(page.companyName).toBe('Acme Dental');
    expect(page.lines.map(lineFacts)).toEqual(ACME_LINES);
  });

  it('takes names from the URL parameters', () => {
    const page = readPage(
      loadSummaryFrame({ ClientName: 'Acme Dental, Inc.', ContractName: 'Macs 2025' }),
    );

    expect(page.companyName).toBe('Acme Dental, Inc.');
    expect(page.agreementName).toBe('Macs 2025');
  });

  it('cuts long text to 200 characters', () => {
    const page = readPage(loadSummaryFrame({ company: `  ${'A'.repeat(300)}  ` }));

    expect(page.companyName).toBe('A'.repeat(200));
  });

  it('returns no lines for a contract without services', () => {
    const page = readPage(loadSummaryFrame({ services: '[]' }));

    expect(page.lines).toEqual([]);
    expect(warn).not.toHaveBeenCalled();
  });
});

describe('Autotask adapter on other legacy markup', () => {
  // Labels with colons, a value in an input, th headers and an id cell repeated on every row.
  const SUMMARY_HTML = `
    <table>
      <tr><td class="FieldLabels">Client:</td><td><input value=" Umbrella  Health "></td></tr>
      <tr><td class="FieldLabels">Status:</td><td>Active</td></tr>
    </table>
    <table>
      <tr><th>Service Code</th><th>Start Date</th><th>End Date</th><th>Units</th></tr>
      <tr><td>MDM-MAC</td><td>05/01/2025</td><td>05/31/2025</td><td>6</td></tr>
      <tr><td>MDM-MAC</td><td>06/01/2025</td><td>06/30/2025</td><td>7</td></tr>
      <tr><td colspan="4"><table><tr><th>Service Code</th><th>Start Date</th>
        <th>End Date</th><th>Units</th></tr></table></td></tr>
    </table>`;

  it('reads labels with colons and inputs', () => {
    const { document } = openDocument(
      'https://ww5.autotask.net/Contracts/Views/ContractSummary.asp?contractId=77',
      SUMMARY_HTML,
    );
    const page = readPage(document);

    expect(page.companyName).toBe('Umbrella Health');
    expect(page.agreementName).toBeNull();
    expect(page.recordId).toBe('77');
    expect(page.lines.map(lineFacts)).toEqual([fact('MDM-MAC', '', 7)]);
  });
});

describe('Autotask adapter without landmarks', () => {
  it('returns null for the frameset', () => {
    const { document } = openDocument(
      'https://ww5.autotask.net/Contracts/Views/ContractView.asp?contractID=29683964',
      '<html><head></head><frameset cols="190,*"><frame name="ContractMenu">' +
        '<frame name="ContractSummary"></frameset></html>',
    );

    expect(createAdapter().readAgreement(document)).toBeNull();
    expect(warn).not.toHaveBeenCalled();
  });

  it('returns null without a grid and warns once', () => {
    const doc = loadSummaryFrame();
    const unitsHeader = Array.from(doc.querySelectorAll('td')).find(
      (cell) => cell.textContent === 'Units',
    );
    unitsHeader?.closest('table')?.remove();
    const adapter = createAdapter();

    expect(adapter.readAgreement(doc)).toBeNull();
    expect(adapter.readAgreement(doc)).toBeNull();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toBe(
      '[addigy-counts] Autotask: no services grid found (a table or grid with the header ' +
        'cells "Service ID" or "Service", "Start Date", "End Date" and "Units"). Counts show ' +
        'on the summary of a recurring service contract. If they do not show there, Autotask ' +
        'may have changed its page layout.',
    );
  });

  it('returns null without a client and warns once', () => {
    const { document } = openDocument(
      'https://ww5.autotask.net/Contracts/Views/ContractSummary.asp?contractID=1',
      '<table><tr><td>Service</td><td>Start Date</td><td>End Date</td><td>Units</td></tr></table>',
    );
    const adapter = createAdapter();

    expect(adapter.readAgreement(document)).toBeNull();
    expect(adapter.readAgreement(document)).toBeNull();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toBe(
      '[addigy-counts] Autotask: no client name found (a field labelled Client, Account or ' +
        'Organization, or the ClientName URL parameter), so counts are not shown. Autotask ' +
        'may have changed its page layout.',
    );
  });
});

describe('Autotask summary anchor', () => {
  it('is the client value cell', () => {
    const anchor = createAdapter().findSummaryAnchor?.(loadSummaryFrame());

    expect(anchor?.tagName).toBe('TD');
    expect(anchor?.textContent).toBe('Acme Dental');
    expect(anchor?.previousElementSibling?.textContent).toBe('Client');
  });

  it('is null without a client field', () => {
    const { document } = openDocument(
      'https://ww5.autotask.net/Contracts/Views/ContractView.asp?contractID=29683964',
      '<frameset><frame name="ContractSummary"></frameset>',
    );

    expect(createAdapter().findSummaryAnchor?.(document)).toBeNull();
  });
});

describe('Autotask adapter in edit mode', () => {
  it('returns the Units field of the current period', () => {
    const list = services([
      {
        id: 201,
        name: 'Macs',
        periods: [
          { month: -1, units: 10 },
          { month: 0, units: 11 },
          { month: 1, units: 12 },
        ],
      },
    ]);
    const doc = loadSummaryFrame({ edit: '1', services: list });
    const [line, ...others] = readPage(doc).lines;

    expect(others).toEqual([]);
    expect(line?.quantity).toBe(11);
    expect(line?.quantityInput?.tagName).toBe('INPUT');
    expect(line?.quantityInput?.value).toBe('11.00');
    expect(line?.quantityInput?.parentElement).toBe(line?.quantityCell);
    expect(line?.quantityCell.parentElement).toBe(line?.row);
    expect(doc.querySelectorAll('input[name^="units_"]')).toHaveLength(3);
  });

  it('reads every service in edit mode', () => {
    const page = readPage(loadSummaryFrame({ edit: '1' }));

    expect(page.lines.map(lineFacts)).toEqual(ACME_LINES);
    expect(page.lines.every((line) => line.quantityInput !== null)).toBe(true);
  });

  it('returns no field on the read-only frame', () => {
    const page = readPage(loadSummaryFrame());

    expect(page.lines.every((line) => line.quantityInput === null)).toBe(true);
  });
});
