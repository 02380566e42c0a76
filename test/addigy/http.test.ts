import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { RequestBudget, type BudgetLimits } from '../../lib/addigy/budget';
import { AddigyError, errorForStatus } from '../../lib/addigy/errors';
import {
  requestJson,
  sendRequest,
  type AddigyRequest,
  type HttpContext,
} from '../../lib/addigy/http';
import { MAX_ATTEMPTS } from '../../lib/addigy/retry';
import { v2PermissionsSchema } from '../../lib/addigy/schemas';
import { generateDemoFleet } from '../../scripts/addigy-server/demo-fleet';
import type { Fault } from '../../scripts/addigy-server/faults';
import {
  DEFAULT_PERMISSIONS,
  startAddigyServer,
  type AddigyServer,
} from '../../scripts/addigy-server/server';
import { startSlowBodyServer } from './slow-body-server';

const API_KEY = 'test-key-SECRET-4f1c9a';
const ENDPOINT = 'GET /configuration/permissions';
/** The Retry-After jitter is floor(random * 250) ms, so 125 ms with this random. */
const RANDOM = 0.5;
/** Backoff before retries 1 to 4 with RANDOM 0.5: 1 s, 2 s, 4 s, 8 s, each scaled by 0.75. */
const BACKOFF_MS = [750, 1_500, 3_000, 6_000];
/** The context's clock, so that a block's `retryAt` is exact. */
const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);
/** Small enough that a five-attempt failure fills a window and retries wait for the next. */
const BUDGET_LIMITS: BudgetLimits = { maxRequestsPerWindow: 3, windowMs: 200, maxInFlight: 1 };

const fleet = generateDemoFleet(1);
let server: AddigyServer;
/** Requests the local server received, counted on arrival so that timed-out ones count too. */
let received = 0;
/** Returns the fault for the request with this index, from 0, or undefined to respond normally. */
let faultAt: (index: number) => Fault | undefined;
let budget: RequestBudget;
let sleeps: number[];
let context: HttpContext;
let warn: MockInstance<typeof console.warn>;

beforeEach(async () => {
  received = 0;
  faultAt = () => undefined;
  server = await startAddigyServer({
    fleet,
    apiKey: API_KEY,
    faults: ({ index }) => {
      received++;
      return faultAt(index);
    },
  });
  budget = new RequestBudget(BUDGET_LIMITS);
  sleeps = [];
  // Retries without waiting, recording each wait instead.
  context = {
    budget,
    random: () => RANDOM,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    now: () => NOW,
  };
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
});

afterEach(async () => {
  const logged = warn.mock.calls.flat().map(String).join('\n');
  expect(logged).not.toContain(API_KEY);
  vi.restoreAllMocks();
  await server.close();
});

/** Applies `faults` to the first requests in order. Later requests get normal responses. */
function faultsThenSuccess(faults: Fault[]): (index: number) => Fault | undefined {
  return (index) => faults[index];
}

/**
 * `GET /configuration/permissions` with the key in the header, and in the query string as well,
 * as V1 allows, so that an error message built from the URL would reveal it.
 */
function permissionsRequest(timeoutMs?: number) {
  return {
    apiVersion: 'v2',
    method: 'GET',
    url: `${server.url}/api/v2/configuration/permissions?client_secret=${API_KEY}`,
    endpoint: ENDPOINT,
    headers: { 'x-api-key': API_KEY },
    schema: v2PermissionsSchema,
    timeoutMs,
  } satisfies AddigyRequest & { schema: typeof v2PermissionsSchema };
}

const fetchPermissions = (timeoutMs?: number) =>
  requestJson(permissionsRequest(timeoutMs), context);

/** Awaits the expected rejection and checks that its message leaves out the API key. */
async function addigyErrorOf(promise: Promise<unknown>): Promise<AddigyError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AddigyError);
  const addigyError = error as AddigyError;
  expect(addigyError.message).not.toContain(API_KEY);
  return addigyError;
}

/** Checks that every request took a budget slot and the budget stayed within its window. */
function expectBudgetSpent(requestCount: number): void {
  expect(budget.stats().started).toBe(requestCount);
  expect(budget.stats().maxInAnyWindow).toBeLessThanOrEqual(BUDGET_LIMITS.maxRequestsPerWindow);
}

const statuses = () => server.requests.map((request) => request.status);
const faultMessage = (status: number) => `Injected fault: HTTP ${status}.`;

describe('requestJson retries', () => {
  it('success takes one request', async () => {
    expect(await fetchPermissions()).toEqual(DEFAULT_PERMISSIONS);
    expect(statuses()).toEqual([200]);
    expect(sleeps).toEqual([]);
    expectBudgetSpent(received);
    expect(received).toBe(1);
  });

  it('429 with Retry-After 2 retries once', async () => {
    faultAt = faultsThenSuccess([{ status: 429, retryAfterSeconds: 2 }]);
    expect(await fetchPermissions()).toEqual(DEFAULT_PERMISSIONS);
    expect(statuses()).toEqual([429, 200]);
    expect(sleeps).toEqual([2_125]);
    expect(warn.mock.calls).toEqual([
      [
        `[addigy-counts] Retrying ${ENDPOINT} in 2125 ms (attempt 2 of 5) after: ${
          errorForStatus(429, ENDPOINT, 'v2', faultMessage(429)).message
        }`,
      ],
    ]);
    expectBudgetSpent(received);
    expect(received).toBe(2);
  });

  it('429 without Retry-After backs off', async () => {
    faultAt = faultsThenSuccess([{ status: 429 }, { status: 429 }, { status: 429 }]);
    expect(await fetchPermissions()).toEqual(DEFAULT_PERMISSIONS);
    expect(statuses()).toEqual([429, 429, 429, 200]);
    expect(sleeps).toEqual(BACKOFF_MS.slice(0, 3));
    expectBudgetSpent(received);
    expect(received).toBe(4);
  });

  it('500 storm stops after MAX_ATTEMPTS', async () => {
    faultAt = () => ({ status: 500 });
    const error = await addigyErrorOf(fetchPermissions());
    expect(error.kind).toBe('server');
    expect(error.status).toBe(500);
    expect(error.message).toBe(
      `${ENDPOINT} failed 5 times in a row. ${
        errorForStatus(500, ENDPOINT, 'v2', faultMessage(500)).message
      }`,
    );
    expect(statuses()).toEqual(Array<number>(MAX_ATTEMPTS).fill(500));
    expect(sleeps).toEqual(BACKOFF_MS);
    expectBudgetSpent(received);
    expect(received).toBe(MAX_ATTEMPTS);
  });

  it('503 twice then success', async () => {
    faultAt = faultsThenSuccess([{ status: 503 }, { status: 503 }]);
    expect(await fetchPermissions()).toEqual(DEFAULT_PERMISSIONS);
    expect(statuses()).toEqual([503, 503, 200]);
    expect(sleeps).toEqual(BACKOFF_MS.slice(0, 2));
    expectBudgetSpent(received);
    expect(received).toBe(3);
  });

  it.each([
    [400, 'request'],
    [401, 'auth'],
    [403, 'permission'],
  ])('%i is not retried', async (status, kind) => {
    faultAt = () => ({ status });
    const error = await addigyErrorOf(fetchPermissions());
    expect(error.kind).toBe(kind);
    expect(error.status).toBe(status);
    expect(error.message).toBe(
      errorForStatus(status, ENDPOINT, 'v2', faultMessage(status)).message,
    );
    expect(statuses()).toEqual([status]);
    expect(sleeps).toEqual([]);
    expectBudgetSpent(received);
    expect(received).toBe(1);
  });

  it('retries wait for a full window', async () => {
    faultAt = () => ({ status: 500 });
    const startedAt = Date.now();
    await addigyErrorOf(fetchPermissions());
    // With three starts per window, the fourth of five waits until the first leaves the window.
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(BUDGET_LIMITS.windowMs);
    expect(budget.stats()).toEqual({ started: 5, maxInAnyWindow: 3 });
    expect(received).toBe(5);
  });
});

describe('requestJson Retry-After limits', () => {
  it('Retry-After 7200 is a block', async () => {
    faultAt = () => ({ status: 429, retryAfterSeconds: 7_200 });
    const error = await addigyErrorOf(fetchPermissions());
    const retryAt = NOW + 7_200_000;
    expect(error.kind).toBe('blocked');
    expect(error.status).toBe(429);
    expect(error.retryAt).toBe(retryAt);
    expect(error.message).toBe(
      `Addigy appears to have blocked this API key for exceeding its rate limit (${ENDPOINT}, status 429). Syncing is paused until ${new Date(retryAt).toLocaleString()}; try again after that.`,
    );
    expect(statuses()).toEqual([429]);
    expect(sleeps).toEqual([]);
    expect(warn).not.toHaveBeenCalled();
    expectBudgetSpent(received);
    expect(received).toBe(1);
  });

  it.each([
    [121, 3],
    [600, 10],
    [3_599, 60],
  ])('Retry-After %i s gives up at once', async (retryAfterSeconds, minutes) => {
    faultAt = () => ({ status: 429, retryAfterSeconds });
    const error = await addigyErrorOf(fetchPermissions());
    expect(error.kind).toBe('rate-limit');
    expect(error.status).toBe(429);
    expect(error.retryAt).toBeNull();
    expect(error.message).toBe(
      `Addigy asked to wait ${minutes} minutes before calling ${ENDPOINT} again. Sync again after that.`,
    );
    expect(statuses()).toEqual([429]);
    expect(sleeps).toEqual([]);
    expectBudgetSpent(received);
    expect(received).toBe(1);
  });

  it('Retry-After 120 s is waited for', async () => {
    faultAt = faultsThenSuccess([{ status: 429, retryAfterSeconds: 120 }]);
    expect(await fetchPermissions()).toEqual(DEFAULT_PERMISSIONS);
    expect(statuses()).toEqual([429, 200]);
    expect(sleeps).toEqual([120_125]);
    expectBudgetSpent(received);
    expect(received).toBe(2);
  });
});

describe('requestJson timeouts', () => {
  it('timed-out attempts are retried and counted', async () => {
    // The server delays the first two responses far past the 100 ms timeout.
    faultAt = faultsThenSuccess([{ delayMs: 5_000 }, { delayMs: 5_000 }]);
    expect(await fetchPermissions(100)).toEqual(DEFAULT_PERMISSIONS);
    expect(sleeps).toEqual(BACKOFF_MS.slice(0, 2));
    expect(warn).toHaveBeenCalledTimes(2);
    expect(warn.mock.calls[0]).toEqual([
      `[addigy-counts] Retrying ${ENDPOINT} in 750 ms (attempt 2 of 5) after: Addigy did not answer ${ENDPOINT} within 0.1 s. Check your connection and try again.`,
    ]);
    expectBudgetSpent(received);
    expect(received).toBe(3);
  });

  it('timeout on every attempt gives up', async () => {
    faultAt = () => ({ delayMs: 5_000 });
    const error = await addigyErrorOf(fetchPermissions(100));
    expect(error.kind).toBe('timeout');
    expect(error.status).toBeUndefined();
    expect(error.message).toBe(
      `${ENDPOINT} failed 5 times in a row. Addigy did not answer ${ENDPOINT} within 0.1 s. Check your connection and try again.`,
    );
    expect(sleeps).toEqual(BACKOFF_MS);
    expectBudgetSpent(received);
    expect(received).toBe(MAX_ATTEMPTS);
  });
});

describe('sendRequest body reads', () => {
  const SLOW_ENDPOINT = 'GET /slow';
  const chunks = ['["View', ' Devices"', ', "View', ' Device', ' List"', ']'];

  /** Reads the body as text, calling `onChunk` after each chunk arrives. */
  async function readChunks(response: Response, onChunk: () => void): Promise<string> {
    const decoder = new TextDecoder();
    let text = '';
    for await (const chunk of response.body!) {
      onChunk();
      text += decoder.decode(chunk, { stream: true });
    }
    return text;
  }

  const slowRequest = (url: string): AddigyRequest => ({
    apiVersion: 'v2',
    method: 'GET',
    url: `${url}/slow?client_secret=${API_KEY}`,
    endpoint: SLOW_ENDPOINT,
    headers: { 'x-api-key': API_KEY },
    timeoutMs: 150,
  });

  it('keepAlive lets a slow body finish', async () => {
    // Six chunks 60 ms apart take 300 ms in all, twice the timeout, but no gap reaches it.
    const slow = await startSlowBodyServer({ chunks, gapMs: 60 });
    try {
      const text = await sendRequest(slowRequest(slow.url), readChunks, context);
      expect(JSON.parse(text)).toEqual(['View Devices', 'View Device List']);
      expect(sleeps).toEqual([]);
      expect(slow.requestCount()).toBe(1);
      expectBudgetSpent(slow.requestCount());
    } finally {
      await slow.close();
    }
  });

  it('stalled body times out', async () => {
    // Without keepAlive, the 150 ms timeout covers the whole 300 ms body.
    const slow = await startSlowBodyServer({ chunks, gapMs: 60 });
    try {
      const error = await addigyErrorOf(
        sendRequest(slowRequest(slow.url), (response) => readChunks(response, () => {}), context),
      );
      expect(error.kind).toBe('timeout');
      expect(error.message).toBe(
        `${SLOW_ENDPOINT} failed 5 times in a row. Addigy did not answer ${SLOW_ENDPOINT} within 0.15 s. Check your connection and try again.`,
      );
      expect(sleeps).toEqual(BACKOFF_MS);
      expect(slow.requestCount()).toBe(MAX_ATTEMPTS);
      expectBudgetSpent(slow.requestCount());
    } finally {
      await slow.close();
    }
  });

  it('dropped connection is a network error', async () => {
    const slow = await startSlowBodyServer({ chunks, gapMs: 0, dropAfterFirstChunk: true });
    try {
      const error = await addigyErrorOf(sendRequest(slowRequest(slow.url), readChunks, context));
      expect(error.kind).toBe('network');
      expect(error.message).toBe(
        `${SLOW_ENDPOINT} failed 5 times in a row. Could not reach Addigy at ${SLOW_ENDPOINT}. Check the API URL in the options and your connection.`,
      );
      expect(sleeps).toEqual(BACKOFF_MS);
      expect(slow.requestCount()).toBe(MAX_ATTEMPTS);
      expectBudgetSpent(slow.requestCount());
    } finally {
      await slow.close();
    }
  });
});
