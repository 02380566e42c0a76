// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { createAutotaskAdapter } from '../../../lib/psa/autotask/adapter';
import type { AgreementLine, AgreementPage } from '../../../lib/psa/types';
import { generatedClassName } from '../../fixtures/psa/autotask/class-names';
import { renderLoading } from '../../fixtures/psa/autotask/page-status';
import {
  closeFixturePages,
  loadOnyxPage,
  onyxUrl,
  openDocument,
  openOnyxPage,
  TODAY,
} from './fixture-pages';

function lineFacts(line: AgreementLine) {
  const { productId, description, quantity, lessIncluded, billable, cancelled } = line;
  return { productId, description, quantity, lessIncluded, billable, cancelled };
}

function fact(productId: string, description: string, quantity: number, cancelled = false) {
  return { productId, description, quantity, lessIncluded: 0, billable: true, cancelled };
}

function createAdapter() {
  return createAutotaskAdapter({ today: () => TODAY });
}

function readPage(doc: Document): AgreementPage {
  const page = createAdapter().readAgreement(doc);
  if (!page) throw new Error('The adapter returned null for a rendered contract view.');
  return page;
}

/** Returns the LandingPage URL with `view-data` set to exactly `viewData`. */
function urlWithViewData(viewData: string): string {
  const url = new URL(onyxUrl(1));
  url.searchParams.set('view-data', viewData);
  return url.toString();
}

const ACME_LINES = [
  fact('201', 'Apple MDM - macOS device', 12),
  fact('202', 'Apple MDM - iOS device', 5),
  fact('203', 'Apple MDM - platform fee per device', 30),
];

const GRID_HTML = `
  <h1>Macs (ID: 29683964)</h1>
  <div><div>Organization</div><div>Acme Dental</div></div>
  <div role="grid"><div role="row"><div role="columnheader">Service ID</div>
    <div role="columnheader">Start Date</div><div role="columnheader">End Date</div>
    <div role="columnheader">Units</div></div>
    <div role="row"><div role="gridcell">201</div><div role="gridcell">06/01/2025</div>
      <div role="gridcell">06/30/2025</div><div role="gridcell">9</div></div></div>`;

let warn: MockInstance<typeof console.warn>;

beforeEach(() => {
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
});

afterEach(async () => {
  vi.restoreAllMocks();
  await closeFixturePages();
});

describe('Autotask adapter on the newer interface', () => {
  it('reads organization, contract and id', () => {
    const page = readPage(loadOnyxPage());

    expect(page.companyName).toBe('Acme Dental');
    expect(page.agreementName).toBe('Acme Dental - Managed Apple Devices');
    expect(page.recordId).toBe('29683964');
  });

  it('reads units of the current period', () => {
    const page = readPage(loadOnyxPage());

    expect(page.lines.map(lineFacts)).toEqual(ACME_LINES);
    expect(warn).not.toHaveBeenCalled();
  });

  it('returns the grid row and cell', () => {
    const [first] = readPage(loadOnyxPage()).lines;
    const cells = Array.from(first?.row.children ?? [], (cell) => cell.textContent);

    expect(first?.row.getAttribute('role')).toBe('row');
    expect(cells).toEqual([
      '201',
      'Apple MDM - macOS device',
      '06/01/2025',
      '06/30/2025',
      '12.00',
      '$6.00',
    ]);
    expect(first?.quantityCell.getAttribute('role')).toBe('gridcell');
    expect(first?.quantityCell.textContent).toBe('12.00');
  });

  it('marks lines of an inactive contract cancelled', () => {
    const page = readPage(loadOnyxPage(29684012));

    expect(page.companyName).toBe('Initech LLC');
    expect(page.lines.map(lineFacts)).toEqual([fact('201', 'Apple MDM - macOS device', 4, true)]);
  });

  it('waits for the late render', () => {
    const page = openOnyxPage();
    const adapter = createAdapter();

    expect(page.document.getElementById('onyx-app')?.getAttribute('data-fixture-state')).toBe(
      'loading',
    );
    expect(adapter.readAgreement(page.document)).toBeNull();

    page.render();

    expect(adapter.readAgreement(page.document)?.lines.map(lineFacts)).toEqual(ACME_LINES);
  });

  it('follows pushState to another contract', () => {
    const page = openOnyxPage();
    page.render();
    const adapter = createAdapter();
    page.window.history.pushState(null, '', onyxUrl(29683980));

    expect(adapter.readAgreement(page.document)).toBeNull();

    renderLoading(page.document.getElementById('onyx-app') as Element);
    expect(adapter.readAgreement(page.document)).toBeNull();

    page.render();
    const next = adapter.readAgreement(page.document);

    expect(next?.recordId).toBe('29683980');
    expect(next?.companyName).toBe('Globex Corporation');
    expect(next?.lines.map((line) => line.productId)).toEqual(['203', '201']);
  });

  it('reads columns in another order', () => {
    const doc = loadOnyxPage(29683964, {
      columns: 'unitPrice,units,startDate,serviceName,endDate,serviceId',
    });

    expect(readPage(doc).lines.map(lineFacts)).toEqual(ACME_LINES);
  });

  it('reads pages of another release', () => {
    const current = loadOnyxPage();
    const next = loadOnyxPage(29683964, { release: '2025.2' });
    const currentGrid = current.querySelector('[role="grid"]')?.className;
    const nextGrid = next.querySelector('[role="grid"]')?.className;

    expect(currentGrid).toBe(generatedClassName('servicesGrid', '2025.1'));
    expect(nextGrid).toBe(generatedClassName('servicesGrid', '2025.2'));
    expect(nextGrid).not.toBe(currentGrid);
    expect(readPage(next).lines.map(lineFacts)).toEqual(ACME_LINES);
  });

  it('reads a page without classes', () => {
    const doc = loadOnyxPage();
    for (const element of doc.querySelectorAll('[class]')) element.removeAttribute('class');
    const page = readPage(doc);

    expect(page.companyName).toBe('Acme Dental');
    expect(page.lines.map(lineFacts)).toEqual(ACME_LINES);
  });
});

describe('Autotask summary anchor in the newer interface', () => {
  it('is the organization value', () => {
    const anchor = createAdapter().findSummaryAnchor?.(loadOnyxPage());

    expect(anchor?.textContent).toBe('Acme Dental');
    expect(anchor?.previousElementSibling?.textContent).toBe('Organization');
  });
});

describe('Autotask adapter view-data', () => {
  // Base64 of this JSON contains both "+" and "/" in its standard form.
  const JSON_WITH_SIGNS = '{"contractId":29683964,"note":">>>???"}';

  it('has a test value with "+" and "/"', () => {
    expect(btoa(JSON_WITH_SIGNS)).toContain('+');
    expect(btoa(JSON_WITH_SIGNS)).toContain('/');
  });

  it.each([
    ['standard base64', btoa('{"contractId":29683964}')],
    ['missing padding', btoa('{"contractId":29683964}').replace(/=+$/, '')],
    ['"+" and "/"', btoa(JSON_WITH_SIGNS)],
    ['URL-safe base64', btoa(JSON_WITH_SIGNS).replace(/\+/g, '-').replace(/\//g, '_')],
    ['a space for "+"', btoa(JSON_WITH_SIGNS).replace(/\+/g, ' ')],
    ['a string id', btoa('{"contractId":"29683964"}')],
  ])('decodes %s', (_case, viewData) => {
    const { document } = openDocument(urlWithViewData(viewData), GRID_HTML);

    expect(readPage(document).recordId).toBe('29683964');
    expect(warn).not.toHaveBeenCalled();
  });

  it.each([
    ['not base64', '%%%'],
    ['base64 of text', btoa('hello')],
    ['no contractId', btoa('{"id":1}')],
    ['a negative contractId', btoa('{"contractId":-4}')],
    ['an empty value', ''],
  ])('rejects %s with one warning', (_case, viewData) => {
    const { document } = openDocument(urlWithViewData(viewData), GRID_HTML);
    const adapter = createAdapter();

    expect(adapter.readAgreement(document)).toBeNull();
    expect(adapter.readAgreement(document)).toBeNull();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toBe(
      '[addigy-counts] Autotask: the view-data parameter of this contract page is not base64 ' +
        `of JSON with a numeric contractId ("${viewData}"), so counts are not shown. Autotask ` +
        'may have changed how its URLs name the contract.',
    );
  });

  it('ignores other views', () => {
    const { document } = openDocument(
      'https://ww5.autotask.net/AutotaskOnyx/LandingPage?view=home',
      GRID_HTML,
    );

    expect(createAdapter().readAgreement(document)).toBeNull();
    expect(warn).not.toHaveBeenCalled();
  });
});

describe('Autotask newer interface in edit mode', () => {
  it('returns the Units field of each service', () => {
    const doc = loadOnyxPage(29683964, { edit: '1' });
    const page = readPage(doc);

    expect(page.lines.map(lineFacts)).toEqual(ACME_LINES);
    for (const line of page.lines) {
      expect(line.quantityInput?.tagName).toBe('INPUT');
      expect(line.quantityInput?.parentElement).toBe(line.quantityCell);
      expect(line.quantityCell.parentElement).toBe(line.row);
      expect(line.quantityInput?.value).toBe(line.quantity.toFixed(2));
    }
    expect(doc.querySelector('form')?.contains(doc.querySelector('[role="grid"]'))).toBe(true);
  });

  it('returns no field on the read-only view', () => {
    const page = readPage(loadOnyxPage(29683964));

    expect(page.lines.every((line) => line.quantityInput === null)).toBe(true);
  });
});
