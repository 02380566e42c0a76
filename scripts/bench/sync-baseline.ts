/**
 * The baseline of the sync comparison: the fleet fetched as public Addigy V2 clients fetch it,
 * written as a plain loop for this benchmark. It requests one page at a time with per_page 100,
 * keeps every device object as the server sent it until the last page, then counts devices per
 * policy. It shares no code with lib/ apart from the demo API key.
 */
import { DEMO_CREDENTIALS } from '../addigy-server/server';
import { collectGarbage, startHeapSampler } from './heap';

/** Stops a loop whose server keeps reporting more pages; a million devices at 100 a page. */
const MAX_PAGES = 10_000;

interface DevicePage {
  items: Array<{ facts: Record<string, { value: unknown }> }> | null;
  metadata: { page_count: number };
}

export interface BaselineMeasurement {
  syncMs: number;
  peakHeapBytes: number;
  devicesReceived: number;
  /** Devices counted under a policy id. */
  devicesCounted: number;
}

async function post(url: string, body: unknown): Promise<unknown> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'x-api-key': DEMO_CREDENTIALS.apiKey, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok)
    throw new Error(`POST ${new URL(url).pathname} failed with ${response.status}.`);
  return response.json();
}

/** Fetches every device one page after another from the V2 server at `apiUrl`, then counts. */
export async function measureBaselineSync(apiUrl: string): Promise<BaselineMeasurement> {
  collectGarbage();
  const baselineBytes = process.memoryUsage().heapUsed;
  const heap = startHeapSampler();
  const started = performance.now();

  await post(`${apiUrl}/api/v2/oa/policies/query`, {});
  const devices: NonNullable<DevicePage['items']> = [];
  let pageCount = 1;
  for (let page = 1; page <= pageCount && page <= MAX_PAGES; page++) {
    const body = (await post(`${apiUrl}/api/v2/devices`, { page, per_page: 100 })) as DevicePage;
    devices.push(...(body.items ?? []));
    pageCount = body.metadata.page_count;
  }
  heap.sample();

  const perPolicy = new Map<string, number>();
  for (const device of devices) {
    const policyId = device.facts.policy_id?.value;
    if (typeof policyId === 'string') perPolicy.set(policyId, (perPolicy.get(policyId) ?? 0) + 1);
  }
  const syncMs = performance.now() - started;
  let devicesCounted = 0;
  for (const count of perPolicy.values()) devicesCounted += count;
  return {
    syncMs,
    peakHeapBytes: heap.stop() - baselineBytes,
    devicesReceived: devices.length,
    devicesCounted,
  };
}
