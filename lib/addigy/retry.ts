/**
 * When to retry an Addigy request and how long to wait. 429 and 5xx responses, timeouts and
 * network failures are retried with exponential backoff and jitter, honouring `Retry-After`;
 * 400, 401 and 403 never are, because the same request would fail the same way. A response that
 * suggests Addigy's 24-hour block stops everything: retrying would only extend it.
 */
import type { AddigyErrorKind } from './errors';

export const MAX_ATTEMPTS = 5;
const BASE_DELAY_MS = 1_000;
const MAX_DELAY_MS = 30_000;
/** A longer `Retry-After` than this is not waited for inside one sync. */
export const MAX_RETRY_AFTER_MS = 120_000;
/** A `Retry-After` this long means the key is blocked, not merely slowed down. */
const BLOCK_RETRY_AFTER_MS = 60 * 60_000;
const BLOCK_HOURS = 24;
const MAX_BLOCK_MS = 7 * 24 * 60 * 60_000;
/**
 * Statuses whose message is checked for signs of the block. Only 429 is documented for rate
 * limits, but a gateway may respond with 403 or 503 for a blocked key.
 */
const BLOCK_STATUSES: ReadonlySet<number> = new Set([403, 429, 503]);

const RETRYABLE: ReadonlySet<AddigyErrorKind> = new Set([
  'rate-limit',
  'server',
  'timeout',
  'network',
]);

export function isRetryable(kind: AddigyErrorKind): boolean {
  return RETRYABLE.has(kind);
}

/** Reads `Retry-After` as seconds or an HTTP date; returns milliseconds from `now`, or null. */
export function parseRetryAfter(header: string | null, now: number): number | null {
  if (!header) return null;
  const trimmed = header.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  // The three HTTP-date formats (IMF-fixdate, RFC 850, asctime) all contain hh:mm:ss. Without
  // this check, V8's lenient Date.parse reads "-1" or "next 5" as dates in 2001, which would
  // mean retrying at once.
  if (!/\d\d:\d\d:\d\d/.test(trimmed)) return null;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/**
 * Returns the wait before retry number `attempt` (1 for the first retry). That is `Retry-After`
 * when the server sent one, else 1 s, 2 s, 4 s … up to 30 s. Each backoff is scaled by a random
 * factor in [0.5, 1), so that clients that failed together do not retry together.
 */
export function retryDelay(
  attempt: number,
  retryAfterMs: number | null,
  random: () => number,
): number {
  if (retryAfterMs !== null) return retryAfterMs + Math.floor(random() * 250);
  const exponential = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (attempt - 1));
  return Math.round(exponential * (0.5 + random() * 0.5));
}

/**
 * Returns when a blocked key may try again, or null when the response does not look like the
 * block. Addigy does not document the blocked response, so a 429 with a `Retry-After` of an hour or more,
 * or a 403, 429 or 503 whose message mentions a block or 24 hours, is treated as one. The wait
 * is capped at seven days.
 */
export function blockedUntil(
  status: number,
  retryAfterMs: number | null,
  message: string | undefined,
  now: number,
): number | null {
  if (!BLOCK_STATUSES.has(status)) return null;
  // A date beyond this is no date a user can act on; Addigy's documented block is 24 hours.
  const wait = retryAfterMs === null ? null : Math.min(retryAfterMs, MAX_BLOCK_MS);
  if (status === 429 && wait !== null && wait >= BLOCK_RETRY_AFTER_MS) return now + wait;
  if (message && /\bblock(ed)?\b|24[\s-]?hours?|banned|suspended/i.test(message)) {
    return now + (wait ?? BLOCK_HOURS * 60 * 60_000);
  }
  return null;
}
