/**
 * The background's handlers for account mappings, and for the export and import of every
 * mapping. The router has already parsed each message and checked that its sender may send it.
 *
 * The side panel names a record's PSA site by the host in its URL fragment, because the panel's
 * own origin is the extension's and the router gives handlers no tab URL. So every host that a
 * side panel sends, in a record or inside a mapping key, must belong to a PSA site the user
 * added or to a built-in pattern: the same list the content script runs on. A panel therefore
 * cannot read or change the mappings of a site where the extension does not run. It can still
 * name another added PSA site than the one its tab shows, which only a check against the tab's
 * URL would prevent. Extension pages may delete the mappings of any site.
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

/** Returns the host inside an account mapping key such as "connectwise|host|company:250". */
function hostOfKey(key: string): string {
  const parts = key.split('|');
  if (parts.length !== 3 || !parts[1]) {
    throw new Error(`"${key}" is not an account mapping key. Reload the page and try again.`);
  }
  return parts[1];
}

export const mappingHandlers: Pick<Handlers, MappingMessageType> = {
  'accountMappings/forRecord': async ({ psa, host, companyId, agreementId }) => {
    await requirePsaSiteHost(host);
    return findAccountMapping({ psa, host, companyId, agreementId });
  },

  'accountMappings/mappedPolicies': async ({ psa, host }) => {
    await requirePsaSiteHost(host);
    const site = host.toLowerCase();
    const mappings = await listAccountMappings();
    const onSite = mappings.filter((mapping) => mapping.psa === psa && mapping.host === site);
    return [...new Set(onSite.map((mapping) => mapping.policyId))];
  },

  'accountMappings/save': async ({ mapping }) => {
    await requirePsaSiteHost(mapping.host);
    return saveAccountMapping(mapping);
  },

  'accountMappings/delete': async ({ key }, context: HandlerContext) => {
    if (context.senderClass !== 'extension-page') await requirePsaSiteHost(hostOfKey(key));
    await deleteAccountMapping(key);
    return null;
  },

  'accountMappings/list': async () => listAccountMappings(),

  'mappings/export': async () => exportMappings(),

  'mappings/import': async ({ file }) => importMappings(file),
};
