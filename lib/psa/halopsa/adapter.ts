/**
 * The HaloPSA adapter. It reads a recurring invoice (Invoices > Recurring Invoices > an invoice),
 * whose lines carry the quantity that Halo bills each period (`qty_order` in Halo's API). Halo is
 * a React app on <tenant>.halopsa.com or on a custom domain, so the URL check ignores the host.
 * The page is read through text and react-table's own classes only: the lines grid by its
 * header texts, and the client by its label, because Halo's other class names are generated.
 */
import { createLandmarkWarner } from '../landmark-warnings';
import type { AgreementPage, PsaAdapter } from '../types';
import { findLabelledValue, readLabelledValue } from './labelled-fields';
import { findLinesTable, readInvoiceLines, REQUIRED_HEADERS } from './lines-table';

// NOTE: This path is modelled, not taken from a live Halo instance. Halo opens some other records
// through a module path and query parameters (an invoice is /invoices?mainview=invoices&...&
// invoiceid=N), so the real recurring invoice URL may have that form instead.
const RECURRING_INVOICE_PATH = /^\/recurringinvoice\/?$/i;

/** Halo's user interface calls the customer "Client" or "Customer", depending on the instance. */
const CLIENT_LABELS = ['Client', 'Customer'];

/** Returns true when the URL is a HaloPSA recurring invoice, on any host. */
export function matchesHaloPsaUrl(url: URL): boolean {
  const isWeb = url.protocol === 'https:' || url.protocol === 'http:';
  return isWeb && RECURRING_INVOICE_PATH.test(url.pathname);
}

/** Returns the recurring invoice's id from the URL's `id` parameter, when it is a number. */
function readRecordId(doc: Document): string | null {
  const id = new URL(doc.URL).searchParams.get('id');
  return id !== null && /^\d+$/.test(id) ? id : null;
}

/**
 * Creates a HaloPSA adapter with its own record of reported landmarks, so that each missing
 * landmark is logged once per adapter.
 */
export function createHaloPsaAdapter(): PsaAdapter {
  const warn = createLandmarkWarner();
  return {
    id: 'halopsa',
    matchesUrl: matchesHaloPsaUrl,
    readAgreement(doc: Document): AgreementPage | null {
      const table = findLinesTable(doc);
      if (!table) {
        const headers = REQUIRED_HEADERS.map((header) => `"${header}"`).join(' and ');
        warn(
          'lines grid',
          `HaloPSA: no invoice lines grid found (a table with the headers ${headers}). ` +
            'Counts show on a recurring invoice. If they do not show there, Halo may have ' +
            'changed its page layout.',
        );
        return null;
      }

      const companyName = readLabelledValue(doc, CLIENT_LABELS);
      if (!companyName) {
        warn(
          'company name',
          'HaloPSA: no client name found beside a "Client" or "Customer" label, so counts ' +
            'are not shown. Halo may have changed its page layout.',
        );
        return null;
      }

      return {
        companyName,
        // NOTE: The "Reference" label is modelled on Halo's records, not seen on a live
        // recurring invoice.
        agreementName: readLabelledValue(doc, ['Reference']) || null,
        recordId: readRecordId(doc),
        lines: readInvoiceLines(table, warn),
      };
    },
    findSummaryAnchor: (doc) => findLabelledValue(doc, CLIENT_LABELS),
  };
}

/** The adapter the content script uses. */
export const haloPsaAdapter = createHaloPsaAdapter();
