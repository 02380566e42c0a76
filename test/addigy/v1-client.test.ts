/**
 * The V1 client's credential placement: headers first, query parameters after a 401, and no
 * credential in any error or log line. Runs against the local Addigy server, which has an
 * option to read only query-parameter credentials.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { RequestBudget } from '../../lib/addigy/budget';
import { AddigyError } from '../../lib/addigy/errors';
import type { HttpContext } from '../../lib/addigy/http';
import { V1Client } from '../../lib/addigy/v1-client';
import { generateDemoFleet } from '../../scripts/addigy-server/demo-fleet';
import {
  DEMO_CREDENTIALS,
  startAddigyServer,
  type AddigyServer,
  type AddigyServerOptions,
} from '../../scripts/addigy-server/server';

const fleet = generateDemoFleet(1);
const http: HttpContext = {
  budget: new RequestBudget(),
  random: () => 0.5,
  sleep: async () => {},
  now: () => Date.now(),
};
const WRONG_SECRET = 'bad-SECRET-42';
const REJECTED = {
  message: 'Unauthorized: the client_id or client_secret is invalid.',
};

const servers: AddigyServer[] = [];
let consoleSpies: MockInstance[] = [];
/** Every line written to the console since the test began, in order, as the logger wrote it. */
let loggedLines: string[] = [];

beforeEach(() => {
  loggedLines = [];
  consoleSpies = (['debug', 'info', 'warn', 'error'] as const).map((level) =>
    vi.spyOn(console, level).mockImplementation((...parts: unknown[]) => {
      loggedLines.push(parts.map(String).join(' '));
    }),
  );
});
afterEach(async () => {
  for (const spy of consoleSpies) spy.mockRestore();
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function startServer(options: Partial<AddigyServerOptions> = {}): Promise<AddigyServer> {
  const server = await startAddigyServer({ fleet, ...options });
  servers.push(server);
  return server;
}

function clientOf(url: string, clientSecret: string = DEMO_CREDENTIALS.clientSecret): V1Client {
  return new V1Client(`${url}/api`, DEMO_CREDENTIALS.clientId, clientSecret, http);
}

/** Lists the requests a server logged, without their arrival times. */
function requestsOf(server: AddigyServer): Array<[string, string, number]> {
  return server.requests.map((request) => [request.method, request.path, request.status]);
}

async function addigyErrorOf(promise: Promise<unknown>): Promise<AddigyError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AddigyError);
  return error as AddigyError;
}

describe('V1Client credentials', () => {
  it('headers work without a fallback', async () => {
    const server = await startServer();
    const client = clientOf(server.url);
    await client.authenticate();
    await client.fetchPolicies();

    expect(requestsOf(server)).toEqual([
      ['POST', '/api/validate', 200],
      ['GET', '/api/policies', 200],
    ]);
    expect(client.credentialPlacement).toBe('headers');
    expect(loggedLines).toEqual([]);
  });

  it('query-only server gets one fallback', async () => {
    const server = await startServer({ v1QueryCredentialsOnly: true });
    const client = clientOf(server.url);
    const result = await client.authenticate();

    expect(result.orgId).toBe(fleet.policies[0]?.orgid);
    expect(client.credentialPlacement).toBe('query');
    expect(requestsOf(server)).toEqual([
      ['POST', '/api/validate', 401],
      ['POST', '/api/validate', 200],
    ]);
    expect(loggedLines).toEqual([
      '[addigy-counts] Addigy V1 rejected the credentials in headers at POST /validate (401). Retrying once with query parameters.',
      '[addigy-counts] Addigy V1 accepted the credentials as query parameters at POST /validate. This client sends them that way from now on.',
    ]);
  });

  it('later requests go straight to query', async () => {
    const server = await startServer({ v1QueryCredentialsOnly: true });
    const client = clientOf(server.url);
    await client.authenticate();
    server.requests.length = 0;
    const policies = await client.fetchPolicies();
    const { devices } = await client.fetchDevices();

    expect(policies).toHaveLength(fleet.policies.length);
    expect(devices).toHaveLength(fleet.devices.length);
    expect(requestsOf(server)).toEqual([
      ['GET', '/api/policies', 200],
      ['GET', '/api/devices', 200],
    ]);
  });

  it('new client starts with headers again', async () => {
    const server = await startServer({ v1QueryCredentialsOnly: true });
    await clientOf(server.url).authenticate();
    server.requests.length = 0;
    const client = clientOf(server.url);
    await client.fetchPolicies();

    expect(requestsOf(server)).toEqual([
      ['GET', '/api/policies', 401],
      ['GET', '/api/policies', 200],
    ]);
    expect(client.credentialPlacement).toBe('query');
  });

  it('fallback sends no credential headers', async () => {
    const server = await startServer({ v1QueryCredentialsOnly: true });
    const sent: Array<{ url: string; headers: Record<string, string> }> = [];
    const realFetch = globalThis.fetch;
    const spy = vi.spyOn(globalThis, 'fetch').mockImplementation((input, init) => {
      sent.push({ url: String(input), headers: { ...(init?.headers as Record<string, string>) } });
      return realFetch(input, init);
    });
    try {
      await clientOf(server.url).fetchPolicies();
    } finally {
      spy.mockRestore();
    }
    const query = new URLSearchParams({
      client_id: DEMO_CREDENTIALS.clientId,
      client_secret: DEMO_CREDENTIALS.clientSecret,
    });

    expect(sent.map((request) => request.url)).toEqual([
      `${server.url}/api/policies`,
      `${server.url}/api/policies?${query.toString()}`,
    ]);
    expect(sent[0]?.headers['client-secret']).toBe(DEMO_CREDENTIALS.clientSecret);
    expect(sent[1]?.headers).toEqual({ accept: 'application/json' });
  });

  it.each([
    ['a server that takes both', false],
    ['a query-only server', true],
  ])('wrong secret on %s is a 401', async (_case, queryOnly) => {
    const server = await startServer({ v1QueryCredentialsOnly: queryOnly });
    const client = clientOf(server.url, WRONG_SECRET);
    const error = await addigyErrorOf(client.fetchDevices());

    expect(error.kind).toBe('auth');
    expect(error.status).toBe(401);
    expect(error.endpoint).toBe('GET /devices');
    expect(error.message).toBe(
      `Addigy rejected the credentials (401) at GET /devices. Check the client ID and client secret in Addigy under Account > Integrations, and enter them in the options. Addigy said: "${REJECTED.message}".`,
    );
    expect(client.credentialPlacement).toBe('headers');
    expect(requestsOf(server)).toEqual([
      ['GET', '/api/devices', 401],
      ['GET', '/api/devices', 401],
    ]);
    expect(error.message).not.toContain(WRONG_SECRET);
    expect(loggedLines).toEqual([
      '[addigy-counts] Addigy V1 rejected the credentials in headers at GET /devices (401). Retrying once with query parameters.',
    ]);
  });

  it.each([
    ['as typed', 'bad-SECRET-42', 'invalid client_secret bad-SECRET-42'],
    ['as query-encoded', 'bad SECRET&42', 'invalid request ?client_secret=bad+SECRET%2642'],
  ])('echoed secret %s is redacted', async (_case, secret, echo) => {
    const echoing = createServer((_request, response) => {
      response.writeHead(401, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ message: echo }));
    });
    await new Promise<void>((resolve) => echoing.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(echoing.address() as AddressInfo).port}`;
      const error = await addigyErrorOf(clientOf(url, secret).authenticate());
      const redacted = echo.replace(/(client_secret[ =]).*$/, '$1[redacted]');

      expect(error.kind).toBe('auth');
      expect(error.message).toBe(
        `Addigy rejected the credentials (401) at POST /validate. Check the client ID and client secret in Addigy under Account > Integrations, and enter them in the options. Addigy said: "${redacted}".`,
      );
    } finally {
      await new Promise<void>((resolve) => echoing.close(() => resolve()));
    }
  });
});
