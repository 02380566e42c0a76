/**
 * Loads the Autotask fixture pages into happy-dom windows at their real URLs, and renders them at
 * once, as the page scripts do. Scripts in the fixtures do not run here. Call
 * `closeFixturePages()` after each test to close the windows.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';
import { CONTRACTS, type FixtureContract } from '../../fixtures/psa/autotask/contract-data';
import {
  decodeViewData,
  encodeViewData,
  resolveFixtureState,
  summaryFrameQuery,
} from '../../fixtures/psa/autotask/contract-state';
import { CONTRACT_VIEW, renderContractDetails } from '../../fixtures/psa/autotask/onyx-screen';
import { renderContractSummary } from '../../fixtures/psa/autotask/summary-screen';

/** The day that the tests take as today: June 15, 2025, local time. */
export const TODAY = new Date(2025, 5, 15);

const ORIGIN = 'https://ww5.autotask.net';
const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), '../../fixtures/psa/autotask');
// Paths, not URLs: happy-dom replaces the global URL class, and node:fs rejects its objects.
const SUMMARY_HTML = readFileSync(resolve(FIXTURES, 'contract-summary.html'), 'utf8');
const ONYX_HTML = readFileSync(resolve(FIXTURES, 'onyx-landing.html'), 'utf8');

const openWindows: Window[] = [];

export interface LoadOptions {
  contracts?: FixtureContract[];
  /** The fixture's today; TODAY unless given. */
  now?: Date;
}

/** Returns a new window's document at `url`, with `html` written into it. */
export function openDocument(url: string, html: string): { window: Window; document: Document } {
  const window = new Window({
    url,
    settings: {
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      handleDisabledFileLoadingAsSuccess: true,
    },
  });
  openWindows.push(window);
  window.document.write(html);
  return { window, document: window.document as unknown as Document };
}

function requireRoot(doc: Document, id: string): HTMLElement {
  const root = doc.getElementById(id);
  if (!root) throw new Error(`The fixture page has no #${id} element.`);
  return root;
}

/**
 * Returns the legacy summary frame at its ContractSummary.asp URL, rendered with the given
 * fixture parameters, such as { contractID: '29683980' }.
 */
export function loadSummaryFrame(
  params: Record<string, string> = {},
  options: LoadOptions = {},
): Document {
  const search = new URLSearchParams(params);
  const contracts = options.contracts ?? CONTRACTS;
  const state = resolveFixtureState(
    search.get('contractID'),
    search,
    contracts,
    options.now ?? TODAY,
  );
  const query = summaryFrameQuery(state, search);
  const { document } = openDocument(
    `${ORIGIN}/Contracts/Views/ContractSummary.asp?${query.toString()}`,
    SUMMARY_HTML,
  );
  renderContractSummary(requireRoot(document, 'at-summary'), state);
  return document;
}

/** Returns the LandingPage URL of a contract's details view, with extra query parameters. */
export function onyxUrl(contractId: number | string, params: Record<string, string> = {}): string {
  const query = new URLSearchParams({
    view: CONTRACT_VIEW,
    'view-data': encodeViewData(contractId),
  });
  for (const [name, value] of Object.entries(params)) query.set(name, value);
  return `${ORIGIN}/AutotaskOnyx/LandingPage?${query.toString()}`;
}

/** A LandingPage still loading, with `render()` to show its URL's view as the app does later. */
export interface OnyxPage {
  window: Window;
  document: Document;
  render(): void;
}

/**
 * Returns the LandingPage of a contract at its loading screen, before it renders. `params` are
 * fixture parameters for the URL, such as { columns: 'units,serviceId,startDate,endDate' }.
 */
export function openOnyxPage(
  contractId: number | string = CONTRACTS[0]!.id,
  params: Record<string, string> = {},
  options: LoadOptions = {},
): OnyxPage {
  const { window, document } = openDocument(onyxUrl(contractId, params), ONYX_HTML);
  const contracts = options.contracts ?? CONTRACTS;
  const render = () => {
    const search = new URL(document.URL).searchParams;
    const id = decodeViewData(search.get('view-data') ?? '');
    const state = resolveFixtureState(id, search, contracts, options.now ?? TODAY);
    const others = contracts.filter((contract) => String(contract.id) !== id);
    renderContractDetails(requireRoot(document, 'onyx-app'), state, others);
  };
  return { window, document, render };
}

/** Returns the LandingPage of a contract, rendered with the given fixture parameters. */
export function loadOnyxPage(
  contractId: number | string = CONTRACTS[0]!.id,
  params: Record<string, string> = {},
  options: LoadOptions = {},
): Document {
  const page = openOnyxPage(contractId, params, options);
  page.render();
  return page.document;
}

export async function closeFixturePages(): Promise<void> {
  const windows = openWindows.splice(0);
  await Promise.all(windows.map((window) => window.happyDOM.close()));
}
