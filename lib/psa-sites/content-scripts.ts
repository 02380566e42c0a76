/**
 * Registers the PSA content script for the sites the user added and granted, and removes it
 * when a permission is revoked. `browser.scripting` and `browser.permissions` sit behind the
 * `ScriptingPort` interface because WXT's fake browser does not implement them; unit tests pass
 * their own, end-to-end tests cover the real one.
 */
import { browser } from 'wxt/browser';
import { log } from '../log/logger';
import { sitePattern } from './sites';

export const CONTENT_SCRIPT_ID = 'psa-overlay';
/** Where WXT writes the content script entrypoint `psa.content.ts`. */
export const CONTENT_SCRIPT_FILE = 'content-scripts/psa.js';

/**
 * Sites that builds other than the release build always cover: the local PSA fixture pages of
 * the demo and the end-to-end tests. Their manifest grants these hosts.
 */
export const BUILT_IN_PATTERNS: readonly string[] =
  import.meta.env.MODE === 'production' ? [] : ['http://127.0.0.1/*'];

export interface ScriptingPort {
  isGranted(pattern: string): Promise<boolean>;
  registeredMatches(): Promise<string[] | null>;
  register(matches: string[]): Promise<void>;
  unregister(): Promise<void>;
}

export const browserScripting: ScriptingPort = {
  isGranted: (pattern) => browser.permissions.contains({ origins: [pattern] }),
  async registeredMatches() {
    const scripts = await browser.scripting.getRegisteredContentScripts({
      ids: [CONTENT_SCRIPT_ID],
    });
    return scripts[0]?.matches ?? null;
  },
  async register(matches) {
    await browser.scripting.registerContentScripts([
      {
        id: CONTENT_SCRIPT_ID,
        js: [CONTENT_SCRIPT_FILE],
        matches,
        allFrames: true,
        runAt: 'document_idle',
        persistAcrossSessions: true,
      },
    ]);
  },
  unregister: () => browser.scripting.unregisterContentScripts({ ids: [CONTENT_SCRIPT_ID] }),
};

/**
 * Makes the registered content script cover exactly the granted sites, and returns the sites
 * whose permission is gone so the caller can drop them.
 */
export async function reconcileContentScripts(
  sites: readonly string[],
  port: ScriptingPort = browserScripting,
): Promise<{ matches: string[]; revoked: string[] }> {
  const matches = [...BUILT_IN_PATTERNS];
  const revoked: string[] = [];
  for (const site of sites) {
    if (await port.isGranted(sitePattern(site))) matches.push(sitePattern(site));
    else revoked.push(site);
  }
  const current = await port.registeredMatches();
  const same =
    current !== null &&
    current.length === matches.length &&
    current.every((m) => matches.includes(m));
  if (same) return { matches, revoked };
  if (current !== null) await port.unregister();
  if (matches.length > 0) await port.register(matches);
  log.info(`The PSA content script now runs on ${matches.length} site pattern(s).`);
  return { matches, revoked };
}
