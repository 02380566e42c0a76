import { originMatchesPatterns } from '../psa-sites/sites';

/**
 * Classifies the sender of a runtime message. The browser fills `sender.id`, `sender.url`,
 * `sender.origin`, `sender.tab` and `sender.frameId`; a web page cannot set them, but it does
 * choose its own URL, so a URL is trusted only for what the browser guarantees about it: that
 * the message came from a frame at that origin. Extension pages (popup, options) are recognised
 * by this extension's origin, because Chrome sets `sender.tab` for an extension page opened in
 * a tab too. A content script must come from a tab, in any frame, whose origin is one of the
 * PSA sites the content script is registered for; anything else is unknown and gets nothing.
 */
export type SenderClass = 'extension-page' | 'content-script' | 'unknown';

export interface SenderInfo {
  id?: string;
  url?: string;
  origin?: string;
  tab?: { id?: number };
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
  if (origin === extensionOrigin || origin === mozOrigin) return 'extension-page';
  const inTab = sender.tab?.id !== undefined && sender.tab.id >= 0;
  if (inTab && origin && originMatchesPatterns(origin, psaPatterns)) return 'content-script';
  return 'unknown';
}

function originOf(url: string | undefined): string | undefined {
  if (!url || !URL.canParse(url)) return undefined;
  const parsed = new URL(url);
  // Extension URLs have an opaque origin in some engines; rebuild it from scheme and host.
  return `${parsed.protocol}//${parsed.host}`;
}
