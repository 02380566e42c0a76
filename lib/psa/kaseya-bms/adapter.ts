/**
 * The Kaseya BMS adapter. It reads a contract's page, one of the ASP.NET pages under
 * /MSP/<Page>.aspx?ID=<n>, whose services grid lists each recurring service with its Units. The
 * URL check ignores the host, because the content script only runs on PSA sites that the user
 * added. The page is read through text and Telerik's grid classes only: the grid by its header
 * texts, and the account and contract name by their labels.
 */
import { createLandmarkWarner } from '../landmark-warnings';
import { readFieldValue, readText } from '../page-text';
import type { AgreementPage, PsaAdapter } from '../types';
import { findServicesGrid, readServiceLines, REQUIRED_HEADERS } from './services-grid';

// NOTE: Only the /MSP/ folder and the ID parameter are known from BMS. The page names that start
// with "Contract" (such as ContractDetail.aspx, which the fixture uses) are modelled, not taken
// from a live BMS. List pages, which BMS names like TicketsListing.aspx, are left out.
const CONTRACT_PAGE = /^\/MSP\/Contract[A-Za-z]*\.aspx$/i;
const LIST_PAGE = /List(?:ing)?\.aspx$/i;

const ACCOUNT_LABELS = ['Account', 'Account Name'];

/** Returns true when the URL is a Kaseya BMS contract page, on any host. */
export function matchesKaseyaBmsUrl(url: URL): boolean {
  const isWeb = url.protocol === 'https:' || url.protocol === 'http:';
  return isWeb && CONTRACT_PAGE.test(url.pathname) && !LIST_PAGE.test(url.pathname);
}

/** Returns the `ID` query parameter, in any letter case as ASP.NET accepts it, when a number. */
function readRecordId(doc: Document): string | null {
  for (const [name, value] of new URL(doc.URL).searchParams) {
    if (name.toLowerCase() === 'id' && /^\d+$/.test(value)) return value;
  }
  return null;
}

/**
 * Returns the element after the first label (a `td`, `th`, `span` or `label` without child
 * elements) whose text is one of `labels`, with or without a trailing colon, when that element
 * shows a value.
 */
function findLabelledValue(doc: Document, labels: readonly string[]): Element | null {
  const expected = labels.map((label) => label.toLowerCase());
  for (const element of doc.querySelectorAll('td, th, span, label')) {
    if (element.childElementCount > 0) continue;
    const text = readText(element).replace(/:$/, '').trim().toLowerCase();
    const value = element.nextElementSibling;
    if (expected.includes(text) && value && readFieldValue(value)) return value;
  }
  return null;
}

function readLabelledValue(doc: Document, labels: readonly string[]): string {
  const value = findLabelledValue(doc, labels);
  return value ? readFieldValue(value) : '';
}

/**
 * Creates a Kaseya BMS adapter with its own record of reported landmarks, so that each missing
 * landmark is logged once per adapter.
 */
export function createKaseyaBmsAdapter(): PsaAdapter {
  const warn = createLandmarkWarner();
  return {
    id: 'kaseya-bms',
    matchesUrl: matchesKaseyaBmsUrl,
    readAgreement(doc: Document): AgreementPage | null {
      const grid = findServicesGrid(doc);
      if (!grid) {
        const headers = REQUIRED_HEADERS.map((header) => `"${header}"`).join(' and ');
        warn(
          'services grid',
          `Kaseya BMS: no services grid found (a table with the headers ${headers}). Counts ` +
            "show on a contract's page with its services. If they do not show there, BMS may " +
            'have changed its page layout.',
        );
        return null;
      }

      const companyName = readLabelledValue(doc, ACCOUNT_LABELS);
      if (!companyName) {
        warn(
          'company name',
          'Kaseya BMS: no account name found beside an "Account" label, so counts are not ' +
            'shown. BMS may have changed its page layout.',
        );
        return null;
      }

      return {
        companyName,
        agreementName: readLabelledValue(doc, ['Contract Name']) || null,
        recordId: readRecordId(doc),
        lines: readServiceLines(grid, warn),
      };
    },
    findSummaryAnchor: (doc) => findLabelledValue(doc, ACCOUNT_LABELS),
  };
}

/** The adapter the content script uses. */
export const kaseyaBmsAdapter = createKaseyaBmsAdapter();
