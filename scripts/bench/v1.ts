/**
 * The V1 benchmark: the product's V1 sync of one large `GET /api/devices` response (parsed as a
 * stream, reduced to device records, counted) against a bare `JSON.parse` of the same body.
 * Each side runs in a child process of its own, against one server process.
 */
import { runInChild } from './child-process';
import {
  formatMebibytes,
  formatMilliseconds,
  formatRatio,
  type BenchmarkResult,
} from './figures';
import { startServerProcess } from './server-process';
import type { V1ChildConfig, V1ChildResult } from './v1-child';

export interface V1BenchOptions {
  deviceCount: number;
}

const CHILD = new URL('./v1-child.ts', import.meta.url);
const CHILD_TIMEOUT_MS = 600_000;

export async function runV1Benchmark({ deviceCount }: V1BenchOptions): Promise<BenchmarkResult> {
  process.stderr.write(`V1: serving ${deviceCount} devices...\n`);
  // No latency: the one request's round trip would add the same constant to both sides.
  const server = await startServerProcess({ deviceCount, seed: 1, now: Date.now(), latencyMs: 0 });
  try {
    const run = (side: V1ChildConfig['side']) =>
      runInChild<V1ChildConfig, V1ChildResult>(CHILD, { side, serverUrl: server.url }, CHILD_TIMEOUT_MS);
    process.stderr.write('V1: running the product V1 sync...\n');
    const product = await run('product');
    process.stderr.write('V1: running JSON.parse of the same body...\n');
    const parse = await run('json-parse');
    const bodySize = parse.bodyBytes === null ? 'unknown' : formatMebibytes(parse.bodyBytes);
    return {
      title: 'V1 devices response',
      method: [
        `A child process serves ${deviceCount.toLocaleString('en-US')} generated devices from the local Addigy server's V1 \`GET /api/devices\`, one JSON array of about 5 KB per device, with no added latency.`,
        "In a second child process the product's V1 client fetches the policies and the devices, parsing the body as a stream, and counts them.",
        'In a third, a plain `fetch` reads the same body as text and `JSON.parse` parses it.',
        "Peak heap is each child's `heapUsed` above its value before the run, read every 50 ms and right after `JSON.parse`, which blocks the sampler.",
        'No target is set for this comparison: the figures show what the streamed parse costs and saves.',
      ].join(' '),
      figures: [
        { name: 'Response body', value: `${bodySize} of JSON, ${parse.devices.toLocaleString('en-US')} devices` },
        { name: 'Product V1 sync time (fetch, stream parse, count)', value: formatMilliseconds(product.totalMs) },
        { name: 'Plain fetch + JSON.parse time', value: formatMilliseconds(parse.totalMs) },
        { name: 'JSON.parse alone', value: formatMilliseconds(parse.parseMs ?? Number.NaN) },
        { name: 'Product time / fetch + JSON.parse time', value: formatRatio(product.totalMs / parse.totalMs) },
        { name: 'Product peak heap', value: formatMebibytes(product.peakHeapBytes) },
        { name: 'Fetch + JSON.parse peak heap', value: formatMebibytes(parse.peakHeapBytes) },
        { name: 'Product peak heap / JSON.parse peak heap', value: formatRatio(product.peakHeapBytes / parse.peakHeapBytes) },
        { name: 'Devices counted by the product', value: product.devices.toLocaleString('en-US'), target: `= ${deviceCount.toLocaleString('en-US')}`, passed: product.devices === deviceCount },
      ],
    };
  } finally {
    await server.stop();
  }
}
