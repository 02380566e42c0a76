/**
 * Every PSA adapter, in the order they are tried. The content script checks each against the
 * page's URL and runs the first whose PSA can show an agreement there.
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
