/**
 * The sync benchmark: how close a V2 sync of a large fleet comes to the fastest that the request
 * budget allows, whether it stays within the budget by the server's count of requests, and how
 * much heap it takes.
 *
 *     npm run bench:sync -- [--devices N] [--latency MS] [--write [--note TEXT]]
 *
 * It serves a generated fleet from the local Addigy server on 127.0.0.1 in a child process, then
 * fetches and counts it as `lib/sync/run-sync.ts` does, through the public client API and the
 * shared budget. It prints each figure with PASS or FAIL against its target. It exits 0 even when
 * a target fails, and 1 only when the benchmark itself could not run.
 */
import { parseArgs } from 'node:util';
import { sharedBudget } from '../../lib/addigy/budget';
import { REQUEST_TIMEOUT_MS } from '../../lib/addigy/http';
import { DEVICES_PER_PAGE } from '../../lib/addigy/v2-client';
import { writeBenchmarkSection } from './benchmarks-file';
import { budgetFloor, maxInAnyWindow } from './budget-floor';
import { startServerProcess } from './server-process';
import { measureProductSync, reportProgress } from './sync-measure';
import {
  describeEnvironment,
  formatMarkdownSection,
  formatTerminalReport,
  judgeTargets,
  type SyncMeasurement,
} from './sync-report';

const USAGE = `Usage: npm run bench:sync -- [options]

  --devices N    devices in the generated fleet (default 100000)
  --latency MS   milliseconds the server waits before each response, 1 or more (default 200)
  --write        also write the figures to the "Sync" section of BENCHMARKS.md
  --note TEXT    with --write: a sentence to record with the figures, such as which client
                 version was measured
  --help         print this help`;

const BENCHMARKS_PATH = new URL('../../BENCHMARKS.md', import.meta.url);
const FLEET_SEED = 1;

interface BenchmarkOptions {
  deviceCount: number;
  latencyMs: number;
  write: boolean;
  note: string | undefined;
}

/** Parses a whole number flag from `min` to `max`, or throws an error naming the flag. */
function parseWholeNumber(flag: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`Invalid ${flag} "${text}": give a whole number from ${min} to ${max}.`);
  }
  return value;
}

function parseOptions(): BenchmarkOptions | null {
  const { values } = parseArgs({
    options: {
      devices: { type: 'string', default: '100000' },
      latency: { type: 'string', default: '200' },
      write: { type: 'boolean', default: false },
      note: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return null;
  if (values.note !== undefined && !values.write) {
    throw new Error('--note is recorded only in BENCHMARKS.md, so it needs --write.');
  }
  return {
    deviceCount: parseWholeNumber('--devices', values.devices, 1, 10_000_000),
    // Without latency the floor is 0, and at the client's request timeout every request fails.
    latencyMs: parseWholeNumber('--latency', values.latency, 1, REQUEST_TIMEOUT_MS - 1_000),
    write: values.write,
    note: values.note,
  };
}

async function main(): Promise<void> {
  const options = parseOptions();
  if (options === null) {
    console.log(USAGE);
    return;
  }
  const { deviceCount, latencyMs } = options;
  process.stderr.write(`Generating ${deviceCount} devices in the server process...\n`);
  const server = await startServerProcess({
    deviceCount,
    seed: FLEET_SEED,
    now: Date.now(),
    latencyMs,
  });
  let measurement: SyncMeasurement;
  try {
    const { syncMs, peakHeapBytes, devicesReceived, devicesCounted } = await measureProductSync(
      server.url,
      reportProgress(performance.now()),
    );
    process.stderr.write(`Counted ${devicesCounted} devices.\n`);
    const requests = await server.requestLog();
    const limits = sharedBudget.getLimits();
    const pages = Math.max(1, Math.ceil(deviceCount / DEVICES_PER_PAGE));
    measurement = {
      deviceCount,
      policyCount: server.policyCount,
      latencyMs,
      syncMs,
      floor: budgetFloor(1 + pages, latencyMs, limits),
      requestsServed: requests.length,
      limits,
      maxServedInWindow: maxInAnyWindow(
        requests.map((request) => request.at),
        limits.windowMs,
      ),
      maxStartedInWindow: sharedBudget.stats().maxInAnyWindow,
      peakHeapBytes,
      devicesReceived,
    };
  } finally {
    await server.stop();
  }

  const results = judgeTargets(measurement);
  const environment = describeEnvironment();
  console.log(formatTerminalReport(measurement, results, environment));
  if (options.write) {
    const command = `npm run bench:sync -- --devices ${deviceCount} --latency ${latencyMs}`;
    const body = formatMarkdownSection(measurement, results, environment, command, options.note);
    await writeBenchmarkSection(BENCHMARKS_PATH, 'Sync', body);
    console.log('Wrote the Sync section of BENCHMARKS.md.');
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  console.error(`\n${USAGE}`);
  process.exit(1);
});
