/**
 * The contract between the content script and the side panel page it loads in an iframe. The
 * content script passes the company name in the URL fragment, which no request carries. The
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

/** Returns the panel event in a message's data, or null when the data is anything else. */
export function readPanelEvent(data: unknown): PanelEvent | null {
  if (typeof data !== 'object' || data === null) return null;
  const { source, event } = data as { source?: unknown; event?: unknown };
  if (source !== EVENT_SOURCE) return null;
  return event === 'close' || event === 'mappings-changed' ? event : null;
}
