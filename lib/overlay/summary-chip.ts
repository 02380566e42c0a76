/**
 * The summary chip at the agreement's header: one line that sums up the count badges ("Addigy:
 * 2 lines match, 1 off, total difference +3") and a "Mappings" button that opens and closes the
 * side panel. Like the badges it sits in a closed shadow root. Its host carries
 * `data-addigy-summary`, which the overlay's MutationObserver ignores, and the summary as
 * `data-matching`, `data-off`, `data-over`, `data-under`, `data-difference` and `data-panel`
 * ("open" or "closed") for end-to-end tests. Text is set with textContent only.
 *
 * There is one chip per document. `render` may be called on every refresh: it moves the host
 * only when the anchor changed, because moving an iframe reloads it. The panel closes on the
 * button, on Escape while the focus is in the chip, and on a close event from the panel page,
 * which that page posts for its own close button and for Escape inside the frame.
 */
import { log } from '../log/logger';
import { readPanelEvent, sidePanelUrl } from '../side-panel/link';
import { describeSummary, type LineSummary } from './line-summary';
import { openPanelFrame, type PanelFrame } from './panel-frame';
import { SUMMARY_CHIP_CSS } from './summary-chip-style';

/** The attribute that marks the chip's host, for `querySelector('[data-addigy-summary]')`. */
export const SUMMARY_ATTRIBUTE = 'data-addigy-summary';

// A random suffix per page load, so that a page cannot define this element first.
const HOST_TAG = `addigy-summary-chip-${crypto.randomUUID().slice(0, 8)}`;
/** The panel region's id inside the shadow root, for the button's `aria-controls`. */
const PANEL_ID = 'addigy-side-panel';

export interface SummaryChipOptions {
  /** The panel page's URL, from `browser.runtime.getURL('/sidepanel.html')`. */
  panelPageUrl: string;
  /** Called when the panel page reports that it saved or deleted a product mapping. */
  onMappingsChanged(): void;
  /** Aborting it stops listening for the panel's messages; call `remove` to take the chip away. */
  signal: AbortSignal;
}

/** The PSA record that the chip's panel maps: its company name and ids, as the adapter read them. */
export interface ChipRecord {
  companyName: string;
  companyId?: string | null;
  /** The agreement's id. */
  recordId: string | null;
}

export interface SummaryChip {
  /**
   * Shows `summary` right after `anchor` and returns the host element. An open panel is moved to
   * `record` when its name or an id changed, as after a single-page move to another record.
   */
  render(anchor: Element, summary: LineSummary, record: ChipRecord): HTMLElement;
  /** Closes the panel and removes the chip from the page. */
  remove(): void;
}

export function createSummaryChip(doc: Document, options: SummaryChipOptions): SummaryChip {
  const host = doc.createElement(HOST_TAG);
  host.setAttribute(SUMMARY_ATTRIBUTE, '');
  host.setAttribute('data-panel', 'closed');
  const root = host.attachShadow({ mode: 'closed' });
  const { text, button } = buildChip(doc, root);
  let panel: PanelFrame | null = null;
  let companyName = '';
  // The record the panel shows. Two companies can share a name, so the ids are part of it.
  let recordKey = '';

  const panelUrl = () => sidePanelUrl(options.panelPageUrl, companyName);
  const setOpen = (open: boolean) => {
    button.setAttribute('aria-expanded', String(open));
    host.setAttribute('data-panel', open ? 'open' : 'closed');
  };
  const open = () => {
    panel = openPanelFrame(root, panelUrl(), PANEL_ID, () => {
      log.warn('Closed the Addigy side panel because the page loaded another page into it.');
      close(false);
    });
    setOpen(true);
  };
  const close = (returnFocus: boolean) => {
    panel?.close();
    panel = null;
    setOpen(false);
    if (returnFocus) button.focus();
  };

  button.addEventListener('click', () => (panel ? close(false) : open()));
  root.addEventListener('keydown', (event) => {
    if ((event as KeyboardEvent).key === 'Escape' && panel) close(true);
  });
  doc.defaultView?.addEventListener(
    'message',
    (event) => {
      if (!panel || event.source === null || event.source !== panel.contentWindow) return;
      const panelEvent = readPanelEvent(event.data);
      if (panelEvent === 'close') close(true);
      if (panelEvent === 'mappings-changed') options.onMappingsChanged();
    },
    { signal: options.signal },
  );

  return {
    render(anchor, summary, record) {
      removeForeignChips(doc, host);
      if (!host.isConnected || host.previousElementSibling !== anchor) anchor.after(host);
      text.textContent = describeSummary(summary);
      setSummaryAttributes(host, summary);
      const key = JSON.stringify([record.companyName, record.companyId ?? null, record.recordId]);
      if (key !== recordKey) {
        recordKey = key;
        companyName = record.companyName;
        panel?.navigate(panelUrl());
      }
      return host;
    },
    remove() {
      close(false);
      host.remove();
    },
  };
}

function buildChip(doc: Document, root: ShadowRoot) {
  const style = doc.createElement('style');
  style.textContent = SUMMARY_CHIP_CSS;
  const chip = doc.createElement('div');
  chip.className = 'chip';
  const text = doc.createElement('span');
  text.className = 'summary';
  text.title =
    'Total difference: Addigy devices minus billed units, added up over the mapped lines.';
  const button = doc.createElement('button');
  button.type = 'button';
  button.textContent = 'Mappings';
  button.setAttribute('aria-expanded', 'false');
  button.setAttribute('aria-controls', PANEL_ID);
  chip.append(text, button);
  root.append(style, chip);
  return { text, button };
}

function setSummaryAttributes(host: HTMLElement, summary: LineSummary): void {
  host.toggleAttribute('data-unmatched', summary.unmatched === true);
  host.setAttribute('data-matching', String(summary.matching));
  host.setAttribute('data-off', String(summary.over + summary.under));
  host.setAttribute('data-over', String(summary.over));
  host.setAttribute('data-under', String(summary.under));
  host.setAttribute('data-difference', String(summary.difference));
}

/** Removes chips this chip did not create, such as one left by a reloaded extension. */
function removeForeignChips(doc: Document, own: Element): void {
  doc.querySelectorAll(`[${SUMMARY_ATTRIBUTE}]`).forEach((host) => {
    if (host !== own) host.remove();
  });
}
