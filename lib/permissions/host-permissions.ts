/**
 * Host permissions for API URLs outside the manifest's Addigy hosts (a local test server, a
 * proxy). Kept in one small module because WXT's fake browser does not implement
 * `browser.permissions`, so unit tests replace it and end-to-end tests cover the real one.
 */
import { browser } from 'wxt/browser';

/** The match pattern that grants access to `apiUrl`'s host, such as "http://127.0.0.1/*". */
export function originPattern(apiUrl: string): string {
  const url = new URL(apiUrl);
  return `${url.protocol}//${url.hostname}/*`;
}

export async function hasHostPermission(apiUrl: string): Promise<boolean> {
  return browser.permissions.contains({ origins: [originPattern(apiUrl)] });
}

/**
 * Asks the user for access to `apiUrl`'s host; resolves true at once when it is already granted.
 * Must be the first await of a click handler, because browsers show the prompt only during a
 * user gesture, so no `contains` check runs before it.
 */
export function requestHostPermission(apiUrl: string): Promise<boolean> {
  return browser.permissions.request({ origins: [originPattern(apiUrl)] });
}

/** Asks for a PSA site's pages; like `requestHostPermission`, the first await of a click. */
export function requestSitePermission(pattern: string): Promise<boolean> {
  return browser.permissions.request({ origins: [pattern] });
}

/**
 * Gives a PSA site's permission back. Resolves false when the browser refuses, as it does for a
 * host the manifest itself lists.
 */
export async function removeSitePermission(pattern: string): Promise<boolean> {
  try {
    return await browser.permissions.remove({ origins: [pattern] });
  } catch {
    return false;
  }
}
