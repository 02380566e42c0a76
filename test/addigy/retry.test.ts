import { describe, expect, it } from 'vitest';
import type { AddigyErrorKind } from '../../lib/addigy/errors';
import {
  MAX_ATTEMPTS,
  blockedUntil,
  isRetryable,
  parseRetryAfter,
  retryDelay,
} from '../../lib/addigy/retry';

const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);
const HOUR_MS = 60 * 60_000;
/** The largest value `Math.random` can return. */
const ALMOST_ONE = 1 - 2 ** -53;

describe('parseRetryAfter', () => {
  it.each<[string, string | null, number | null]>([
    ['whole seconds', '2', 2_000],
    ['zero seconds', '0', 0],
    ['seconds with spaces', ' 7 ', 7_000],
    ['two hours', '7200', 7_200_000],
    ['fractional seconds', '1.5', 1_500],
    ['sub-millisecond fraction', '0.0004', 0],
    ['IMF date 30 s ahead', 'Thu, 15 Jan 2026 12:00:30 GMT', 30_000],
    ['RFC 850 date 60 s ahead', 'Thursday, 15-Jan-26 12:01:00 GMT', 60_000],
    ['IMF date a minute ago', 'Thu, 15 Jan 2026 11:59:00 GMT', 0],
    ['IMF date years ago', 'Wed, 21 Oct 2015 07:28:00 GMT', 0],
    ['missing header', null, null],
    ['empty header', '', null],
    ['blank header', '   ', null],
    ['a word', 'soon', null],
    ['a unit', '2 minutes', null],
    ['negative seconds', '-1', null],
    ['trailing dot', '1.', null],
    ['comma decimal', '1,5', null],
    ['exponent', '1e3', null],
    ['words and a number', 'next 5', null],
    ['Infinity', 'Infinity', null],
  ])('%s', (_case, header, expected) => {
    expect(parseRetryAfter(header, NOW)).toBe(expected);
  });
});

describe('retryDelay', () => {
  // Backoff doubles from 1 s and stops at 30 s. Jitter scales it by a factor from 0.5 up to 1.
  it.each<[number, number, number]>([
    [1, 500, 1_000],
    [2, 1_000, 2_000],
    [3, 2_000, 4_000],
    [4, 4_000, 8_000],
    [5, 8_000, 16_000],
    [6, 15_000, 30_000],
    [7, 15_000, 30_000],
    [8, 15_000, 30_000],
  ])('attempt %i backs off %i to %i ms', (attempt, withZero, withAlmostOne) => {
    expect(retryDelay(attempt, null, () => 0)).toBe(withZero);
    expect(retryDelay(attempt, null, () => ALMOST_ONE)).toBe(withAlmostOne);
  });

  it('backoff never exceeds 30 s', () => {
    for (let attempt = 1; attempt <= 1_100; attempt++) {
      expect(retryDelay(attempt, null, () => ALMOST_ONE)).toBeLessThanOrEqual(30_000);
    }
    // 2 ** 1099 overflows to Infinity, and the cap still applies.
    expect(retryDelay(1_100, null, () => ALMOST_ONE)).toBe(30_000);
  });

  it.each<[string, number, number, number, number]>([
    ['Retry-After 2 s, no jitter', 1, 2_000, 0, 2_000],
    ['Retry-After 2 s, most jitter', 1, 2_000, ALMOST_ONE, 2_249],
    ['Retry-After 0 on attempt 8', 8, 0, 0, 0],
    ['Retry-After above the 30 s cap', 3, 60_000, 0, 60_000],
    ['Retry-After 120 s, half jitter', 1, 120_000, 0.5, 120_125],
  ])('%s', (_case, attempt, retryAfterMs, random, expected) => {
    expect(retryDelay(attempt, retryAfterMs, () => random)).toBe(expected);
  });
});

describe('blockedUntil', () => {
  it.each<[string, number, number | null, string | undefined, number | null]>([
    ['429 asking for exactly 1 h', 429, HOUR_MS, undefined, NOW + HOUR_MS],
    ['429 asking for 24 h', 429, 24 * HOUR_MS, undefined, NOW + 24 * HOUR_MS],
    ['429 asking for just under 1 h', 429, HOUR_MS - 1, undefined, null],
    ['429 asking for 2 s', 429, 2_000, undefined, null],
    ['429 saying blocked', 429, null, 'Your API key has been blocked.', NOW + 24 * HOUR_MS],
    ['429 saying Blocked', 429, null, 'Key Blocked', NOW + 24 * HOUR_MS],
    ['429 saying block', 429, null, 'Rate limit block in place', NOW + 24 * HOUR_MS],
    ['429 saying 24 hours', 429, null, 'Try again in 24 hours', NOW + 24 * HOUR_MS],
    ['429 saying 24-hour', 429, null, 'A 24-hour limit applies', NOW + 24 * HOUR_MS],
    ['429 saying banned', 429, null, 'This key is banned', NOW + 24 * HOUR_MS],
    ['429 saying suspended', 429, null, 'Access suspended', NOW + 24 * HOUR_MS],
    ['429 saying blocked with Retry-After', 429, 120_000, 'Key blocked', NOW + 120_000],
    ['429 saying neither', 429, null, 'Too many requests', null],
    ['429 saying blocking', 429, null, 'Request blocking is off', null],
    ['429 without message', 429, null, undefined, null],
    ['503 asking for 2 h and saying blocked', 503, 2 * HOUR_MS, 'Key blocked', NOW + 2 * HOUR_MS],
    ['503 asking for 2 h without a message', 503, 2 * HOUR_MS, undefined, null],
    ['429 asking for 30 days', 429, 30 * 24 * HOUR_MS, undefined, NOW + 7 * 24 * HOUR_MS],
    ['500 saying 24 hours', 500, null, 'Down for 24 hours', null],
    ['403 saying blocked', 403, null, 'Your key is blocked', NOW + 24 * HOUR_MS],
    ['403 missing a permission', 403, null, 'permissions are likely missing', null],
    ['401 asking for 2 h', 401, 2 * HOUR_MS, undefined, null],
  ])('%s', (_case, status, retryAfterMs, message, expected) => {
    expect(blockedUntil(status, retryAfterMs, message, NOW)).toBe(expected);
  });
});

describe('isRetryable', () => {
  // A Record fails to compile when a kind is added to AddigyErrorKind and not listed here.
  const retryable: Record<AddigyErrorKind, boolean> = {
    'rate-limit': true,
    server: true,
    timeout: true,
    network: true,
    auth: false,
    permission: false,
    request: false,
    blocked: false,
    cancelled: false,
    'invalid-response': false,
  };

  it.each(Object.entries(retryable) as Array<[AddigyErrorKind, boolean]>)(
    '%s is retryable: %s',
    (kind, expected) => {
      expect(isRetryable(kind)).toBe(expected);
    },
  );
});

describe('MAX_ATTEMPTS', () => {
  it('is five attempts', () => {
    expect(MAX_ATTEMPTS).toBe(5);
  });
});
