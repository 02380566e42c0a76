/**
 * Runs the benchmarks of `npm run bench` and records their figures in BENCHMARKS.md.
 *
 *     npm run bench -- [--only NAMES] [--quick] [--no-build] [--write | --no-write]
 *                      [--note TEXT] [sizes]   (--help lists the size flags)
 *
 * Each benchmark compares figures measured in the same run, mostly as ratios, and judges each
 * figure that has a target. A failed target is reported, not fatal, so the command exits 1 only
 * when a benchmark could not run. Only 127.0.0.1 is contacted: the local Addigy server and the
 * page server start on random ports and stop at the end.
 */
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { writeBenchmarkSection } from './benchmarks-file';
import { runBundleBenchmark } from './bundle';
import { describeBenchEnvironment, formatEnvironment, type BenchEnvironment } from './environment';
import type { BenchmarkResult } from './figures';
import { runOverlayBenchmark } from './overlay';
import { runPopupBenchmark } from './popup';
import { runSyncBenchmark } from './sync-compare';
import { runV1Benchmark } from './v1';

/** In the order they run and appear in BENCHMARKS.md. */
const BENCHMARKS = ['sync', 'v1', 'popup', 'overlay', 'bundle'] as const;
type BenchmarkName = (typeof BENCHMARKS)[number];

const USAGE = `Usage: npm run bench -- [options]

  --only NAMES          comma-separated benchmarks to run: ${BENCHMARKS.join(', ')} (default: all)
  --quick               small sizes for checking that the benchmarks work; implies --no-write
  --no-build            reuse .output/ instead of running wxt build (release and e2e)
  --write, --no-write   whether to write the figures to BENCHMARKS.md (default: write, except
                        with --quick)
  --devices N           sync: devices in the fleet (default 100000; quick 5000)
  --latency MS          sync: server latency per request in ms (default 200; quick 20)
  --v1-devices N        v1: devices in the V1 response (default 10000; quick 1000)
  --policies N          popup: client policies in the snapshot (default 2000)
  --runs N              popup and overlay: page loads per case, median taken (default 9; quick 3)
  --mutate-seconds S    overlay: how long the page mutates its DOM while profiled (default 10;
                        quick 3)
  --grid-delay MS       overlay: the page's delay before it renders the agreement grid
                        (default 400, the ConnectWise fixture's)
  --note TEXT           a sentence to record under every section written, such as the
                        machine's load
  --help                print this help`;

const BENCHMARKS_PATH = new URL('../../BENCHMARKS.md', import.meta.url);

interface Sizes {
  deviceCount: number;
  latencyMs: number;
  v1DeviceCount: number;
  policyCount: number;
  runs: number;
  mutateSeconds: number;
  gridDelayMs: number;
}

interface Options {
  only: BenchmarkName[];
  quick: boolean;
  build: boolean;
  write: boolean;
  note: string | undefined;
  sizes: Sizes;
}

function parseWholeNumber(flag: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`Invalid ${flag} "${text}": give a whole number from ${min} to ${max}.`);
  }
  return value;
}

function parseOnly(text: string | undefined): BenchmarkName[] {
  if (text === undefined) return [...BENCHMARKS];
  const names = text.split(',').map((name) => name.trim());
  for (const name of names) {
    if (!(BENCHMARKS as readonly string[]).includes(name)) {
      throw new Error(`Invalid --only "${name}": use one or more of ${BENCHMARKS.join(', ')}.`);
    }
  }
  return BENCHMARKS.filter((name) => names.includes(name));
}

function parseOptions(): Options | null {
  const { values } = parseArgs({
    options: {
      only: { type: 'string' },
      quick: { type: 'boolean', default: false },
      'no-build': { type: 'boolean', default: false },
      write: { type: 'boolean' },
      'no-write': { type: 'boolean' },
      devices: { type: 'string' },
      latency: { type: 'string' },
      'v1-devices': { type: 'string' },
      policies: { type: 'string' },
      runs: { type: 'string' },
      'mutate-seconds': { type: 'string' },
      'grid-delay': { type: 'string' },
      note: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return null;
  const quick = values.quick;
  /** Returns the flag's value, else the full or the quick default. */
  const size = (
    flag: string,
    text: string | undefined,
    full: number,
    small: number,
    min: number,
    max: number,
  ) => {
    if (text !== undefined) return parseWholeNumber(flag, text, min, max);
    return quick ? small : full;
  };
  return {
    only: parseOnly(values.only),
    quick,
    build: !values['no-build'],
    write: values['no-write'] ? false : (values.write ?? !quick),
    note: values.note,
    sizes: {
      deviceCount: size('--devices', values.devices, 100_000, 5_000, 1, 1_000_000),
      latencyMs: size('--latency', values.latency, 200, 20, 1, 10_000),
      v1DeviceCount: size('--v1-devices', values['v1-devices'], 10_000, 1_000, 1, 100_000),
      policyCount: size('--policies', values.policies, 2_000, 2_000, 1, 20_000),
      runs: size('--runs', values.runs, 9, 3, 1, 101),
      mutateSeconds: size('--mutate-seconds', values['mutate-seconds'], 10, 3, 1, 120),
      gridDelayMs: size('--grid-delay', values['grid-delay'], 400, 400, 0, 60_000),
    },
  };
}

function build(mode: 'release' | 'e2e'): void {
  process.stderr.write(`Building the ${mode} extension...\n`);
  const args = mode === 'release' ? ['wxt', 'build'] : ['wxt', 'build', '--mode', 'e2e'];
  execFileSync('npx', args, { stdio: ['ignore', 'ignore', 'inherit'] });
}

async function runBenchmark(name: BenchmarkName, options: Options): Promise<BenchmarkResult> {
  const { sizes } = options;
  switch (name) {
    case 'bundle':
      if (options.build) build('release');
      return runBundleBenchmark();
    case 'popup':
      return runPopupBenchmark({ policyCount: sizes.policyCount, runs: sizes.runs });
    case 'overlay':
      return runOverlayBenchmark({
        runs: sizes.runs,
        mutateSeconds: sizes.mutateSeconds,
        gridDelayMs: sizes.gridDelayMs,
      });
    case 'v1':
      return runV1Benchmark({ deviceCount: sizes.v1DeviceCount });
    case 'sync':
      return runSyncBenchmark({ deviceCount: sizes.deviceCount, latencyMs: sizes.latencyMs });
  }
}

/** Quotes an argument for a POSIX shell when it contains more than safe characters. */
function quoteForShell(argument: string): string {
  if (/^[\w.,:=/+-]+$/.test(argument)) return argument;
  return `'${argument.replaceAll("'", "'\\''")}'`;
}

function formatTerminal(result: BenchmarkResult): string {
  const rows = result.figures.map((figure) => {
    const judged =
      figure.target === undefined
        ? ''
        : `  target ${figure.target}  ${figure.passed ? 'PASS' : 'FAIL'}`;
    return `  ${figure.name.padEnd(48)} ${figure.value}${judged}`;
  });
  return [result.title, ...rows, ...(result.notes ?? []).map((note) => `  Note: ${note}`)].join(
    '\n',
  );
}

function formatSection(
  result: BenchmarkResult,
  environment: BenchEnvironment,
  command: string,
): string {
  const rows = result.figures.map((figure) => {
    let verdict = '';
    if (figure.passed !== undefined) verdict = figure.passed ? 'PASS' : 'FAIL';
    return `| ${figure.name} | ${figure.value} | ${figure.target ?? ''} | ${verdict} |`;
  });
  return [
    `Measured with \`${command}\` on ${environment.date}, on ${formatEnvironment(environment)}.`,
    '',
    result.method,
    '',
    '| Figure | Value | Target | Result |',
    '| --- | --- | --- | --- |',
    ...rows,
    ...(result.notes && result.notes.length > 0 ? ['', ...result.notes] : []),
  ].join('\n');
}

async function main(): Promise<void> {
  const options = parseOptions();
  if (options === null) {
    console.log(USAGE);
    return;
  }
  const browserBenchmarks = options.only.filter((name) => name === 'popup' || name === 'overlay');
  if (options.build && browserBenchmarks.length > 0) build('e2e');

  const args = process.argv.slice(2).map(quoteForShell);
  const command = ['npm run bench', ...(args.length > 0 ? ['--', ...args] : [])].join(' ');
  const failedTargets: string[] = [];
  for (const name of options.only) {
    const result = await runBenchmark(name, options);
    if (options.note !== undefined) result.notes = [...(result.notes ?? []), options.note];
    const environment = describeBenchEnvironment();
    console.log(formatTerminal(result));
    for (const figure of result.figures) {
      if (figure.passed === false) failedTargets.push(`${result.title}: ${figure.name}`);
    }
    if (options.write) {
      await writeBenchmarkSection(
        BENCHMARKS_PATH,
        result.title,
        formatSection(result, environment, command),
      );
      console.log(`Wrote the "${result.title}" section of BENCHMARKS.md.`);
    }
  }
  console.log(
    failedTargets.length === 0
      ? 'All targets met.'
      : `Targets failed: ${failedTargets.join('; ')}.`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
