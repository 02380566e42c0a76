/**
 * The Syncro adapter. It reads a recurring invoice, which Syncro calls a schedule and shows at
 * https://<subdomain>.syncromsp.com/schedules/<id>, with its line items (item, description,
 * quantity). The URL check ignores the host, because the content script only runs on PSA sites
 * that the user added. The page is read by text alone: the line items table by its header
 * texts, and the customer and template name by their labels.
 */
import { createLandmarkWarner } from '../landmark-warnings';
import { readFieldValue, readText } from '../page-text';
import type { AgreementPage, PsaAdapter } from '../types';
import { findLineItemsTable, readLineItems, REQUIRED_HEADERS } from './line-items-table';

/** A schedule's page: /schedules/ and its numeric id. */
const SCHEDULE_PATH = /^\/schedules\/(\d+)\/?$/;

/** Returns true when the URL is a Syncro schedule (recurring invoice) page, on any host. */
export function matchesSyncroUrl(url: URL): boolean {
  const isWeb = url.protocol === 'https:' || url.protocol === 'http:';
  return isWeb && SCHEDULE_PATH.test(url.pathname);
}

function readRecordId(doc: Document): string | null {
  return SCHEDULE_PATH.exec(new URL(doc.URL).pathname)?.[1] ?? null;
}

/**
 * Returns the element after the first `<th>`, `<dt>` or `<label>` whose text is `label`, with or
 * without a trailing colon, when that element shows a value.
 */
function findLabelledValue(doc: Document, label: string): Element | null {
  const expected = label.toLowerCase();
  for (const element of doc.querySelectorAll('th, dt, label')) {
    const text = readText(element).replace(/:$/, '').trim().toLowerCase();
    const value = element.nextElementSibling;
    if (text === expected && value && readFieldValue(value)) return value;
  }
  return null;
}

function readLabelledValue(doc: Document, label: string): string {
  const value = findLabelledValue(doc, label);
  return value ? readFieldValue(value) : '';
}

/**
 * Creates a Syncro adapter with its own record of reported landmarks, so that each missing
 * landmark is logged once per adapter.
 */
export function createSyncroAdapter(): PsaAdapter {
  const warn = createLandmarkWarner();
  return {
    id: 'syncro',
    matchesUrl: matchesSyncroUrl,
    readAgreement(doc: Document): AgreementPage | null {
      const table = findLineItemsTable(doc);
      if (!table) {
        const headers = REQUIRED_HEADERS.map((header) => `"${header}"`).join(' and ');
        warn(
          'line items table',
          `Syncro: no line items table found (a table with the headers ${headers}). Counts ` +
            'show on a recurring invoice (schedule) page. If they do not show there, Syncro ' +
            'may have changed its page layout.',
        );
        return null;
      }

      const companyName = readLabelledValue(doc, 'Customer');
      if (!companyName) {
        warn(
          'company name',
          'Syncro: no customer name found beside a "Customer" label, so counts are not ' +
            'shown. Syncro may have changed its page layout.',
        );
        return null;
      }

      return {
        companyName,
        agreementName: readLabelledValue(doc, 'Template Name') || null,
        recordId: readRecordId(doc),
        lines: readLineItems(table, warn),
      };
    },
    findSummaryAnchor: (doc) => findLabelledValue(doc, 'Customer'),
  };
}

/** The adapter the content script uses. */
export const syncroAdapter = createSyncroAdapter();
