/**
 * The contract between the content script and the side panel page it loads in an iframe. The
 * content script passes the company name and the PSA record (the PSA's id, the site's host, the
 * company and agreement ids and the billed lines' product ids) in the URL fragment, which no
 * request carries. The panel reads each value back length-limited, because the page's text is
 * input the extension does not control. The
 * panel sends back two events with `window.postMessage`: close the panel, and mappings changed
 * (so the content script requests the counts again). Both are harmless if forged, and the
 * content script accepts them only from its own iframe's window. The panel accepts no messages.
 */
import { MAX_PAGE_TEXT_LENGTH } from '../psa/page-text';

export type PanelEvent = 'close' | 'mappings-changed';

/** Marks the panel's messages among any others the PSA page posts to its own window. */
const EVENT_SOURCE = 'addigy-counts-side-panel';

/** Returns the panel page's URL with `companyName`, cut to the page-text limit, in the fragment. */
export function sidePanelUrl(panelPageUrl: string, companyName: string): string {
  const base = panelPageUrl.split('#')[0];
  const fragment = new URLSearchParams({ company: companyName.slice(0, MAX_PAGE_TEXT_LENGTH) });
  return `${base}#${fragment.toString()}`;
}

/** Reads the company name from the panel's URL fragment, such as "#company=Acme+Dental". */
export function readCompanyName(hash: string): string {
  const company = new URLSearchParams(hash.replace(/^#/, '')).get('company') ?? '';
  return company.trim().slice(0, MAX_PAGE_TEXT_LENGTH);
}

/** Returns the message data for a panel event. */
export function panelEventData(event: PanelEvent): { source: string; event: PanelEvent } {
  return { source: EVENT_SOURCE, event };
}

/**
 * Posts `event` from the panel page in `panel` to the frame that embeds it. Does nothing when the
 * panel is not in a frame.
 */
export function postPanelEvent(panel: Window, event: PanelEvent): void {
  if (panel.parent === panel) return;
  // Chromium lists the embedder's origin. Elsewhere the event may go to any origin, which is
  // harmless because it carries no data.
  const embedderOrigin = panel.location.ancestorOrigins?.[0] ?? '*';
  panel.parent.postMessage(panelEventData(event), embedderOrigin);
}

/** The PSA record on the page that opened the panel, which account mappings are keyed on. */
export interface PanelRecord {
  companyName: string;
  /** The adapter's id, such as "connectwise", or empty when the page passed none. */
  psa: string;
  /** The PSA page's host name, such as "na.myconnectwise.net", or empty. */
  host: string;
  companyId: string | null;
  agreementId: string | null;
  /** The product ids of the agreement's billed lines, each once. */
  productIds: string[];
}

/** Limits for the record's values, matching what the background accepts in a mapping. */
const MAX_PSA_LENGTH = 40;
const MAX_HOST_LENGTH = 253;
const MAX_RECORD_ID_LENGTH = 100;
const MAX_PRODUCT_ID_LENGTH = 100;
/** Enough for any real agreement; more lines are left out of the panel's review. */
export const MAX_PANEL_PRODUCT_IDS = 50;

const PSA_ID = /^[a-z0-9-]+$/;
/** A DNS name or IPv4 address, or an IPv6 address in brackets, as `location.hostname` gives. */
const HOST_NAME = /^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])$/;

/**
 * Returns `panelUrl` with the record's PSA id, host, ids and product ids added to its fragment,
 * next to the company name already there. Values over their limit are cut or left out.
 */
export function addRecordToPanelUrl(
  panelUrl: string,
  record: Omit<PanelRecord, 'companyName'>,
): string {
  const [base, hash = ''] = panelUrl.split('#');
  const fragment = new URLSearchParams(hash);
  fragment.set('psa', record.psa.slice(0, MAX_PSA_LENGTH));
  fragment.set('host', record.host.slice(0, MAX_HOST_LENGTH));
  fragment.set('companyId', (record.companyId ?? '').slice(0, MAX_RECORD_ID_LENGTH));
  fragment.set('agreementId', (record.agreementId ?? '').slice(0, MAX_RECORD_ID_LENGTH));
  fragment.delete('line');
  for (const productId of record.productIds.slice(0, MAX_PANEL_PRODUCT_IDS)) {
    fragment.append('line', productId.slice(0, MAX_PRODUCT_ID_LENGTH));
  }
  return `${base}#${fragment.toString()}`;
}

/**
 * Reads the record from the panel's URL fragment. A value that is malformed or over its limit
 * reads as empty (or null for an id), so that nothing unchecked is sent to the background.
 */
export function readPanelRecord(hash: string): PanelRecord {
  const fragment = new URLSearchParams(hash.replace(/^#/, ''));
  const text = (name: string, limit: number) => {
    const value = (fragment.get(name) ?? '').trim();
    return value.length <= limit ? value : '';
  };
  const psa = text('psa', MAX_PSA_LENGTH);
  const host = text('host', MAX_HOST_LENGTH).toLowerCase();
  const productIds = fragment
    .getAll('line')
    .map((productId) => productId.trim())
    .filter((productId) => productId !== '' && productId.length <= MAX_PRODUCT_ID_LENGTH);
  return {
    companyName: readCompanyName(hash),
    psa: PSA_ID.test(psa) ? psa : '',
    host: HOST_NAME.test(host) ? host : '',
    companyId: text('companyId', MAX_RECORD_ID_LENGTH) || null,
    agreementId: text('agreementId', MAX_RECORD_ID_LENGTH) || null,
    productIds: [...new Set(productIds)].slice(0, MAX_PANEL_PRODUCT_IDS),
  };
}

/** Returns the panel event in a message's data, or null when the data is anything else. */
export function readPanelEvent(data: unknown): PanelEvent | null {
  if (typeof data !== 'object' || data === null) return null;
  const { source, event } = data as { source?: unknown; event?: unknown };
  if (source !== EVENT_SOURCE) return null;
  return event === 'close' || event === 'mappings-changed' ? event : null;
}
