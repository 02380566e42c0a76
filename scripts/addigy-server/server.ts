/**
 * A local HTTP server that serves one fleet through routes shaped like Addigy's V1 (`/api`) and
 * V2 (`/api/v2`) APIs, for the tests and the demo. It listens on 127.0.0.1 only. Every response is JSON.
 *
 * Callers must `close()` the server, which also drops open keep-alive connections and requests
 * still waiting on a latency or fault delay.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { faultResponse, type Fault, type FaultRule } from './faults';
import { MAX_BODY_BYTES, pathOf, readRequest, sendJson } from './http-io';
import type { Fleet } from './fleet';
import {
  v1ErrorResponse,
  v2ErrorResponse,
  type Route,
  type RouteRequest,
  type RouteResponse,
} from './routing';
import { createV1Routes } from './v1-routes';
import { createV2Routes, VIEW_DEVICES_PERMISSION } from './v2-routes';

/** The credentials that the server accepts unless the options set others. Demo values only. */
export const DEMO_CREDENTIALS = {
  apiKey: 'demo-addigy-v2-api-key',
  clientId: 'demo-addigy-v1-client-id',
  clientSecret: 'demo-addigy-v1-client-secret',
} as const;

/** The V2 key's permissions unless the options set others. */
export const DEFAULT_PERMISSIONS: readonly string[] = [VIEW_DEVICES_PERMISSION, 'View Device List'];

export interface AddigyServerOptions {
  fleet: Fleet;
  apiKey?: string;
  clientId?: string;
  clientSecret?: string;
  /** Whether the V1 routes ignore the credential headers and read only the query parameters. */
  v1QueryCredentialsOnly?: boolean;
  /** The permissions `GET /api/v2/configuration/permissions` returns and the routes enforce. */
  permissions?: readonly string[];
  /** The TCP port; 0 (the default) takes any free port. */
  port?: number;
  /**
   * Milliseconds to wait before every response, like the round trip of a real API; 0 (the
   * default) responds at once. A fault's `delayMs` adds to it.
   */
  latencyMs?: number;
  /** Decides per request which failure to inject, if any. */
  faults?: FaultRule;
  /** Called after each response with its log entry, for example to print it. */
  onRequest?: (entry: LoggedRequest) => void;
}

/** One served request. Credentials and query strings are never stored. */
export interface LoggedRequest {
  method: string;
  path: string;
  status: number;
  /** When the request arrived, in milliseconds since the epoch, before any delay. */
  at: number;
}

export interface AddigyServer {
  /** Such as `http://127.0.0.1:41234`, without a trailing slash. */
  url: string;
  /** Stops the server; calling it again returns the same promise. */
  close(): Promise<void>;
  /** Every request served so far, in the order the responses were sent. */
  requests: LoggedRequest[];
}

export async function startAddigyServer(options: AddigyServerOptions): Promise<AddigyServer> {
  const latencyMs = options.latencyMs ?? 0;
  if (!Number.isFinite(latencyMs) || latencyMs < 0) {
    throw new RangeError(`Invalid latencyMs ${latencyMs}: give 0 or more milliseconds.`);
  }
  const routes: Route[] = [
    ...createV2Routes({
      fleet: options.fleet,
      apiKey: options.apiKey ?? DEMO_CREDENTIALS.apiKey,
      permissions: options.permissions ?? DEFAULT_PERMISSIONS,
    }),
    ...createV1Routes({
      fleet: options.fleet,
      clientId: options.clientId ?? DEMO_CREDENTIALS.clientId,
      clientSecret: options.clientSecret ?? DEMO_CREDENTIALS.clientSecret,
      queryCredentialsOnly: options.v1QueryCredentialsOnly,
    }),
  ];
  const requests: LoggedRequest[] = [];
  const pendingDelays = new Set<NodeJS.Timeout>();
  let requestCount = 0;

  const delay = (milliseconds: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        pendingDelays.delete(timer);
        resolve();
      }, milliseconds);
      pendingDelays.add(timer);
    });

  const serve = async (incoming: IncomingMessage, outgoing: ServerResponse) => {
    const index = requestCount++;
    const at = Date.now();
    const request = await readRequest(incoming);
    const method = incoming.method ?? '';
    const path = pathOf(incoming);
    const fault = request ? options.faults?.({ method, path, index }) : undefined;
    const delayMs = latencyMs + (fault?.delayMs ?? 0);
    if (delayMs > 0) await delay(delayMs);

    let response: RouteResponse;
    try {
      response = request ? answer(routes, request, fault) : tooLargeResponse();
    } catch (error) {
      console.error(`Addigy test server: the route for ${method} ${path} failed:`, error);
      response = v2ErrorResponse(500, `Internal error in the route for ${method} ${path}.`);
    }
    const entry = { method, path, status: response.status, at };
    requests.push(entry);
    sendJson(outgoing, response, fault?.truncate ?? false);
    options.onRequest?.(entry);
  };

  const server = createServer((incoming, outgoing) => {
    serve(incoming, outgoing).catch((error: unknown) => {
      // Reading fails when the client aborts the request, so no response can be sent.
      console.error(`Addigy test server: ${incoming.method} ${pathOf(incoming)} failed:`, error);
      outgoing.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= new Promise<void>((resolve, reject) => {
      for (const timer of pendingDelays) clearTimeout(timer);
      pendingDelays.clear();
      server.close((error) => (error ? reject(error) : resolve()));
      server.closeAllConnections();
    });
    return closing;
  };

  return { url: `http://127.0.0.1:${port}`, requests, close };
}

function tooLargeResponse(): RouteResponse {
  return v2ErrorResponse(413, `The request body is larger than ${MAX_BODY_BYTES} bytes.`);
}

/** Returns the response to send: an injected fault's, the route's, or a 404, 405 or OPTIONS one. */
function answer(routes: Route[], request: RouteRequest, fault: Fault | undefined): RouteResponse {
  if (fault?.status !== undefined) return faultResponse({ ...fault, status: fault.status });

  const matching = routes.filter((route) => route.path === request.path);
  const allow = ['OPTIONS', ...matching.map((route) => route.method)].join(', ');
  if (request.method === 'OPTIONS') return { status: 204, body: undefined, headers: { allow } };

  const errorResponse = request.path.startsWith('/api/v2/') ? v2ErrorResponse : v1ErrorResponse;
  if (matching.length === 0) {
    return errorResponse(404, `Not found: no route for ${request.method} ${request.path}.`);
  }
  const route = matching.find((candidate) => candidate.method === request.method);
  if (!route) {
    const response = errorResponse(
      405,
      `Method ${request.method} is not allowed on ${request.path}.`,
    );
    return { ...response, headers: { allow } };
  }
  return route.handle(request);
}
