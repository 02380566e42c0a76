/**
 * The figures of `npm run bench`: each benchmark returns rows of this shape, and `main.ts` prints
 * them and writes them to BENCHMARKS.md. A row with a target records whether the run met it.
 */

export interface Figure {
  name: string;
  value: string;
  /** Such as "≥ 5×"; absent for a figure that is shown for context only. */
  target?: string;
  /** Whether the value meets the target; absent when there is no target. */
  passed?: boolean;
}

/** One benchmark's result: its section of BENCHMARKS.md and its rows. */
export interface BenchmarkResult {
  title: string;
  /** The benchmark's method, as one paragraph of Markdown. */
  method: string;
  figures: Figure[];
  /** Sentences that qualify this run, such as a target that could not be judged. */
  notes?: string[];
}

const MEBIBYTE = 1024 * 1024;

export function formatMebibytes(bytes: number): string {
  return `${(bytes / MEBIBYTE).toFixed(1)} MiB`;
}

export function formatMilliseconds(milliseconds: number): string {
  return milliseconds >= 10_000
    ? `${(milliseconds / 1000).toFixed(2)} s`
    : `${milliseconds.toFixed(1)} ms`;
}

/** Formats a ratio such as 6.2×, with more digits near 1 where they matter. */
export function formatRatio(ratio: number): string {
  return `${ratio.toFixed(ratio < 10 ? 2 : 1)}×`;
}

export function formatPercent(share: number): string {
  return `${(share * 100).toFixed(2)} %`;
}

/** Returns the median of `values`, the mean of the middle two for an even count. */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('The median of no values is undefined.');
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
