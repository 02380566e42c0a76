/**
 * Every PSA adapter, in the order they are tried. The content script asks each whether the page's
 * URL is its PSA's agreement screen, and runs the first that says yes.
 */
import { autotaskAdapter } from './autotask/adapter';
import { connectWiseAdapter } from './connectwise/adapter';
import { haloPsaAdapter } from './halopsa/adapter';
import { kaseyaBmsAdapter } from './kaseya-bms/adapter';
import { syncroAdapter } from './syncro/adapter';
import type { PsaAdapter } from './types';

export const PSA_ADAPTERS: readonly PsaAdapter[] = [
  connectWiseAdapter,
  autotaskAdapter,
  haloPsaAdapter,
  syncroAdapter,
  kaseyaBmsAdapter,
];

/** Returns the adapter for `url`, or null when no PSA's agreement screen can be at that URL. */
export function adapterForUrl(url: URL): PsaAdapter | null {
  return PSA_ADAPTERS.find((adapter) => adapter.matchesUrl(url)) ?? null;
}
