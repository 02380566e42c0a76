/**
 * The sync benchmark's figures, the targets they are judged by, and their text for the terminal
 * and for BENCHMARKS.md.
 */
import { execFileSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import type { BudgetLimits } from '../../lib/addigy/budget';
import type { BudgetFloor } from './budget-floor';

export interface SyncMeasurement {
  deviceCount: number;
  policyCount: number;
  latencyMs: number;
  /** From the first request to the end of counting, in milliseconds. */
  syncMs: number;
  floor: BudgetFloor;
  /** Requests in the server's log; more than `floor.requests` means retries or extra calls. */
  requestsServed: number;
  limits: BudgetLimits;
  /** The maximum number of requests that arrived at the server in any window of the budget. */
  maxServedInWindow: number;
  /** The maximum number of requests that the client's budget started in any such window. */
  maxStartedInWindow: number;
  /** The highest heap use during the sync above the heap before it, in bytes. */
  peakHeapBytes: number;
  devicesReceived: number;
}

export interface TargetResult {
  name: string;
  value: string;
  target: string;
  passed: boolean;
}

/** The sync may take at most this multiple of the budget floor. */
const MAX_FLOOR_RATIO = 1.15;
const MAX_PEAK_HEAP_BYTES = 64 * 1024 * 1024;
const MEBIBYTE = 1024 * 1024;

/** Judges each figure that has a target. */
export function judgeTargets(measurement: SyncMeasurement): TargetResult[] {
  const ratio = measurement.syncMs / measurement.floor.floorMs;
  const { limits } = measurement;
  const windowSeconds = limits.windowMs / 1000;
  return [
    {
      name: 'Sync time / budget floor',
      value: ratio.toFixed(3),
      target: `≤ ${MAX_FLOOR_RATIO}`,
      passed: ratio <= MAX_FLOOR_RATIO,
    },
    {
      name: `Max requests in any ${windowSeconds} s (server log)`,
      value: formatCount(measurement.maxServedInWindow),
      target: `≤ ${limits.maxRequestsPerWindow}`,
      passed: measurement.maxServedInWindow <= limits.maxRequestsPerWindow,
    },
    {
      name: 'Peak heap during the sync',
      value: `${(measurement.peakHeapBytes / MEBIBYTE).toFixed(1)} MiB`,
      target: `< ${MAX_PEAK_HEAP_BYTES / MEBIBYTE} MiB`,
      passed: measurement.peakHeapBytes < MAX_PEAK_HEAP_BYTES,
    },
    {
      name: 'Devices received',
      value: formatCount(measurement.devicesReceived),
      target: `= ${formatCount(measurement.deviceCount)}`,
      passed: measurement.devicesReceived === measurement.deviceCount,
    },
  ];
}

/** Returns the figures that have no target, as name and value pairs. */
export function describeFigures(measurement: SyncMeasurement): Array<[string, string]> {
  const { floor, limits } = measurement;
  const pages = floor.requests - 1;
  return [
    [
      'Fleet',
      `${countOf(measurement.deviceCount, 'device')}, ${countOf(measurement.policyCount, 'policy', 'policies')}`,
    ],
    ['Server latency', `${measurement.latencyMs} ms per request`],
    ['Sync time', formatSeconds(measurement.syncMs)],
    [
      'Requests',
      `${formatCount(floor.requests)} needed (policies, then ${countOf(pages, 'page')}), ${formatCount(measurement.requestsServed)} served`,
    ],
    [
      'Budget floor',
      `${formatSeconds(floor.floorMs)} (starts per window: ${formatSeconds(floor.windowFloorMs)}, in flight: ${formatSeconds(floor.inFlightFloorMs)})`,
    ],
    [
      `Max requests in any ${limits.windowMs / 1000} s (client budget)`,
      formatCount(measurement.maxStartedInWindow),
    ],
  ];
}

export interface Environment {
  machine: string;
  node: string;
  /** ISO 8601, in UTC. */
  date: string;
  /** The checked-out commit, with a remark when `lib/` has uncommitted changes. */
  commit: string;
}

export function describeEnvironment(now = new Date()): Environment {
  const processors = cpus();
  const model = processors[0]?.model.trim() ?? 'unknown CPU';
  const memory = `${(totalmem() / 1024 ** 3).toFixed(1)} GiB`;
  return {
    machine: `${model}, ${processors.length} cores, ${memory}`,
    node: process.version,
    date: now.toISOString().replace(/\.\d+Z$/, 'Z'),
    commit: describeCommit(),
  };
}

function describeCommit(): string {
  try {
    const run = (args: string[]) => execFileSync('git', args, { encoding: 'utf8' }).trim();
    const commit = run(['rev-parse', '--short', 'HEAD']);
    const changed = run(['status', '--porcelain', '--', 'lib']) !== '';
    return changed ? `${commit} with uncommitted changes in lib/` : commit;
  } catch {
    return 'unknown (git is not available)';
  }
}

export function formatCount(value: number): string {
  return value.toLocaleString('en-US');
}

/** Formats a count with its noun, such as "1 page" or "1,000 pages". */
function countOf(value: number, singular: string, plural = `${singular}s`): string {
  return `${formatCount(value)} ${value === 1 ? singular : plural}`;
}

function formatSeconds(milliseconds: number): string {
  return `${(milliseconds / 1000).toFixed(2)} s`;
}

/** Formats the figures for the terminal, one per line, with PASS or FAIL where there is a target. */
export function formatTerminalReport(
  measurement: SyncMeasurement,
  results: readonly TargetResult[],
  environment: Environment,
): string {
  const rows = [
    ...describeFigures(measurement).map(([name, value]) => `  ${name.padEnd(44)} ${value}`),
    ...results.map(
      (result) =>
        `  ${result.name.padEnd(44)} ${result.value.padEnd(10)} target ${result.target.padEnd(10)} ${result.passed ? 'PASS' : 'FAIL'}`,
    ),
  ];
  const failed = results.filter((result) => !result.passed).map((result) => result.name);
  return [
    'Sync benchmark',
    ...rows,
    `  Machine: ${environment.machine}; Node ${environment.node}; ${environment.date}; commit ${environment.commit}`,
    failed.length === 0 ? 'All targets met.' : `Targets failed: ${failed.join('; ')}.`,
  ].join('\n');
}

/** Formats the body of the "Sync" section of BENCHMARKS.md. */
export function formatMarkdownSection(
  measurement: SyncMeasurement,
  results: readonly TargetResult[],
  environment: Environment,
  command: string,
  note: string | undefined,
): string {
  const { limits, latencyMs } = measurement;
  const rows = [
    ...describeFigures(measurement).map(([name, value]) => `| ${name} | ${value} | | |`),
    ...results.map(
      (result) =>
        `| ${result.name} | ${result.value} | ${result.target} | ${result.passed ? 'PASS' : 'FAIL'} |`,
    ),
  ];
  // Each paragraph is written as one line, because the values in it vary in length.
  const method = [
    'The benchmark serves a generated fleet from the local Addigy server, in a child process, with',
    "a fixed latency per request. It runs the product's V2 fetch (policies, then every device page)",
    'and device count with the default request budget, without storing pages or the snapshot.',
    'The budget floor is the shortest time the budget allows for the requests: the larger of',
    `(ceil(requests / ${limits.maxRequestsPerWindow}) - 1) × ${(limits.windowMs + (limits.guardMs ?? 0)) / 1000} s + ${latencyMs} ms, because at most`,
    `${limits.maxRequestsPerWindow} requests start in any ${limits.windowMs / 1000} s, and the budget waits a further ${limits.guardMs ?? 0} ms before reusing a full window's slots, and`,
    `ceil(requests / ${limits.maxInFlight}) × ${latencyMs} ms, because at most ${limits.maxInFlight} are in flight.`,
    "The peak heap is the client process's `heapUsed` above its value before the sync, read every",
    '50 ms. It includes garbage not yet collected.',
  ];
  const measured = [
    `Measured with \`${command}\` on ${environment.date}, commit ${environment.commit},`,
    `on ${environment.machine}, Node ${environment.node}.`,
  ];
  return [
    measured.join(' '),
    ...(note ? ['', note] : []),
    '',
    method.join(' '),
    '',
    '| Figure | Value | Target | Result |',
    '| --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}
