/**
 * Classifies the sender of a runtime message. The browser fills `sender.id`, `sender.url`,
 * `sender.tab` and `sender.frameId`; a web page cannot set them. Extension pages (popup,
 * options) are recognised by their URL being under this extension's origin, because Chrome sets
 * `sender.tab` for an extension page opened in a tab too. Everything else with a tab is a
 * content script, which gets the narrowest allow-list.
 */
export type SenderClass = 'extension-page' | 'content-script' | 'unknown';

export interface SenderInfo {
  id?: string;
  url?: string;
  origin?: string;
  tab?: { id?: number };
  frameId?: number;
}

export function classifySender(sender: SenderInfo, extensionId: string): SenderClass {
  if (sender.id !== extensionId) return 'unknown';
  const extensionOrigin = `chrome-extension://${extensionId}`;
  const mozOrigin = `moz-extension://${extensionId}`;
  const origin = sender.origin ?? originOf(sender.url);
  if (origin === extensionOrigin || origin === mozOrigin) return 'extension-page';
  if (sender.tab?.id !== undefined && sender.tab.id >= 0) return 'content-script';
  return 'unknown';
}

function originOf(url: string | undefined): string | undefined {
  if (!url || !URL.canParse(url)) return undefined;
  const parsed = new URL(url);
  // Extension URLs have an opaque origin in some engines; rebuild it from scheme and host.
  return `${parsed.protocol}//${parsed.host}`;
}
