/**
 * Failures that a test can inject into single requests of the local Addigy server, to exercise
 * retries, timeouts and response validation. A fault rule receives each request before its
 * route runs and returns the fault to apply, or undefined to respond normally.
 */
import { v2ErrorResponse, type RouteResponse } from './routing';

export interface Fault {
  /** Delay before responding, in milliseconds. */
  delayMs?: number;
  /** Status to respond with, and an Addigy V2 error body, instead of running the route. */
  status?: number;
  /** `Retry-After` header value, in seconds, on the `status` response. */
  retryAfterSeconds?: number;
  /** Whether to send only the first half of the JSON body, so that it fails to parse. */
  truncate?: boolean;
}

/** The request a fault rule decides on. Credentials and query strings are never included. */
export interface FaultRequest {
  method: string;
  path: string;
  /** The request's position among all requests this server received, from 0. */
  index: number;
}

export type FaultRule = (request: FaultRequest) => Fault | undefined;

/** Builds the response for a fault's status, such as a 429 with `Retry-After`. */
export function faultResponse(fault: Fault & { status: number }): RouteResponse {
  const response = v2ErrorResponse(fault.status, `Injected fault: HTTP ${fault.status}.`);
  if (fault.retryAfterSeconds !== undefined) {
    response.headers = { 'retry-after': String(fault.retryAfterSeconds) };
  }
  return response;
}

/** Cuts a serialised body in half; the result is not valid JSON for any non-trivial body. */
export function truncateBody(text: string): string {
  return text.slice(0, Math.floor(text.length / 2));
}
