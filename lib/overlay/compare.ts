/** The comparison of an Addigy device count with a PSA line's billed quantity. */

/** "over": Addigy manages more devices than the line bills; "under": fewer. */
export type CountStatus = 'match' | 'over' | 'under';

export interface CountComparison {
  status: CountStatus;
  /** The Addigy count minus the billed quantity, rounded to hundredths. */
  difference: number;
}

/**
 * Compares an Addigy count with a billed quantity. PSA quantities have at most two decimals, so
 * the difference is rounded to hundredths, which keeps 12.1 - 12 from reading as 0.0999….
 */
export function compareCounts(addigy: number, billed: number): CountComparison {
  if (!Number.isFinite(addigy) || !Number.isFinite(billed)) {
    throw new RangeError(
      `Cannot compare counts that are not finite numbers (Addigy ${addigy}, billed ${billed}).`,
    );
  }
  // Adding 0 turns -0 into 0.
  const difference = Math.round((addigy - billed) * 100) / 100 + 0;
  if (difference > 0) return { status: 'over', difference };
  if (difference < 0) return { status: 'under', difference };
  return { status: 'match', difference };
}
