/**
 * The Autotask adapter. It reads a recurring service contract on two screens, found through
 * Contracts > Search Contracts > a contract:
 *
 * - the legacy contract page /Contracts/Views/ContractView.asp?contractID=N, a frameset whose
 *   summary frame is ContractSummary.asp?contractID=N&ContractName=...&ClientName=...
 *   The content script runs in every frame, and the summary frame is the one read.
 * - the newer interface's contract details, /AutotaskOnyx/LandingPage?view=
 *   umbrella-contract-details&view-data=<base64 of {"contractId":N}>, a single-page app that
 *   renders late and changes view-data with history.pushState.
 *
 * Autotask's cloud hosts are ww<N>.autotask.net, such as ww5.autotask.net. The URL check ignores
 * the host, because the content script runs only on PSA sites the user added. The page is read
 * by label text, header text and the heading "Name (ID: n)", never by class names.
 */
import { createLandmarkWarner, type LandmarkWarner } from '../landmark-warnings';
import { MAX_PAGE_TEXT_LENGTH } from '../page-text';
import type { AgreementPage, PsaAdapter } from '../types';
import {
  findLabeledValue,
  readContractTitle,
  readLabeledValue,
  type ContractTitle,
} from './contract-fields';
import { readOnyxView } from './onyx-view';
import { readServiceLines } from './service-lines';
import { findServicesGrid, readServicePeriods, REQUIRED_HEADERS } from './services-grid';

const LEGACY_PATH = /^\/contracts\/views\/(?:contractview|contractsummary)\.asp$/i;
const ONYX_PATH = /^\/autotaskonyx\/landingpage$/i;

/** Labels of the contract's client. Newer Autotask versions call clients organizations. */
const COMPANY_LABELS = ['client', 'account', 'organization'];
const STATUS_LABELS = ['status'];
const CONTRACT_NAME_LABELS = ['contract name'];

/** Returns true when the URL is an Autotask contract page, legacy or newer, on any host. */
export function matchesAutotaskUrl(url: URL): boolean {
  const isWeb = url.protocol === 'https:' || url.protocol === 'http:';
  return isWeb && (LEGACY_PATH.test(url.pathname) || ONYX_PATH.test(url.pathname));
}

/** Normalizes text from the URL as page text is normalized, because the page controls both. */
function normalizeUrlText(text: string | null): string {
  return (text ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_PAGE_TEXT_LENGTH);
}

/** Returns a query parameter by name in any case, as ASP pages read them. */
function readQueryParameter(url: URL, name: string): string | null {
  const lowerName = name.toLowerCase();
  for (const [key, value] of url.searchParams) {
    if (key.toLowerCase() === lowerName && value !== '') return value;
  }
  return null;
}

/**
 * Returns the contract id that the URL names, null when it names none, or undefined when the
 * page is not a contract: another view of the newer interface, or an unreadable `view-data`.
 */
function readUrlContractId(url: URL, warn: LandmarkWarner): string | null | undefined {
  if (!ONYX_PATH.test(url.pathname)) return readQueryParameter(url, 'contractID');
  const view = readOnyxView(url);
  if (view.kind === 'other') return undefined;
  if (view.kind === 'invalid') {
    warn(
      'view-data',
      'Autotask: the view-data parameter of this contract page is not base64 of JSON with a ' +
        `numeric contractId ("${view.viewData.slice(0, 80)}"), so counts are not shown. ` +
        'Autotask may have changed how its URLs name the contract.',
    );
    return undefined;
  }
  return view.contractId;
}

/** Returns the client name from its field, or else from the summary frame's URL. */
function readCompanyName(doc: Document, url: URL): string {
  const field = readLabeledValue(doc, COMPANY_LABELS);
  return field || normalizeUrlText(readQueryParameter(url, 'ClientName'));
}

function readAgreementName(doc: Document, url: URL, title: ContractTitle | null): string | null {
  const name =
    title?.name ||
    readLabeledValue(doc, CONTRACT_NAME_LABELS) ||
    normalizeUrlText(readQueryParameter(url, 'ContractName'));
  return name || null;
}

function warnMissingGrid(warn: LandmarkWarner): void {
  warn(
    'services grid',
    `Autotask: no services grid found (a table or grid with the header cells ` +
      `${REQUIRED_HEADERS}). Counts show on the summary of a recurring service contract. If ` +
      'they do not show there, Autotask may have changed its page layout.',
  );
}

function warnMissingCompany(warn: LandmarkWarner): void {
  warn(
    'company name',
    'Autotask: no client name found (a field labelled Client, Account or Organization, or the ' +
      'ClientName URL parameter), so counts are not shown. Autotask may have changed its page ' +
      'layout.',
  );
}

export interface AutotaskAdapterOptions {
  /** The clock that decides which service period is current. Tests fix it. */
  today?: () => Date;
}

/**
 * Creates an Autotask adapter with its own record of reported landmarks, so that each missing
 * landmark is logged once per adapter.
 */
export function createAutotaskAdapter(options: AutotaskAdapterOptions = {}): PsaAdapter {
  const warn = createLandmarkWarner();
  const today = options.today ?? (() => new Date());

  function readAgreement(doc: Document): AgreementPage | null {
    // The frameset of the legacy page has no content. Its summary frame runs the content script
    // itself, and reading it from here as well would put two badges on each line.
    if (doc.querySelector('frameset')) return null;
    const url = new URL(doc.URL);
    const urlContractId = readUrlContractId(url, warn);
    if (urlContractId === undefined) return null;

    const grid = findServicesGrid(doc);
    if (!grid) {
      warnMissingGrid(warn);
      return null;
    }

    // After pushState the newer interface can still show the previous contract until it renders
    // the new one, so a heading with another id means that the page is not ready.
    const title = readContractTitle(doc);
    if (ONYX_PATH.test(url.pathname) && title && title.id !== urlContractId) return null;

    const companyName = readCompanyName(doc, url);
    if (!companyName) {
      warnMissingCompany(warn);
      return null;
    }

    const status = readLabeledValue(doc, STATUS_LABELS).toLowerCase();
    return {
      companyName,
      agreementName: readAgreementName(doc, url, title),
      recordId: urlContractId ?? title?.id ?? null,
      lines: readServiceLines(readServicePeriods(grid), {
        today: today(),
        cancelled: status === 'inactive',
        warn,
      }),
    };
  }

  return {
    id: 'autotask',
    matchesUrl: matchesAutotaskUrl,
    readAgreement,
    findSummaryAnchor: (doc) => findLabeledValue(doc, COMPANY_LABELS),
  };
}

/** The adapter the content script uses. */
export const autotaskAdapter = createAutotaskAdapter();
