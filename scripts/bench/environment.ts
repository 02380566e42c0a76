/**
 * The machine and versions that a benchmark run is measured on, for BENCHMARKS.md: CPU model,
 * cores, memory, Node, Chromium, the extension's version, the commit and the date.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { findChromium } from '../browser/launch';

export interface BenchEnvironment {
  cpu: string;
  cores: number;
  /** Total memory, such as "23.5 GiB". */
  memory: string;
  node: string;
  /** Such as "Chromium 156.0.8078.114", or why it is unknown. */
  chromium: string;
  /** The `version` field of package.json. */
  extension: string;
  /** The checked-out commit, with a remark when the extension's source has uncommitted changes. */
  commit: string;
  /** ISO 8601, in UTC, to the second. */
  date: string;
}

export function describeBenchEnvironment(now = new Date()): BenchEnvironment {
  const processors = cpus();
  const packageJson = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
  return {
    cpu: processors[0]?.model.trim() ?? 'unknown CPU',
    cores: processors.length,
    memory: `${(totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    node: process.version,
    chromium: describeChromium(),
    extension: packageJson.version,
    commit: describeCommit(),
    date: now.toISOString().replace(/\.\d+Z$/, 'Z'),
  };
}

/** Returns one line, such as "AMD EPYC, 2 cores, 23.5 GiB; Node v20.20.2; Chromium 156...". */
export function formatEnvironment(environment: BenchEnvironment): string {
  return [
    `${environment.cpu}, ${environment.cores} cores, ${environment.memory}`,
    `Node ${environment.node}`,
    environment.chromium,
    `extension ${environment.extension}`,
    `commit ${environment.commit}`,
  ].join('; ');
}

function describeChromium(): string {
  const executable = findChromium();
  if (executable === null) return 'Chromium not found';
  try {
    // Only the first line, in case a wrapper script such as Debian's /usr/bin/chromium adds more.
    const output = execFileSync(executable, ['--version'], { encoding: 'utf8', stdio: 'pipe' });
    return output.split('\n')[0]!.trim();
  } catch {
    return `Chromium at ${executable}, version unknown (--version failed)`;
  }
}

function describeCommit(): string {
  try {
    const run = (args: string[]) => execFileSync('git', args, { encoding: 'utf8' }).trim();
    const commit = run(['rev-parse', '--short', 'HEAD']);
    const source = ['lib', 'components', 'entrypoints', 'wxt.config.ts', 'package.json'];
    const changed = run(['status', '--porcelain', '--', ...source]) !== '';
    return changed ? `${commit} with uncommitted changes in the extension's source` : commit;
  } catch {
    return 'unknown (git is not available)';
  }
}
