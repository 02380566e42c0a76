/**
 * The ConnectWise PSA adapter. It reads the Additions tab of an agreement (Finance > Agreements >
 * an agreement > Additions). ConnectWise is a single-page app served from one path per release,
 * such as /v4_6_release/ConnectWise.aspx or /v2025_1/ConnectWise.aspx, on cloud hosts
 * (na, eu and au.myconnectwise.net) and self-hosted servers alike, so the URL check ignores the
 * host. The page is read only through landmarks that survive releases: the banner
 * `.cw_BannerView .detailLabel`, field classes named after the field (`cw_company`), grid header
 * texts and `tr.cw-ml-row` rows.
 */
import { createLandmarkWarner } from '../landmark-warnings';
import { readFieldValue, readText } from '../page-text';
import type { AgreementPage, PsaAdapter } from '../types';
import { findAdditionsGrid, readAdditionLines, REQUIRED_HEADERS } from './additions-grid';
import { findRecordIds } from './record-links';

/** The app's path: a release folder such as v4_6_release or v2025_1, then ConnectWise.aspx. */
const APP_PATH = /^\/v\d+(?:_\d+)*(?:_release)?\/connectwise\.aspx$/i;

/** Returns true when the URL is a ConnectWise PSA web client, on any host. */
export function matchesConnectWiseUrl(url: URL): boolean {
  const isWeb = url.protocol === 'https:' || url.protocol === 'http:';
  return isWeb && APP_PATH.test(url.pathname);
}

// NOTE: The banner is taken to show the company name on the agreement screen, which has not
// been checked on a live ConnectWise page. The `cw_company` field is the fallback.
function readCompanyName(doc: Document): string {
  const banner = readText(doc.querySelector('.cw_BannerView .detailLabel'));
  if (banner) return banner;
  const field = doc.querySelector('.cw_company');
  return field ? readFieldValue(field) : '';
}

/** Finds the banner element with the company name, else the company field. */
function findCompanyElement(doc: Document): Element | null {
  return doc.querySelector('.cw_BannerView .detailLabel') ?? doc.querySelector('.cw_company');
}

function readAgreementName(doc: Document): string | null {
  const field = doc.querySelector('.cw_agreement');
  return (field && readFieldValue(field)) || null;
}

/**
 * Creates a ConnectWise adapter with its own record of reported landmarks, so that each missing
 * landmark is logged once per adapter.
 */
export function createConnectWiseAdapter(): PsaAdapter {
  const warn = createLandmarkWarner();
  return {
    id: 'connectwise',
    matchesUrl: matchesConnectWiseUrl,
    readAgreement(doc: Document): AgreementPage | null {
      const grid = findAdditionsGrid(doc);
      if (!grid) {
        const headers = REQUIRED_HEADERS.map((header) => `"${header}"`).join(' and ');
        warn(
          'additions grid',
          `ConnectWise: no additions grid found (a table with the header cells ${headers}). ` +
            'Counts show on the Additions tab of an agreement. If they do not show there, ' +
            'ConnectWise may have changed its page layout.',
        );
        return null;
      }

      const companyName = readCompanyName(doc);
      if (!companyName) {
        warn(
          'company name',
          'ConnectWise: no company name found in the banner (.cw_BannerView .detailLabel) or ' +
            'in a company field (.cw_company), so counts are not shown. ConnectWise may have ' +
            'changed its page layout.',
        );
        return null;
      }

      // NOTE: Every decoded sample of the URL hash held only screen state, never a record id, so
      // the ids come from the page's openrecord.rails links.
      const ids = findRecordIds(doc);
      return {
        companyName,
        agreementName: readAgreementName(doc),
        recordId: ids.agreementId,
        companyId: ids.companyId,
        lines: readAdditionLines(grid, warn),
      };
    },
    findSummaryAnchor: findCompanyElement,
  };
}

/** The adapter the content script uses. */
export const connectWiseAdapter = createConnectWiseAdapter();
