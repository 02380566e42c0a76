/**
 * The child process in which `sync-compare.ts` runs one side of the sync comparison, the
 * product's sync or the baseline, so that each has a heap of its own.
 */
import { sharedBudget } from '../../lib/addigy/budget';
import { serveAsChild } from './child-process';
import { measureBaselineSync } from './sync-baseline';
import { measureProductSync } from './sync-measure';

export interface SyncChildConfig {
  side: 'product' | 'baseline';
  apiUrl: string;
}

export interface SyncChildResult {
  syncMs: number;
  peakHeapBytes: number;
  devicesReceived: number;
  devicesCounted: number;
  /** The product's budget: the maximum starts in any window. Null for the baseline. */
  maxStartedInWindow: number | null;
}

serveAsChild<SyncChildConfig, SyncChildResult>(async ({ side, apiUrl }) => {
  if (side === 'baseline') {
    return { ...(await measureBaselineSync(apiUrl)), maxStartedInWindow: null };
  }
  const measurement = await measureProductSync(apiUrl);
  return { ...measurement, maxStartedInWindow: sharedBudget.stats().maxInAnyWindow };
});
