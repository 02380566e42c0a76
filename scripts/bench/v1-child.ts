/**
 * The child process in which `v1.ts` runs one side of the V1 comparison, so that each has a heap
 * of its own. One side is the product's V1 sync (`lib/addigy/v1-client.ts`, which parses
 * `GET /devices` as a stream), the other a bare `JSON.parse` of the same response body.
 *
 * Both sides first download the body from the local server, untimed, so that the comparison is
 * of what each does with the same bytes and not of the server, which builds the body on every
 * request. The product then reads the bytes through `fetch` as it always does: this child
 * replaces `globalThis.fetch` with one that streams the downloaded bytes in 64 KiB chunks.
 */
import { createAddigyClient } from '../../lib/addigy/client';
import { countDevices } from '../../lib/counting/count-devices';
import { settingsSchema } from '../../lib/settings/settings';
import { DEMO_CREDENTIALS } from '../addigy-server/server';
import { serveAsChild } from './child-process';
import { collectGarbage, startHeapSampler } from './heap';

export interface V1ChildConfig {
  side: 'product' | 'json-parse';
  /** The server's origin, such as http://127.0.0.1:41234. */
  serverUrl: string;
}

export interface V1ChildResult {
  /** The product: fetch from memory, stream parse and count. JSON.parse: decode and parse. */
  totalMs: number;
  /** JSON.parse alone, after decoding; null for the product. */
  parseMs: number | null;
  peakHeapBytes: number;
  devices: number;
  bodyBytes: number;
  /** The untimed download of the devices body from the local server. */
  downloadMs: number;
}

const CHUNK_BYTES = 64 * 1024;
const V1_HEADERS = {
  'client-id': DEMO_CREDENTIALS.clientId,
  'client-secret': DEMO_CREDENTIALS.clientSecret,
};

async function download(url: string): Promise<Uint8Array> {
  const response = await fetch(url, { headers: V1_HEADERS });
  if (!response.ok) throw new Error(`GET ${new URL(url).pathname} failed with ${response.status}.`);
  return new Uint8Array(await response.arrayBuffer());
}

/** Returns a 200 JSON response whose body streams `bytes` in chunks, as a socket delivers it. */
function streamedResponse(bytes: Uint8Array): Response {
  let offset = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= bytes.length) {
        controller.close();
        return;
      }
      controller.enqueue(bytes.subarray(offset, offset + CHUNK_BYTES));
      offset += CHUNK_BYTES;
    },
  });
  return new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
}

async function measureProduct(
  serverUrl: string,
  bodies: { policies: Uint8Array; devices: Uint8Array },
) {
  const realFetch = globalThis.fetch;
  globalThis.fetch = (input) => {
    const { pathname } = new URL(input instanceof Request ? input.url : String(input));
    if (pathname === '/api/policies') return Promise.resolve(streamedResponse(bodies.policies));
    if (pathname === '/api/devices') return Promise.resolve(streamedResponse(bodies.devices));
    return Promise.reject(new Error(`The V1 benchmark has no body for ${pathname}.`));
  };
  try {
    const client = createAddigyClient({
      apiVersion: 'v1',
      apiUrl: `${serverUrl}/api`,
      clientId: DEMO_CREDENTIALS.clientId,
      clientSecret: DEMO_CREDENTIALS.clientSecret,
    });
    const settings = settingsSchema.parse({});
    collectGarbage();
    const baselineBytes = process.memoryUsage().heapUsed;
    const heap = startHeapSampler();
    const started = performance.now();
    const policies = await client.fetchPolicies();
    const fetched = await client.fetchDevices();
    heap.sample();
    const counts = countDevices(policies, fetched.devices, {
      accountLevel: settings.accountLevel,
      staleAfterDays: settings.staleAfterDays,
      now: Date.now(),
    });
    const totalMs = performance.now() - started;
    return {
      totalMs,
      parseMs: null,
      peakHeapBytes: heap.stop() - baselineBytes,
      devices: counts.all.total,
    };
  } finally {
    globalThis.fetch = realFetch;
  }
}

function measureJsonParse(bytes: Uint8Array) {
  collectGarbage();
  const baselineBytes = process.memoryUsage().heapUsed;
  const heap = startHeapSampler();
  const started = performance.now();
  const text = new TextDecoder().decode(bytes);
  heap.sample();
  const parseStarted = performance.now();
  const devices = JSON.parse(text) as unknown[];
  const parseMs = performance.now() - parseStarted;
  // JSON.parse blocks the event loop, so the sampler cannot run during it. This reads the heap
  // while both the text and the parsed array are still live.
  heap.sample();
  const totalMs = performance.now() - started;
  return { totalMs, parseMs, peakHeapBytes: heap.stop() - baselineBytes, devices: devices.length };
}

serveAsChild<V1ChildConfig, V1ChildResult>(async ({ side, serverUrl }) => {
  const downloadStarted = performance.now();
  const devices = await download(`${serverUrl}/api/devices`);
  const downloadMs = performance.now() - downloadStarted;
  const policies = await download(`${serverUrl}/api/policies`);
  const measured =
    side === 'product'
      ? await measureProduct(serverUrl, { policies, devices })
      : measureJsonParse(devices);
  return { ...measured, bodyBytes: devices.length, downloadMs };
});
