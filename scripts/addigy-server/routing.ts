/**
 * The pieces that every route of the local Addigy server shares: the parsed request, the
 * response a route returns, and credential checks. Routes return a response value instead of
 * writing to the socket, so that the server can log it and inject faults in one place.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/** A request after the server has read its body. */
export interface RouteRequest {
  method: string;
  /** The URL path without the query string. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** The body as text; empty when the request had none. */
  body: string;
}

/** A response to send as JSON. */
export interface RouteResponse {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface Route {
  method: 'GET' | 'POST';
  path: string;
  handle(request: RouteRequest): RouteResponse;
}

export function jsonResponse(status: number, body: unknown): RouteResponse {
  return { status, body };
}

/**
 * Builds an error in Addigy V2's shape, `{code, message, error_chain}`.
 * NOTE: the V2 spec types `error_chain` only as an object; its content here is a guess.
 */
export function v2ErrorResponse(status: number, message: string): RouteResponse {
  return { status, body: { code: status, message, error_chain: { message } } };
}

/**
 * Builds an error for the V1 routes.
 * NOTE: no recorded V1 error body was available; `{message}` is a guess at its shape.
 */
export function v1ErrorResponse(status: number, message: string): RouteResponse {
  return { status, body: { message } };
}

/** Returns the first value of a header, or undefined when it is absent. */
export function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Compares a received credential with the expected one in constant time. */
export function credentialMatches(received: string | null | undefined, expected: string): boolean {
  if (received === undefined || received === null) return false;
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(received), digest(expected));
}

/**
 * Parses a JSON request body. Returns the value, or a 400 error response that names the
 * problem, so that routes can return it as it is.
 */
export function parseJsonBody(
  request: RouteRequest,
): { ok: true; value: unknown } | { ok: false; response: RouteResponse } {
  if (request.body.trim() === '') {
    return {
      ok: false,
      response: v2ErrorResponse(400, 'The request body is missing; send a JSON object.'),
    };
  }
  try {
    return { ok: true, value: JSON.parse(request.body) };
  } catch (error) {
    const reason = (error as Error).message;
    return {
      ok: false,
      response: v2ErrorResponse(400, `The request body is not valid JSON: ${reason}`),
    };
  }
}
