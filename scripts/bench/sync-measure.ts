/**
 * The product side of the sync benchmarks: fetches and counts a fleet as `lib/sync/run-sync.ts`
 * does, through the public client API and the shared request budget, and measures the time and
 * the peak heap above the heap before it. `sync.ts` and `sync-child.ts` both run it.
 */
import { createAddigyClient, type DevicesProgress } from '../../lib/addigy/client';
import { countDevices } from '../../lib/counting/count-devices';
import { settingsSchema } from '../../lib/settings/settings';
import { DEMO_CREDENTIALS } from '../addigy-server/server';
import { collectGarbage, startHeapSampler } from './heap';

export interface ProductSyncMeasurement {
  /** From the first request to the end of counting, in milliseconds. */
  syncMs: number;
  /** The highest `heapUsed` during the sync above its value before it, in bytes. */
  peakHeapBytes: number;
  devicesReceived: number;
  devicesCounted: number;
}

/** Fetches policies and devices from the V2 server at `apiUrl`, counts them, and measures. */
export async function measureProductSync(
  apiUrl: string,
  onProgress?: (progress: DevicesProgress) => void,
): Promise<ProductSyncMeasurement> {
  const settings = settingsSchema.parse({});
  collectGarbage();
  const baselineBytes = process.memoryUsage().heapUsed;
  const heap = startHeapSampler();
  const started = performance.now();

  // NOTE: a real sync also stores each page in IndexedDB as it arrives, and the snapshot at the
  // end. This measures the fetch and the count only.
  const client = createAddigyClient({ apiVersion: 'v2', apiUrl, apiKey: DEMO_CREDENTIALS.apiKey });
  const policies = await client.fetchPolicies();
  const fetched = await client.fetchDevices(onProgress);
  heap.sample();
  const counts = countDevices(policies, fetched.devices, {
    accountLevel: settings.accountLevel,
    staleAfterDays: settings.staleAfterDays,
    now: Date.now(),
  });

  const syncMs = performance.now() - started;
  return {
    syncMs,
    peakHeapBytes: heap.stop() - baselineBytes,
    devicesReceived: fetched.devices.length,
    devicesCounted: counts.all.total,
  };
}

/** Returns a progress callback that prints a line at each tenth of the pages. */
export function reportProgress(started: number) {
  let printedTenths = 0;
  return ({ pagesFetched, pagesExpected }: DevicesProgress) => {
    if (!pagesExpected) return;
    const tenths = Math.floor((pagesFetched / pagesExpected) * 10);
    if (tenths <= printedTenths) return;
    printedTenths = tenths;
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    process.stderr.write(`  ${pagesFetched} of ${pagesExpected} pages after ${seconds} s\n`);
  };
}
