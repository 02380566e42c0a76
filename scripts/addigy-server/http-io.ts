/**
 * Reading requests and writing JSON responses for the local Addigy server.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { truncateBody } from './faults';
import type { RouteRequest, RouteResponse } from './routing';

/** Request bodies above this size get a 413. */
export const MAX_BODY_BYTES = 1024 * 1024;

export function pathOf(incoming: IncomingMessage): string {
  return new URL(incoming.url ?? '/', 'http://127.0.0.1').pathname;
}

/** Reads the whole request; returns null when the body is larger than `MAX_BODY_BYTES`. */
export async function readRequest(incoming: IncomingMessage): Promise<RouteRequest | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  // Reads to the end even past the limit, because stopping early would reset the connection
  // before the 413 response is sent.
  for await (const chunk of incoming as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= MAX_BODY_BYTES) chunks.push(chunk);
  }
  if (size > MAX_BODY_BYTES) return null;
  const url = new URL(incoming.url ?? '/', 'http://127.0.0.1');
  return {
    method: incoming.method ?? '',
    path: url.pathname,
    query: url.searchParams,
    headers: incoming.headers,
    body: Buffer.concat(chunks).toString('utf8'),
  };
}

/** Sends the response as JSON, or only the first half of it when `truncate` is set. */
export function sendJson(
  outgoing: ServerResponse,
  response: RouteResponse,
  truncate: boolean,
): void {
  const headers: Record<string, string> = {
    'content-type': 'application/json; charset=utf-8',
    ...response.headers,
  };
  if (response.body === undefined) {
    outgoing.writeHead(response.status, headers).end();
    return;
  }
  const text = JSON.stringify(response.body);
  const sent = truncate ? truncateBody(text) : text;
  headers['content-length'] = String(Buffer.byteLength(sent));
  outgoing.writeHead(response.status, headers).end(sent);
}
