/**
 * The V1 benchmark: the product's V1 sync of one large `GET /api/devices` response (parsed as a
 * stream, reduced to device records, counted) against a bare `JSON.parse` of the same body.
 * Each side runs in a child process of its own, against one server process.
 */
import { runInChild } from './child-process';
import { formatMebibytes, formatMilliseconds, formatRatio, type BenchmarkResult } from './figures';
import { startServerProcess } from './server-process';
import type { V1ChildConfig, V1ChildResult } from './v1-child';

export interface V1BenchOptions {
  deviceCount: number;
}

const CHILD = new URL('./v1-child.ts', import.meta.url);
const CHILD_TIMEOUT_MS = 600_000;

export async function runV1Benchmark({ deviceCount }: V1BenchOptions): Promise<BenchmarkResult> {
  process.stderr.write(`V1: serving ${deviceCount} devices...\n`);
  // No latency, because the download is not part of either measurement.
  const server = await startServerProcess({ deviceCount, seed: 1, now: Date.now(), latencyMs: 0 });
  try {
    const run = (side: V1ChildConfig['side']) =>
      runInChild<V1ChildConfig, V1ChildResult>(
        CHILD,
        { side, serverUrl: server.url },
        CHILD_TIMEOUT_MS,
      );
    process.stderr.write('V1: running the product V1 sync...\n');
    const product = await run('product');
    process.stderr.write('V1: running JSON.parse of the same body...\n');
    const parse = await run('json-parse');
    return {
      title: 'V1 devices response',
      method: [
        `A child process serves ${deviceCount.toLocaleString('en-US')} generated devices from the local Addigy server's V1 \`GET /api/devices\`, one JSON array of about 5 KB per device.`,
        'Two more child processes each download the body first, untimed, so that both sides work on the same bytes and the server, which builds the body on every request, is left out.',
        "In one, the product's V1 client fetches the policies and the devices and counts them; its `fetch` is replaced by one that streams the downloaded bytes in 64 KiB chunks, and the rest (request budget, stream parser, validation, counting) runs unchanged.",
        'In the other, `TextDecoder` decodes the bytes and `JSON.parse` parses them.',
        "Peak heap is each child's `heapUsed` above its value after the download (the downloaded bytes are outside the V8 heap), read every 50 ms and right after `JSON.parse`, which blocks the sampler.",
        'No target is set for this comparison: the figures show what the streamed parse costs and saves.',
      ].join(' '),
      figures: [
        {
          name: 'Response body',
          value: `${formatMebibytes(parse.bodyBytes)} of JSON, ${parse.devices.toLocaleString('en-US')} devices`,
        },
        {
          name: 'Download from the local server (untimed in both)',
          value: formatMilliseconds(parse.downloadMs),
        },
        {
          name: 'Product V1 sync time (stream parse, validate, count)',
          value: formatMilliseconds(product.totalMs),
        },
        { name: 'Decode + JSON.parse time', value: formatMilliseconds(parse.totalMs) },
        { name: 'JSON.parse alone', value: formatMilliseconds(parse.parseMs ?? Number.NaN) },
        {
          name: 'Product time / decode + JSON.parse time',
          value: formatRatio(product.totalMs / parse.totalMs),
        },
        { name: 'Product peak heap', value: formatMebibytes(product.peakHeapBytes) },
        { name: 'Decode + JSON.parse peak heap', value: formatMebibytes(parse.peakHeapBytes) },
        {
          name: 'Product peak heap / JSON.parse peak heap',
          value: formatRatio(product.peakHeapBytes / parse.peakHeapBytes),
        },
        {
          name: 'Devices counted by the product',
          value: product.devices.toLocaleString('en-US'),
          target: `= ${deviceCount.toLocaleString('en-US')}`,
          passed: product.devices === deviceCount,
        },
      ],
    };
  } finally {
    await server.stop();
  }
}
