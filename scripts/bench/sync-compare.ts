/**
 * The sync benchmark of `npm run bench`: the figures of `npm run bench:sync` (time against the
 * budget floor, the busiest window by the server's log, peak heap) and a baseline, the same
 * fleet fetched one page at a time from the same server (`sync-baseline.ts`). The product and
 * the baseline each run in a child process of their own, one after the other, against one
 * server process.
 */
import { DEFAULT_BUDGET } from '../../lib/addigy/budget';
import { DEVICES_PER_PAGE } from '../../lib/addigy/v2-client';
import { budgetFloor, maxInAnyWindow } from './budget-floor';
import { runInChild } from './child-process';
import {
  formatMebibytes,
  formatMilliseconds,
  formatRatio,
  type BenchmarkResult,
  type Figure,
} from './figures';
import { startServerProcess } from './server-process';
import type { SyncChildConfig, SyncChildResult } from './sync-child';

export interface SyncBenchOptions {
  deviceCount: number;
  latencyMs: number;
}

const CHILD = new URL('./sync-child.ts', import.meta.url);
const MIN_SPEED_UP = 5;
const MAX_FLOOR_RATIO = 1.15;
const MAX_PRODUCT_HEAP_BYTES = 64 * 1024 * 1024;

/** Bounds each side at 10 minutes plus one second per page, far above any expected run. */
function childTimeoutMs(options: SyncBenchOptions): number {
  return 600_000 + Math.ceil(options.deviceCount / DEVICES_PER_PAGE) * 1_000;
}

export async function runSyncBenchmark(options: SyncBenchOptions): Promise<BenchmarkResult> {
  const { deviceCount, latencyMs } = options;
  process.stderr.write(`Sync: serving ${deviceCount} devices at ${latencyMs} ms per request...\n`);
  const server = await startServerProcess({ deviceCount, seed: 1, now: Date.now(), latencyMs });
  try {
    const run = (side: SyncChildConfig['side']) =>
      runInChild<SyncChildConfig, SyncChildResult>(
        CHILD,
        { side, apiUrl: server.url },
        childTimeoutMs(options),
      );
    process.stderr.write('Sync: running the product sync...\n');
    const product = await run('product');
    const productLog = await server.requestLog();
    process.stderr.write('Sync: running the one-page-at-a-time baseline...\n');
    const baseline = await run('baseline');

    const pages = Math.max(1, Math.ceil(deviceCount / DEVICES_PER_PAGE));
    const floor = budgetFloor(1 + pages, latencyMs, DEFAULT_BUDGET);
    const maxServed = maxInAnyWindow(
      productLog.map((request) => request.at),
      DEFAULT_BUDGET.windowMs,
    );
    return {
      title: 'Sync',
      method: describeMethod(latencyMs),
      figures: [
        {
          name: 'Fleet',
          value: `${deviceCount.toLocaleString('en-US')} devices, ${server.policyCount.toLocaleString('en-US')} policies`,
        },
        { name: 'Server latency', value: `${latencyMs} ms per request` },
        ...productFigures(
          product,
          floor.floorMs,
          maxServed,
          productLog.length,
          1 + pages,
          deviceCount,
        ),
        ...baselineFigures(product, baseline, deviceCount),
      ],
    };
  } finally {
    await server.stop();
  }
}

function productFigures(
  product: SyncChildResult,
  floorMs: number,
  maxServed: number,
  served: number,
  needed: number,
  deviceCount: number,
): Figure[] {
  const floorRatio = product.syncMs / floorMs;
  const perWindow = DEFAULT_BUDGET.maxRequestsPerWindow;
  return [
    { name: 'Product sync time', value: formatMilliseconds(product.syncMs) },
    { name: 'Budget floor', value: formatMilliseconds(floorMs) },
    {
      name: 'Product requests',
      value: `${needed.toLocaleString('en-US')} needed, ${served.toLocaleString('en-US')} served`,
    },
    {
      name: 'Product sync time / budget floor',
      value: floorRatio.toFixed(3),
      target: `≤ ${MAX_FLOOR_RATIO}`,
      passed: floorRatio <= MAX_FLOOR_RATIO,
    },
    {
      name: 'Max requests in any 10 s (server log)',
      value: String(maxServed),
      target: `≤ ${perWindow}`,
      passed: maxServed <= perWindow,
    },
    {
      name: 'Product peak heap',
      value: formatMebibytes(product.peakHeapBytes),
      target: `< ${formatMebibytes(MAX_PRODUCT_HEAP_BYTES)}`,
      passed: product.peakHeapBytes < MAX_PRODUCT_HEAP_BYTES,
    },
    {
      name: 'Product devices received',
      value: product.devicesReceived.toLocaleString('en-US'),
      target: `= ${deviceCount.toLocaleString('en-US')}`,
      passed: product.devicesReceived === deviceCount,
    },
  ];
}

function baselineFigures(
  product: SyncChildResult,
  baseline: SyncChildResult,
  deviceCount: number,
): Figure[] {
  const speedUp = baseline.syncMs / product.syncMs;
  return [
    { name: 'Baseline sync time', value: formatMilliseconds(baseline.syncMs) },
    { name: 'Baseline peak heap', value: formatMebibytes(baseline.peakHeapBytes) },
    {
      name: 'Baseline peak heap / product peak heap',
      value: formatRatio(baseline.peakHeapBytes / product.peakHeapBytes),
    },
    {
      name: 'Baseline devices received',
      value: baseline.devicesReceived.toLocaleString('en-US'),
      target: `= ${deviceCount.toLocaleString('en-US')}`,
      passed: baseline.devicesReceived === deviceCount,
    },
    {
      name: 'Speed-up: baseline time / product time',
      value: formatRatio(speedUp),
      target: `≥ ${MIN_SPEED_UP}×`,
      passed: speedUp >= MIN_SPEED_UP,
    },
  ];
}

function describeMethod(latencyMs: number): string {
  const { maxRequestsPerWindow, windowMs, maxInFlight, guardMs = 0 } = DEFAULT_BUDGET;
  return [
    'A child process serves a generated fleet from the local Addigy server with a fixed latency per request.',
    "The product's V2 fetch (policies, then every device page, through the shared request budget) and device count run in a second child process. The baseline runs in a third:",
    'one `POST /api/v2/devices` at a time with per_page 100, every device object kept until the last page, then a count per policy.',
    `The budget floor is the larger of (ceil(requests / ${maxRequestsPerWindow}) - 1) × ${(windowMs + guardMs) / 1000} s + ${latencyMs} ms and ceil(requests / ${maxInFlight}) × ${latencyMs} ms (see \`budget-floor.ts\`).`,
    "Peak heap is each child's `heapUsed` above its value before the run, read every 50 ms, so it includes garbage not yet collected.",
  ].join(' ');
}
