/**
 * The side panel's frame: an iframe with the extension's panel page, fixed at the right edge of
 * the viewport, inside the summary chip's closed shadow root. Because the panel page has the
 * extension's origin, the PSA page can neither reach into it nor read what it shows, and the
 * policy catalogue it lists never enters the PSA page's DOM. A page's `frame-src` policy does not
 * block the frame in Chromium 156 (checked by hand with `frame-src 'none'`).
 */
import { addRecordToPanelUrl } from '../side-panel/link';
import { readPageRecord } from '../side-panel/page-record';

/** The accessible name of the panel region and its frame. */
const PANEL_LABEL = 'Addigy mappings';

export interface PanelFrame {
  /** The panel page's window, to tell its messages from others. Null once the frame is gone. */
  readonly contentWindow: Window | null;
  /** Loads `url` in the frame unless it shows that URL already. */
  navigate(url: string): void;
  close(): void;
}

/**
 * Adds the panel to `root` with its region's element id set to `id` (for the opening button's
 * `aria-controls`), loads `url`, and moves the keyboard focus into the frame once it loads. The
 * PSA record on the page (its PSA, host, ids and billed lines) is added to the URL's fragment on
 * every load, so that the panel can key account mappings on the record's ids.
 *
 * The PSA page can get the panel's window from the `source` of the events the panel posts, and
 * a parent may navigate its child frames, so the page could load a look-alike into the frame.
 * Every load that this module did not start therefore calls `onForeignLoad`, which should close
 * the panel. The panel page itself never navigates.
 */
export function openPanelFrame(
  root: ShadowRoot,
  url: string,
  id: string,
  onForeignLoad: () => void,
): PanelFrame {
  const doc = root.ownerDocument;
  const region = doc.createElement('div');
  region.className = 'panel';
  region.id = id;
  region.setAttribute('role', 'region');
  region.setAttribute('aria-label', PANEL_LABEL);

  const iframe = doc.createElement('iframe');
  iframe.title = PANEL_LABEL;
  // The panel needs nothing from the PSA page's URL, so its document.referrer stays empty.
  iframe.referrerPolicy = 'no-referrer';
  iframe.src = withPageRecord(url, doc);
  // Setting `src` cancels a load in progress, so at most one load is expected at any time.
  let loadExpected = true;
  let focused = false;
  iframe.addEventListener('load', () => {
    if (!loadExpected) {
      onForeignLoad();
      return;
    }
    loadExpected = false;
    if (!focused) iframe.focus();
    focused = true;
  });
  region.append(iframe);
  root.append(region);

  return {
    get contentWindow() {
      return iframe.contentWindow;
    },
    navigate(next) {
      const target = withPageRecord(next, doc);
      if (iframe.getAttribute('src') === target) return;
      // NOTE: Chromium 156 reloads the extension page here even when only the fragment changed
      // (checked in the end-to-end test of a move to a same-named record), so a load follows.
      loadExpected = true;
      iframe.src = target;
    },
    close() {
      region.remove();
    },
  };
}

/**
 * Returns `url` with the page's PSA record in its fragment, or unchanged on a page of no PSA.
 * The summary chip calls `navigate` whenever the record's name or ids change, so the fragment
 * follows a single-page move to another record.
 */
function withPageRecord(url: string, doc: Document): string {
  const record = readPageRecord(doc);
  return record ? addRecordToPanelUrl(url, record) : url;
}
