/**
 * The one place that sends HTTP requests to Addigy. Every attempt spends from the shared request
 * budget, has a timeout, and maps failures to `AddigyError`. Retryable failures are retried with
 * backoff (see `retry.ts`), and JSON bodies are validated with zod before anyone reads them.
 */
import type { z } from 'zod';
import { log, withoutSecrets } from '../log/logger';
import { sharedBudget, type RequestBudget } from './budget';
import { AddigyError, errorForStatus } from './errors';
import {
  MAX_ATTEMPTS,
  MAX_RETRY_AFTER_MS,
  blockedUntil,
  isRetryable,
  parseRetryAfter,
  retryDelay,
} from './retry';
import { describeIssue } from './validation';

/** Chrome stops a service worker whose fetch waits 30 s or more, so stay well under that. */
export const REQUEST_TIMEOUT_MS = 25_000;

export interface AddigyRequest {
  apiVersion: 'v1' | 'v2';
  method: 'GET' | 'POST';
  url: string;
  /** "POST /devices": names the endpoint in errors without the host or any query string. */
  endpoint: string;
  headers: Record<string, string>;
  body?: unknown;
  /** Milliseconds without progress before the attempt is abandoned. */
  timeoutMs?: number;
}

export interface HttpContext {
  budget: RequestBudget;
  random: () => number;
  sleep: (ms: number) => Promise<void>;
  now: () => number;
  /** Stops waiting and requesting when aborted, such as when a sync is cancelled. */
  signal?: AbortSignal;
}

export const defaultHttpContext: HttpContext = {
  budget: sharedBudget,
  random: Math.random,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  now: () => Date.now(),
};

/**
 * Reads a successful response. `keepAlive` restarts the timeout; a consumer that streams a large
 * body calls it for each chunk so that only a stalled transfer times out.
 */
export type Consume<T> = (response: Response, keepAlive: () => void) => Promise<T>;

/** Sends a request, retrying what can be retried, and returns what `consume` makes of it. */
export async function sendRequest<T>(
  request: AddigyRequest,
  consume: Consume<T>,
  context: HttpContext = defaultHttpContext,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    throwIfCancelled(context.signal, request.endpoint);
    try {
      return await context.budget.run(() => attemptOnce(request, consume, context), context.signal);
    } catch (error) {
      throwIfCancelled(context.signal, request.endpoint);
      if (!(error instanceof AddigyError) || !isRetryable(error.kind)) throw error;
      if (error.retryAfterMs !== null && error.retryAfterMs > MAX_RETRY_AFTER_MS) {
        throw new AddigyError(
          error.kind,
          `Addigy asked to wait ${Math.ceil(error.retryAfterMs / 60_000)} minutes before calling ${request.endpoint} again. Sync again after that.`,
          request.endpoint,
          error.status,
        );
      }
      if (attempt >= MAX_ATTEMPTS) {
        throw new AddigyError(
          error.kind,
          `${request.endpoint} failed ${MAX_ATTEMPTS} times in a row. ${error.message}`,
          request.endpoint,
          error.status,
        );
      }
      const delay = retryDelay(attempt, error.retryAfterMs, context.random);
      log.warn(
        `Retrying ${request.endpoint} in ${delay} ms (attempt ${attempt + 1} of ${MAX_ATTEMPTS}) after: ${error.message}`,
      );
      await context.sleep(delay);
    }
  }
}

/** Sends a request and returns its validated JSON body, or throws `AddigyError`. */
export function requestJson<T>(
  request: AddigyRequest & { schema: z.ZodType<T> },
  context: HttpContext = defaultHttpContext,
): Promise<T> {
  return sendRequest(request, async (response) => parseJson(request, response), context);
}

async function attemptOnce<T>(
  request: AddigyRequest,
  consume: Consume<T>,
  context: HttpContext,
): Promise<T> {
  const timeoutMs = request.timeoutMs ?? REQUEST_TIMEOUT_MS;
  const controller = new AbortController();
  context.signal?.addEventListener('abort', () => controller.abort(), { once: true });
  let timer = setTimeout(() => controller.abort(), timeoutMs);
  const keepAlive = () => {
    clearTimeout(timer);
    timer = setTimeout(() => controller.abort(), timeoutMs);
  };
  try {
    const response = await send(request, controller.signal);
    if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
      throw new AddigyError(
        'request',
        `Addigy answered ${request.endpoint} with a redirect, which the extension does not follow so that the API key never goes to another address. Check the API URL in the options; use the https address from Addigy.`,
        request.endpoint,
        response.status,
      );
    }
    if (!response.ok) throw await errorForResponse(request, response, context.now());
    return await consume(response, keepAlive);
  } catch (error) {
    if (error instanceof AddigyError) throw error;
    throw networkError(controller.signal.aborted, request.endpoint, timeoutMs);
  } finally {
    clearTimeout(timer);
  }
}

function send(request: AddigyRequest, signal: AbortSignal): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json', ...request.headers };
  if (request.body !== undefined) headers['content-type'] = 'application/json';
  return fetch(request.url, {
    method: request.method,
    headers,
    body: request.body === undefined ? undefined : JSON.stringify(request.body),
    signal,
    credentials: 'omit',
    cache: 'no-store',
    // A followed redirect would carry the API key to another address, and its extra requests
    // would escape the request budget.
    redirect: 'manual',
  });
}

/**
 * Returns the credential values a request carries, in headers or the query string, so that an error
 * body that echoes them never reaches a message or a log.
 */
function secretsOf(request: AddigyRequest): string[] {
  const headers = Object.entries(request.headers)
    .filter(([name]) => !['accept', 'content-type'].includes(name.toLowerCase()))
    .map(([, value]) => value);
  const query = URL.canParse(request.url) ? [...new URL(request.url).searchParams.values()] : [];
  return [...headers, ...query];
}

async function errorForResponse(
  request: AddigyRequest,
  response: Response,
  now: number,
): Promise<AddigyError> {
  const text = await readLimited(response, MAX_ERROR_BODY_BYTES).catch(() => '');
  const addigyMessage = messageOf(text);
  const message = addigyMessage && withoutSecrets(addigyMessage, secretsOf(request));
  const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), now);
  const retryAt = blockedUntil(response.status, retryAfterMs, message, now);
  if (retryAt !== null) {
    const error = new AddigyError(
      'blocked',
      `Addigy appears to have blocked this API key for exceeding its rate limit (${request.endpoint}, status ${response.status}). Syncing is paused until ${new Date(retryAt).toLocaleString()}; try again after that.`,
      request.endpoint,
      response.status,
    );
    error.retryAt = retryAt;
    return error;
  }
  const error = errorForStatus(response.status, request.endpoint, request.apiVersion, message);
  error.retryAfterMs = retryAfterMs;
  return error;
}

async function parseJson<T>(
  request: AddigyRequest & { schema: z.ZodType<T> },
  response: Response,
): Promise<T> {
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AddigyError(
      'invalid-response',
      `Addigy sent a response that is not valid JSON from ${request.endpoint} (${text.length} bytes). Try again; if it persists, check the API URL.`,
      request.endpoint,
      response.status,
    );
  }
  return validate(request.schema, json, request.endpoint, response.status);
}

/** Validates `json` with `schema`, or throws an `invalid-response` error naming the field. */
export function validate<T>(
  schema: z.ZodType<T>,
  json: unknown,
  endpoint: string,
  status?: number,
): T {
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new AddigyError(
    'invalid-response',
    `Addigy sent an unexpected response from ${endpoint}: ${issue ? describeIssue(issue) : 'unknown problem'}. Check the API URL; if it is right, Addigy may have changed its API.`,
    endpoint,
    status,
  );
}

function networkError(timedOut: boolean, endpoint: string, timeoutMs: number): AddigyError {
  if (timedOut) {
    return new AddigyError(
      'timeout',
      `Addigy did not answer ${endpoint} within ${timeoutMs / 1000} s. Check your connection and try again.`,
      endpoint,
    );
  }
  return new AddigyError(
    'network',
    `Could not reach Addigy at ${endpoint}. Check the API URL in the options and your connection.`,
    endpoint,
  );
}

/** Throws the cancellation's reason, worded for the user, once `signal` is aborted. */
function throwIfCancelled(signal: AbortSignal | undefined, endpoint: string): void {
  if (!signal?.aborted) return;
  const reason: unknown = signal.reason;
  const text = reason instanceof Error ? reason.message : 'The sync was stopped.';
  throw new AddigyError('cancelled', text, endpoint);
}

/** Error bodies are read up to this size; only their first 200 characters are shown. */
const MAX_ERROR_BODY_BYTES = 64 * 1024;

/** Reads at most `maxBytes` of a body as text and cancels the rest of the download. */
async function readLimited(response: Response, maxBytes: number): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (size < maxBytes) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
  }
  await reader.cancel().catch(() => undefined);
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes.subarray(0, maxBytes));
}

/** Reads Addigy's `{message}` error body, if the body is one. */
function messageOf(text: string): string | undefined {
  try {
    const body: unknown = JSON.parse(text);
    if (body && typeof body === 'object' && 'message' in body && typeof body.message === 'string') {
      return body.message;
    }
    if (body && typeof body === 'object' && 'error' in body && typeof body.error === 'string') {
      return body.error;
    }
  } catch {
    // Not JSON: the status alone explains the failure.
  }
  return undefined;
}
