/**
 * Loads the HaloPSA recurring invoice fixture into a happy-dom document and renders it at once,
 * as the page script does after its delay. Scripts in the fixture do not run here, but the
 * grid's sort handlers do, because the screen module attaches them.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RECURRING_INVOICES, type FixtureInvoice } from '../../fixtures/psa/halopsa/invoice-data';
import { renderInvoice } from '../../fixtures/psa/halopsa/invoice-screen';
import { readFixtureParams, resolveFixtureState } from '../../fixtures/psa/halopsa/invoice-state';

// A path, not a URL: happy-dom replaces the global URL class, and node:fs rejects its objects.
const INVOICE_HTML = readFileSync(
  resolve(
    dirname(fileURLToPath(import.meta.url)),
    '../../fixtures/psa/halopsa/recurring-invoice.html',
  ),
  'utf8',
);

/**
 * Returns the fixture page at /recurringinvoice with the given URL parameters (`id` defaults to
 * 1042). The window's URL changes to that path first, because the adapter reads the invoice id
 * from the document's URL and happy-dom gives parsed documents the window's URL.
 */
export function loadInvoicePage(
  params: Record<string, string> = {},
  invoices: FixtureInvoice[] = RECURRING_INVOICES,
): Document {
  const query = new URLSearchParams({ id: '1042', ...params });
  window.history.replaceState(null, '', `/recurringinvoice?${query}`);
  const doc = new DOMParser().parseFromString(INVOICE_HTML, 'text/html');
  const root = doc.getElementById('halo-app');
  if (!root) throw new Error('recurring-invoice.html has no #halo-app element.');
  renderInvoice(root, resolveFixtureState(readFixtureParams(window.location), invoices));
  return doc;
}
