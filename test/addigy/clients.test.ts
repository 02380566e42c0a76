import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AddigyError } from '../../lib/addigy/errors';
import { RequestBudget } from '../../lib/addigy/budget';
import { requestJson, type HttpContext } from '../../lib/addigy/http';
import { V1Client } from '../../lib/addigy/v1-client';
import { V2Client } from '../../lib/addigy/v2-client';
import { generateDemoFleet } from '../../scripts/addigy-server/demo-fleet';
import type { Fault } from '../../scripts/addigy-server/faults';
import {
  DEMO_CREDENTIALS,
  startAddigyServer,
  type AddigyServer,
} from '../../scripts/addigy-server/server';

const fleet = generateDemoFleet(1);
const sleeps: number[] = [];
/** Retries without waiting, recording each wait instead. */
const http: HttpContext = {
  budget: new RequestBudget(),
  random: () => 0.5,
  sleep: async (ms) => {
    sleeps.push(ms);
  },
  now: () => Date.now(),
};
const agentIds = new Set(fleet.devices.map((device) => device.agentid));
let server: AddigyServer;
let fault: Fault | undefined;

beforeAll(async () => {
  server = await startAddigyServer({ fleet, faults: () => fault });
});
afterEach(() => {
  fault = undefined;
  sleeps.length = 0;
});
afterAll(() => server.close());

async function addigyErrorOf(promise: Promise<unknown>): Promise<AddigyError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AddigyError);
  return error as AddigyError;
}

describe('V2Client', () => {
  const client = () => new V2Client(server.url, DEMO_CREDENTIALS.apiKey, http);

  it('fetches every device once across pages', async () => {
    const progress: Array<[number, number | null]> = [];
    const result = await client().fetchDevices((p) =>
      progress.push([p.pagesFetched, p.pagesExpected]),
    );
    expect(result.devices).toHaveLength(agentIds.size);
    expect(new Set(result.devices.map((device) => device.agentId))).toEqual(agentIds);
    expect(result.reportedTotal).toBe(fleet.devices.length);
    expect(result.repeatedAgentIds).toBe(0);
    expect(progress).toEqual([
      [1, 4],
      [2, 4],
      [3, 4],
      [4, 4],
    ]);
  });

  it('fetches policies with roots as null parents', async () => {
    const policies = await client().fetchPolicies();
    expect(policies).toHaveLength(fleet.policies.length);
    const acme = policies.find((policy) => policy.name === 'Acme Dental');
    expect(acme?.parentId).toBeNull();
  });

  it('authenticate returns the permissions', async () => {
    expect(await client().authenticate()).toEqual({
      permissions: ['View Devices', 'View Device List'],
      orgId: null,
    });
  });

  it('wrong key is an auth error without the key', async () => {
    const error = await addigyErrorOf(
      new V2Client(server.url, 'wrong-key-XYZ', http).authenticate(),
    );
    expect(error.kind).toBe('auth');
    expect(error.status).toBe(401);
    expect(error.message).toContain(
      'Addigy rejected the credentials (401) at GET /configuration/permissions',
    );
    expect(error.message).not.toContain('wrong-key-XYZ');
  });

  it('key without View Devices is named', async () => {
    const limited = await startAddigyServer({ fleet, permissions: ['View Policies'] });
    try {
      const error = await addigyErrorOf(
        new V2Client(limited.url, DEMO_CREDENTIALS.apiKey, http).authenticate(),
      );
      expect(error.kind).toBe('permission');
      expect(error.message).toContain('"View Devices"');
    } finally {
      await limited.close();
    }
  });

  it('truncated JSON is an invalid response', async () => {
    fault = { truncate: true };
    const error = await addigyErrorOf(client().fetchPolicies());
    expect(error.kind).toBe('invalid-response');
    expect(error.message).toContain('not valid JSON from POST /oa/policies/query');
  });

  it('500 storm gives up after five attempts', async () => {
    fault = { status: 500 };
    const before = server.requests.length;
    const error = await addigyErrorOf(client().fetchDevices());
    expect(error.kind).toBe('server');
    expect(error.message).toContain('POST /devices failed 5 times in a row.');
    expect(error.message).toContain('server error (500) at POST /devices');
    expect(server.requests.length - before).toBe(5);
    expect(sleeps).toEqual([750, 1500, 3000, 6000]);
  });
});

describe('V1Client', () => {
  const client = () =>
    new V1Client(
      `${server.url}/api`,
      DEMO_CREDENTIALS.clientId,
      DEMO_CREDENTIALS.clientSecret,
      http,
    );

  it('fetches the whole fleet', async () => {
    const result = await client().fetchDevices();
    expect(result.devices).toHaveLength(fleet.devices.length);
    expect(new Set(result.devices.map((device) => device.agentId))).toEqual(agentIds);
  });

  it('reads the same facts as V2', async () => {
    const [v1, v2] = await Promise.all([
      client().fetchDevices(),
      new V2Client(server.url, DEMO_CREDENTIALS.apiKey, http).fetchDevices(),
    ]);
    const byAgent = (devices: typeof v1.devices) =>
      [...devices].sort((a, b) => a.agentId.localeCompare(b.agentId));
    expect(byAgent(v1.devices)).toEqual(byAgent(v2.devices));
  });

  it('authenticate returns the org id', async () => {
    const result = await client().authenticate();
    expect(result.permissions).toBeNull();
    expect(typeof result.orgId).toBe('string');
  });

  it('wrong secret is an auth error without the secret', async () => {
    const error = await addigyErrorOf(
      new V1Client(
        `${server.url}/api`,
        DEMO_CREDENTIALS.clientId,
        'bad-SECRET-42',
        http,
      ).authenticate(),
    );
    expect(error.kind).toBe('auth');
    expect(error.message).toContain('client ID and client secret');
    expect(error.message).not.toContain('bad-SECRET-42');
  });
});

describe('requestJson', () => {
  let raw: Server;
  let body = '';
  let rawUrl = '';

  beforeAll(async () => {
    raw = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(body);
    });
    await new Promise<void>((resolve) => raw.listen(0, '127.0.0.1', resolve));
    rawUrl = `http://127.0.0.1:${(raw.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => raw.close(() => resolve())));

  const send = (schema: z.ZodType) =>
    requestJson({
      apiVersion: 'v2',
      method: 'GET',
      url: rawUrl,
      endpoint: 'GET /test',
      headers: {},
      schema,
    });

  it.each([
    [
      'a wrong type',
      '{"items": "x"}',
      z.object({ items: z.array(z.string()) }),
      'field items: Invalid input: expected array, received string',
    ],
    [
      'a nested wrong type',
      '{"items": [1]}',
      z.object({ items: z.array(z.string()) }),
      'field items[0]: Invalid input: expected string, received number',
    ],
    [
      'a missing field',
      '{}',
      z.object({ total: z.number() }),
      'field total: Invalid input: expected number, received undefined',
    ],
    [
      'a wrong body type',
      '"text"',
      z.object({}),
      'field (the whole body): Invalid input: expected object, received string',
    ],
  ])('names the field for %s', async (_name, text, schema, expected) => {
    body = text;
    const error = await addigyErrorOf(send(schema));
    expect(error.kind).toBe('invalid-response');
    expect(error.message).toContain(`unexpected response from GET /test: ${expected}`);
  });

  it('redacts a credential the error body echoes', async () => {
    const echo = createServer((request, response) => {
      response.writeHead(401, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({ message: `key ${String(request.headers['x-api-key'])} is unknown` }),
      );
    });
    await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(echo.address() as AddressInfo).port}`;
    try {
      const error = await addigyErrorOf(new V2Client(url, 'SECRET-key-9876', http).authenticate());
      expect(error.message).toContain('Addigy said: "key [redacted] is unknown"');
      expect(error.message).not.toContain('SECRET-key-9876');
    } finally {
      await new Promise<void>((resolve) => echo.close(() => resolve()));
    }
  });

  it('never echoes a value', async () => {
    body = '{"items": "secret-value-123"}';
    const error = await addigyErrorOf(send(z.object({ items: z.array(z.string()) })));
    expect(error.message).not.toContain('secret-value-123');
  });

  it('times out a slow response', async () => {
    fault = { delayMs: 2_000 };
    const error = await addigyErrorOf(
      requestJson(
        {
          apiVersion: 'v2',
          method: 'GET',
          url: `${server.url}/api/v2/configuration/permissions`,
          endpoint: 'GET /configuration/permissions',
          headers: { 'x-api-key': DEMO_CREDENTIALS.apiKey },
          schema: z.array(z.string()),
          timeoutMs: 200,
        },
        http,
      ),
    );
    expect(error.kind).toBe('timeout');
    expect(error.message).toBe(
      'GET /configuration/permissions failed 5 times in a row. Addigy did not answer GET /configuration/permissions within 0.2 s. Check your connection and try again.',
    );
  });

  it('unreachable host is a network error', async () => {
    const error = await addigyErrorOf(
      requestJson(
        {
          apiVersion: 'v2',
          method: 'GET',
          url: 'http://127.0.0.1:9/',
          endpoint: 'GET /x',
          headers: {},
          schema: z.unknown(),
        },
        http,
      ),
    );
    expect(error.kind).toBe('network');
    expect(error.message).toBe(
      'GET /x failed 5 times in a row. Could not reach Addigy at GET /x. Check the API URL in the options and your connection.',
    );
  });
});
