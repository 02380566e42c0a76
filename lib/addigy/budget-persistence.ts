/**
 * Keeps the shared request budget's recent starts in `storage.session`, which outlives a stopped
 * service worker but not the browser. Without it, a worker that Chrome stops and restarts during
 * a sync would start a fresh window and could send twice the budget in ten seconds.
 */
import { browser } from 'wxt/browser';
import { sharedBudget } from './budget';

const STARTS_KEY = 'budgetStarts';

/** Restores the previous worker's starts into the shared budget and saves each new start. */
export async function persistBudget(): Promise<void> {
  const stored = await browser.storage.session.get(STARTS_KEY);
  const starts = Array.isArray(stored[STARTS_KEY]) ? (stored[STARTS_KEY] as unknown[]) : [];
  sharedBudget.restore(
    starts.filter((start): start is number => typeof start === 'number'),
    (current) => void browser.storage.session.set({ [STARTS_KEY]: [...current] }),
  );
}
