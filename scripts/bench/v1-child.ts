/**
 * The child process in which `v1.ts` runs one side of the V1 comparison, so that each has a heap
 * of its own: the product's V1 sync (`lib/addigy/v1-client.ts`, which parses `GET /devices` as a
 * stream) or a bare `JSON.parse` of the same response body.
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
  /** From the request to the last device parsed (and, for the product, counted). */
  totalMs: number;
  /** JSON.parse only, after the body has been read as text; null for the product. */
  parseMs: number | null;
  peakHeapBytes: number;
  devices: number;
  /** The response body's size in bytes; null for the product, which never holds it whole. */
  bodyBytes: number | null;
}

async function measureProduct(serverUrl: string): Promise<V1ChildResult> {
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
    bodyBytes: null,
  };
}

async function measureJsonParse(serverUrl: string): Promise<V1ChildResult> {
  collectGarbage();
  const baselineBytes = process.memoryUsage().heapUsed;
  const heap = startHeapSampler();
  const started = performance.now();
  const response = await fetch(`${serverUrl}/api/devices`, {
    headers: { 'client-id': DEMO_CREDENTIALS.clientId, 'client-secret': DEMO_CREDENTIALS.clientSecret },
  });
  if (!response.ok) throw new Error(`GET /api/devices failed with ${response.status}.`);
  const text = await response.text();
  heap.sample();
  const parseStarted = performance.now();
  const devices = JSON.parse(text) as unknown[];
  const parseMs = performance.now() - parseStarted;
  // JSON.parse blocks the event loop, so the sampler cannot run during it: this reads the heap
  // while both the text and the parsed array are still live.
  heap.sample();
  const totalMs = performance.now() - started;
  return {
    totalMs,
    parseMs,
    peakHeapBytes: heap.stop() - baselineBytes,
    devices: devices.length,
    bodyBytes: Buffer.byteLength(text, 'utf8'),
  };
}

serveAsChild<V1ChildConfig, V1ChildResult>(({ side, serverUrl }) =>
  side === 'product' ? measureProduct(serverUrl) : measureJsonParse(serverUrl),
);
