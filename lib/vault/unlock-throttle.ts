/**
 * Growing delays after wrong passphrases. The failure count and time live in `storage.local`
 * (they are not secret), so a restarted service worker still makes the next attempt wait.
 * The first 3 failures cost nothing, then each one doubles the wait: 1 s, 2 s, 4 s, up to 30 s.
 * A correct passphrase clears the count.
 */
import { browser } from 'wxt/browser';
import { z } from 'zod';
import { log } from '../log/logger';

const FAILURES_KEY = 'vaultUnlockFailures';
const FREE_FAILURES = 3;
const FIRST_DELAY_MS = 1_000;
export const MAX_FAILURE_DELAY_MS = 30_000;

const failureRecordSchema = z.object({
  count: z.number().int().nonnegative(),
  /** Milliseconds since the epoch. */
  lastFailureAt: z.number(),
});

type FailureRecord = z.infer<typeof failureRecordSchema>;

/** Waits the given milliseconds. Tests pass a recorder instead. */
export type Sleep = (milliseconds: number) => Promise<void>;

export const sleepWithTimer: Sleep = (milliseconds) =>
  new Promise((resolve) => setTimeout(resolve, milliseconds));

/** Returns the wait in milliseconds that `failures` consecutive wrong passphrases have earned. */
export function failureDelayMs(failures: number): number {
  if (failures <= FREE_FAILURES) return 0;
  return Math.min(FIRST_DELAY_MS * 2 ** (failures - FREE_FAILURES - 1), MAX_FAILURE_DELAY_MS);
}

/**
 * Waits until the delay earned by the stored failures has passed since the last one. It matters
 * when the caller did not wait for the last error, for example after a service-worker restart.
 */
export async function waitOutFailureDelay(sleep: Sleep): Promise<void> {
  const failures = await readFailures();
  const remaining = failures.lastFailureAt + failureDelayMs(failures.count) - Date.now();
  // The clamp keeps a clock set backwards from turning into a wait longer than the maximum.
  const wait = Math.min(Math.max(remaining, 0), MAX_FAILURE_DELAY_MS);
  if (wait > 0) await sleep(wait);
}

/** Counts one more wrong passphrase and returns the delay to wait before throwing. */
export async function recordFailure(): Promise<number> {
  const failures = await readFailures();
  const next: FailureRecord = { count: failures.count + 1, lastFailureAt: Date.now() };
  await browser.storage.local.set({ [FAILURES_KEY]: next });
  const delay = failureDelayMs(next.count);
  log.warn(
    `Wrong vault passphrase (failure ${next.count} in a row). The error follows in ${delay} ms.`,
  );
  return delay;
}

export async function clearFailures(): Promise<void> {
  await browser.storage.local.remove(FAILURES_KEY);
}

async function readFailures(): Promise<FailureRecord> {
  const stored = await browser.storage.local.get(FAILURES_KEY);
  const parsed = failureRecordSchema.safeParse(stored[FAILURES_KEY]);
  return parsed.success ? parsed.data : { count: 0, lastFailureAt: 0 };
}
