/**
 * The background's handlers for account mappings, and for the export and import of every
 * mapping. The router has already parsed each message and checked that its sender may send it.
 *
 * The side panel names a record's PSA site by the host in its URL fragment, because the panel's
 * own origin is the extension's. So every host that a side panel sends, in a record or inside a
 * mapping key, must belong to a PSA site the user added or to a built-in pattern (the list the
 * content script runs on). It must also be the host of the tab that the panel sits in. The browser
 * sets that tab's URL (`sender.tab.url`) because the extension has the host permission of
 * every PSA site, and a panel whose tab URL is unknown gets nothing. A panel therefore cannot
 * read or change the mappings of another site than the page it was opened on. Extension pages
 * may delete the mappings of any site.
 */
import {
  deleteAccountMapping,
  findAccountMapping,
  listAccountMappings,
  saveAccountMapping,
} from '../mapping/account-mapping';
import { exportMappings, importMappings } from '../mapping/transfer';
import type { HandlerContext, Handlers } from '../messaging/router';
import { BUILT_IN_PATTERNS } from '../psa-sites/content-scripts';
import { originMatchesPatterns, sitePattern } from '../psa-sites/sites';
import { loadSettings } from '../settings/settings';

type MappingMessageType =
  | 'accountMappings/forRecord'
  | 'accountMappings/mappedPolicies'
  | 'accountMappings/save'
  | 'accountMappings/delete'
  | 'accountMappings/list'
  | 'mappings/export'
  | 'mappings/import';

/**
 * Whether `host` is a bare host name (no scheme, port, path or credentials) on one of
 * `patterns`, such as "https://psa.example.com/*". Either scheme counts, as the host alone
 * does not say which one the page used.
 */
export function isPsaSiteHost(host: string, patterns: readonly string[]): boolean {
  const origin = `https://${host}`;
  if (!URL.canParse(origin) || new URL(origin).hostname !== host.toLowerCase()) return false;
  return [origin, `http://${host}`].some((candidate) => originMatchesPatterns(candidate, patterns));
}

/** Throws unless `host` belongs to a PSA site that the user added or a built-in pattern. */
async function requirePsaSiteHost(host: string): Promise<void> {
  const { psaSites } = await loadSettings();
  const patterns = [...BUILT_IN_PATTERNS, ...psaSites.map(sitePattern)];
  if (isPsaSiteHost(host, patterns)) return;
  throw new Error(
    `"${host}" is not one of the PSA sites in the extension's options, so its mappings cannot ` +
      'be read or changed here. Add the site under PSA sites in the options, then reload the page.',
  );
}

/**
 * Throws unless the sender may use the mappings of `host`: a PSA site that the user added or a
 * built-in pattern, and for the side panel, the host of the tab it sits in.
 */
async function requireRecordHost(host: string, context: HandlerContext): Promise<void> {
  await requirePsaSiteHost(host);
  if (context.senderClass !== 'side-panel') return;
  const tabHost = context.tabHost ?? null;
  if (tabHost === null) {
    throw new Error(
      "The side panel's tab URL is missing, so mappings cannot be read or changed from it. " +
        'Reload the PSA page and open the panel again.',
    );
  }
  // NOTE: The tab's URL is the top-level page's, so a PSA screen framed from another host than
  // its tab's gets no account mapping from the panel. No supported PSA is known to do that.
  if (host.toLowerCase() !== tabHost) {
    throw new Error(
      `The side panel asked for the mappings of "${host}", but its tab shows "${tabHost}", so ` +
        'the request was rejected. Reload the PSA page and open the panel again.',
    );
  }
}

/** Returns the host inside an account mapping key such as "connectwise|host|company:250". */
function hostOfKey(key: string): string {
  const parts = key.split('|');
  if (parts.length !== 3 || !parts[1]) {
    throw new Error(`"${key}" is not an account mapping key. Reload the page and try again.`);
  }
  return parts[1];
}

export const mappingHandlers: Pick<Handlers, MappingMessageType> = {
  'accountMappings/forRecord': async ({ psa, host, companyId, agreementId }, context) => {
    await requireRecordHost(host, context);
    return findAccountMapping({ psa, host, companyId, agreementId });
  },

  'accountMappings/mappedPolicies': async ({ psa, host }, context) => {
    await requireRecordHost(host, context);
    const site = host.toLowerCase();
    const mappings = await listAccountMappings();
    const onSite = mappings.filter((mapping) => mapping.psa === psa && mapping.host === site);
    return [...new Set(onSite.map((mapping) => mapping.policyId))];
  },

  'accountMappings/save': async ({ mapping }, context) => {
    await requireRecordHost(mapping.host, context);
    return saveAccountMapping(mapping);
  },

  'accountMappings/delete': async ({ key }, context: HandlerContext) => {
    if (context.senderClass !== 'extension-page') await requireRecordHost(hostOfKey(key), context);
    await deleteAccountMapping(key);
    return null;
  },

  'accountMappings/list': async () => listAccountMappings(),

  'mappings/export': async () => exportMappings(),

  'mappings/import': async ({ file }) => importMappings(file),
};
