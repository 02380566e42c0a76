import { afterEach, describe, expect, test, vi } from 'vitest';
import { DEMO_CREDENTIALS, startAddigyServer } from '../../scripts/addigy-server/server';
import { searchDevices, smallFleet, startTestServer, V1_HEADERS } from './helpers';

afterEach(() => {
  vi.useRealTimers();
});

/** Milliseconds from now until `action` settles. */
async function elapsedMs(action: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await action();
  return performance.now() - started;
}

describe('server routing', () => {
  test('url is on 127.0.0.1', async () => {
    const server = await startTestServer();

    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  test.each([
    ['/api/v2/unknown', { code: 404, message: 'Not found: no route for GET /api/v2/unknown.' }],
    ['/api/unknown', { message: 'Not found: no route for GET /api/unknown.' }],
    ['/', { message: 'Not found: no route for GET /.' }],
  ])('unknown route %s is 404', async (path, expectedBody) => {
    const server = await startTestServer();
    const response = await fetch(`${server.url}${path}`);

    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await response.json()).toMatchObject(expectedBody);
  });

  test('wrong method is 405 with Allow', async () => {
    const server = await startTestServer();
    const response = await fetch(`${server.url}/api/v2/devices`);

    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('OPTIONS, POST');
  });

  test('OPTIONS is 204 with Allow', async () => {
    const server = await startTestServer();
    const response = await fetch(`${server.url}/api/policies`, { method: 'OPTIONS' });

    expect(response.status).toBe(204);
    expect(response.headers.get('allow')).toBe('OPTIONS, GET');
    expect(await response.text()).toBe('');
  });
});

describe('server request limits', () => {
  test('body over 1 MiB is 413', async () => {
    const server = await startTestServer();
    const response = await searchDevices(server, { padding: 'x'.repeat(1024 * 1024) });

    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      code: 413,
      message: 'The request body is larger than 1048576 bytes.',
      error_chain: { message: 'The request body is larger than 1048576 bytes.' },
    });
  });
});

describe('server request log', () => {
  test('records method, path, status and arrival', async () => {
    const arrival = Date.parse('2026-11-30T12:00:00.000Z');
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(arrival);
    const server = await startTestServer();
    await searchDevices(server, { per_page: 101 });
    await fetch(`${server.url}/api/policies`, { headers: V1_HEADERS });
    await fetch(`${server.url}/nowhere`);

    expect(server.requests).toEqual([
      { method: 'POST', path: '/api/v2/devices', status: 400, at: arrival },
      { method: 'GET', path: '/api/policies', status: 200, at: arrival },
      { method: 'GET', path: '/nowhere', status: 404, at: arrival },
    ]);
  });

  test('arrival time precedes the latency', async () => {
    const server = await startTestServer({ latencyMs: 200 });
    const sent = Date.now();
    await searchDevices(server, {});
    const answered = Date.now();
    const at = server.requests[0]?.at ?? Number.NaN;

    expect(at).toBeGreaterThanOrEqual(sent);
    expect(at).toBeLessThan(sent + 100);
    expect(answered - at).toBeGreaterThanOrEqual(190);
  });

  test('keeps no credentials or query strings', async () => {
    const server = await startTestServer();
    const query = `client_id=${DEMO_CREDENTIALS.clientId}&client_secret=${DEMO_CREDENTIALS.clientSecret}`;
    await fetch(`${server.url}/api/devices?${query}`);
    await searchDevices(server, {});
    const log = JSON.stringify(server.requests);

    expect(server.requests[0]).toMatchObject({ method: 'GET', path: '/api/devices', status: 200 });
    expect(log).not.toContain(DEMO_CREDENTIALS.clientId);
    expect(log).not.toContain(DEMO_CREDENTIALS.clientSecret);
    expect(log).not.toContain(DEMO_CREDENTIALS.apiKey);
    expect(log).not.toContain('?');
  });
});

describe('server faults', () => {
  test('status fault answers 429 with Retry-After', async () => {
    const server = await startTestServer({
      faults: ({ index }) => (index === 0 ? { status: 429, retryAfterSeconds: 7 } : undefined),
    });
    const throttled = await searchDevices(server, {});
    const next = await searchDevices(server, {});

    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('7');
    expect(await throttled.json()).toEqual({
      code: 429,
      message: 'Injected fault: HTTP 429.',
      error_chain: { message: 'Injected fault: HTTP 429.' },
    });
    expect(next.status).toBe(200);
    expect(server.requests.map((request) => request.status)).toEqual([429, 200]);
  });

  test('truncate fault sends JSON that fails to parse', async () => {
    const server = await startTestServer({ faults: () => ({ truncate: true }) });
    const response = await searchDevices(server, {});
    const text = await response.text();

    expect(response.status).toBe(200);
    expect(text.length).toBeGreaterThan(0);
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
  });

  test('delay fault answers after the delay', async () => {
    const server = await startTestServer({
      faults: ({ path }) => (path === '/api/v2/devices' ? { delayMs: 150 } : undefined),
    });
    const started = performance.now();
    const response = await searchDevices(server, {});

    expect(response.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  test('close drops a request waiting on a delay', async () => {
    const server = await startTestServer({ faults: () => ({ delayMs: 60_000 }) });
    const pending = searchDevices(server, {}).then(
      () => 'answered',
      () => 'failed',
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    await server.close();

    expect(await pending).toBe('failed');
  });
});

describe('server latency', () => {
  test.each([
    ['a device search', '/api/v2/devices', { method: 'POST', body: '{}' }],
    ['an unknown route', '/nowhere', {}],
  ])('delays %s', async (_case, path, init) => {
    const server = await startTestServer({ latencyMs: 150 });

    expect(await elapsedMs(() => fetch(`${server.url}${path}`, init))).toBeGreaterThanOrEqual(140);
  });

  test('adds to a fault delay', async () => {
    const server = await startTestServer({ latencyMs: 100, faults: () => ({ delayMs: 100 }) });

    expect(await elapsedMs(() => searchDevices(server, {}))).toBeGreaterThanOrEqual(190);
  });

  test('close drops a request waiting on latency', async () => {
    const server = await startTestServer({ latencyMs: 60_000 });
    const pending = searchDevices(server, {}).then(
      () => 'answered',
      () => 'failed',
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    await server.close();

    expect(await pending).toBe('failed');
  });

  test.each([-1, Number.NaN, Number.POSITIVE_INFINITY])(
    'rejects latencyMs %s',
    async (latencyMs) => {
      await expect(startAddigyServer({ fleet: smallFleet(), latencyMs })).rejects.toThrow(
        `Invalid latencyMs ${latencyMs}: give 0 or more milliseconds.`,
      );
    },
  );
});
