/** The agreement-wide summary of the count comparisons, which the summary chip shows. */
import type { CountComparison } from './compare';

export interface LineSummary {
  /** Mapped, billed lines whose billed quantity equals the Addigy count. */
  matching: number;
  /** Lines where Addigy has more devices than the line bills. */
  over: number;
  /** Lines where Addigy has fewer devices than the line bills. */
  under: number;
  /** The sum of Addigy count minus billed quantity over the lines, rounded to hundredths. */
  difference: number;
  /** True when no Addigy policy is mapped to, or named like, the company on screen. */
  unmatched?: boolean;
}

const differenceFormat = new Intl.NumberFormat('en-US', {
  maximumFractionDigits: 2,
  signDisplay: 'exceptZero',
});

/** Counts the lines by status and adds up their differences. */
export function summarizeComparisons(comparisons: readonly CountComparison[]): LineSummary {
  const summary: LineSummary = { matching: 0, over: 0, under: 0, difference: 0 };
  for (const { status, difference } of comparisons) {
    if (status === 'match') summary.matching++;
    else summary[status]++;
    summary.difference += difference;
  }
  // Each difference is already rounded to hundredths, so rounding the sum drops only float error.
  summary.difference = Math.round(summary.difference * 100) / 100 + 0;
  return summary;
}

/** Formats the chip's text, such as "Addigy: 2 lines match, 1 off, total difference +3". */
export function describeSummary(summary: LineSummary): string {
  if (summary.unmatched) return 'Addigy: no client policy mapped to this company';
  const off = summary.over + summary.under;
  if (summary.matching + off === 0) return 'Addigy: no mapped lines on this agreement';
  const matching = summary.matching === 1 ? '1 line matches' : `${summary.matching} lines match`;
  const difference = differenceFormat.format(summary.difference);
  return `Addigy: ${matching}, ${off} off, total difference ${difference}`;
}
