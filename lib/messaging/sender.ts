import { originMatchesPatterns } from '../psa-sites/sites';

/**
 * Classifies the sender of a runtime message. The browser fills `sender.id`, `sender.url`,
 * `sender.origin`, `sender.tab` and `sender.frameId`; a web page cannot set them, but it does
 * choose its own URL, so a URL is trusted only for what the browser guarantees about it: that
 * the message came from a frame at that origin. Extension pages (popup, options) are recognised
 * by this extension's origin, because Chrome sets `sender.tab` for an extension page opened in
 * a tab too. A content script must come from a tab, in any frame, whose origin is one of the
 * PSA sites the content script is registered for; anything else is unknown and gets nothing.
 *
 * The side panel is an extension page that the content script loads in an iframe on a PSA page.
 * It gets a class of its own with a shorter allow-list, told apart by the path of `sender.url`.
 * That path can be trusted once the origin is this extension's, because only files of the
 * extension package load at this origin and the browser reports the URL that the frame loaded.
 * No web page can make a document report `/sidepanel.html`. Chromium 156 keeps reporting that
 * URL after the document calls `history.pushState` (checked by hand). The path separates the
 * extension's own pages by role. It does not contain code injected into the panel, which would
 * share the origin's storage anyway.
 *
 * The panel must be a sub-frame of a tab whose top-level page is on a PSA site. `sender.tab.url`
 * is filled there because the extension holds the host permission of every site the content
 * script runs on, and without it the panel is refused. Any other extension page in a sub-frame
 * is refused too, because the popup has no tab and the options page opens in a tab of its own.
 */
export type SenderClass = 'extension-page' | 'side-panel' | 'content-script' | 'unknown';

/** The path of the side panel page, which the content script loads in an iframe. */
export const SIDE_PANEL_PATH = '/sidepanel.html';

export interface SenderInfo {
  id?: string;
  url?: string;
  origin?: string;
  tab?: { id?: number; url?: string };
  frameId?: number;
}

export function classifySender(
  sender: SenderInfo,
  extensionId: string,
  psaPatterns: readonly string[],
): SenderClass {
  if (sender.id !== extensionId) return 'unknown';
  const extensionOrigin = `chrome-extension://${extensionId}`;
  const mozOrigin = `moz-extension://${extensionId}`;
  const origin = sender.origin ?? originOf(sender.url);
  const inTab = sender.tab?.id !== undefined && sender.tab.id >= 0;
  if (origin === extensionOrigin || origin === mozOrigin) {
    const inSubFrame = inTab && sender.frameId !== undefined && sender.frameId > 0;
    if (pathOf(sender.url) !== SIDE_PANEL_PATH) return inSubFrame ? 'unknown' : 'extension-page';
    const tabOrigin = originOf(sender.tab?.url);
    const onPsaSite = !!tabOrigin && originMatchesPatterns(tabOrigin, psaPatterns);
    return inSubFrame && onPsaSite ? 'side-panel' : 'unknown';
  }
  if (inTab && origin && originMatchesPatterns(origin, psaPatterns)) return 'content-script';
  return 'unknown';
}

function originOf(url: string | undefined): string | undefined {
  if (!url || !URL.canParse(url)) return undefined;
  const parsed = new URL(url);
  // Extension URLs have an opaque origin in some engines; rebuild it from scheme and host.
  return `${parsed.protocol}//${parsed.host}`;
}

function pathOf(url: string | undefined): string | undefined {
  return url && URL.canParse(url) ? new URL(url).pathname : undefined;
}
