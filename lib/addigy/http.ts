/**
 * The one place that sends HTTP requests to Addigy: a timeout on every request, errors mapped
 * to `AddigyError`, and response bodies validated with zod before anyone reads them.
 */
import type { z } from 'zod';
import { AddigyError, errorForStatus } from './errors';
import { describeIssue } from './validation';

/** Chrome stops a service worker whose fetch waits 30 s or more, so stay well under that. */
export const REQUEST_TIMEOUT_MS = 25_000;

export interface AddigyRequest<T> {
  apiVersion: 'v1' | 'v2';
  method: 'GET' | 'POST';
  url: string;
  /** "POST /devices": names the endpoint in errors without the host or any query string. */
  endpoint: string;
  headers: Record<string, string>;
  body?: unknown;
  schema: z.ZodType<T>;
  timeoutMs?: number;
}

/** Sends one request and returns its validated JSON body, or throws `AddigyError`. */
export async function requestJson<T>(request: AddigyRequest<T>): Promise<T> {
  const response = await send(request);
  const text = await readBody(response, request);
  if (!response.ok) {
    throw errorForStatus(response.status, request.endpoint, request.apiVersion, messageOf(text));
  }
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
  const parsed = request.schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AddigyError(
      'invalid-response',
      `Addigy sent an unexpected response from ${request.endpoint}: ${issue ? describeIssue(issue) : 'unknown problem'}. Check the API URL; if it is right, Addigy may have changed its API.`,
      request.endpoint,
      response.status,
    );
  }
  return parsed.data;
}

async function send(request: AddigyRequest<unknown>): Promise<Response> {
  const timeoutMs = request.timeoutMs ?? REQUEST_TIMEOUT_MS;
  const headers: Record<string, string> = { accept: 'application/json', ...request.headers };
  if (request.body !== undefined) headers['content-type'] = 'application/json';
  try {
    return await fetch(request.url, {
      method: request.method,
      headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      signal: AbortSignal.timeout(timeoutMs),
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch (error) {
    throw networkError(error, request.endpoint, timeoutMs);
  }
}

async function readBody(response: Response, request: AddigyRequest<unknown>): Promise<string> {
  try {
    return await response.text();
  } catch (error) {
    throw networkError(error, request.endpoint, request.timeoutMs ?? REQUEST_TIMEOUT_MS);
  }
}

function networkError(error: unknown, endpoint: string, timeoutMs: number): AddigyError {
  if (error instanceof DOMException && error.name === 'TimeoutError') {
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
