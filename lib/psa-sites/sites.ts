/**
 * PSA sites: the hosts where the user's PSA runs (a ConnectWise cloud region, a self-hosted
 * server, a custom HaloPSA domain). The content script runs only on sites the user added and
 * granted, so the extension requests no PSA host at install.
 */

/** Cloud hosts offered as one-click choices in the options. */
export const PSA_SITE_PRESETS = [
  { label: 'ConnectWise PSA, North America', origin: 'https://na.myconnectwise.net' },
  { label: 'ConnectWise PSA, Europe', origin: 'https://eu.myconnectwise.net' },
  { label: 'ConnectWise PSA, Australia', origin: 'https://au.myconnectwise.net' },
] as const;

export const MAX_PSA_SITES = 50;

/**
 * Reads what a user typed ("na.myconnectwise.net", or a URL copied from the PSA) as an origin
 * such as "https://na.myconnectwise.net". Throws an Error naming the value and the fix.
 */
export function parseSiteOrigin(input: string): string {
  const text = input.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  if (!text || !URL.canParse(withScheme)) {
    throw new Error(
      `"${input}" is not a web address. Enter the PSA's host, such as psa.example.com.`,
    );
  }
  const url = new URL(withScheme);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(
      `"${input}" is not a web address. Enter the PSA's host, such as psa.example.com.`,
    );
  }
  if (!url.hostname.includes('.') && url.hostname !== 'localhost') {
    throw new Error(
      `"${url.hostname}" is not a full host name. Enter it with its domain, such as psa.example.com.`,
    );
  }
  return `${url.protocol}//${url.hostname}`;
}

/** Returns the match pattern for a site's pages on every port, such as "https://psa.example.com/*". */
export function sitePattern(origin: string): string {
  return `${origin}/*`;
}

/**
 * Whether a page origin such as "https://psa.example.com:8443" belongs to one of `patterns`
 * ("https://psa.example.com/*", "https://*.myconnectwise.net/*"). Ports are ignored, as Chrome's
 * match patterns ignore them.
 */
export function originMatchesPatterns(origin: string, patterns: readonly string[]): boolean {
  if (!URL.canParse(origin)) return false;
  const url = new URL(origin);
  return patterns.some((pattern) => {
    const match = /^(https?|\*):\/\/(\*|\*\.[^/]+|[^/*]+)\/\*$/.exec(pattern);
    if (!match) return false;
    const [, scheme, host] = match;
    if (scheme !== '*' && `${scheme}:` !== url.protocol) return false;
    if (host === '*') return true;
    if (host!.startsWith('*.')) {
      const domain = host!.slice(2);
      return url.hostname === domain || url.hostname.endsWith(`.${domain}`);
    }
    return url.hostname === host;
  });
}
