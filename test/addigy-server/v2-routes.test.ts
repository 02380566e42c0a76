import { describe, expect, test } from 'vitest';
import { DEFAULT_PERMISSIONS, DEMO_CREDENTIALS } from '../../scripts/addigy-server/server';
import { searchDevices, smallFleet, startTestServer, V2_HEADERS } from './helpers';

const V2_ROUTES = [
  ['POST', '/api/v2/devices', '{}'],
  ['POST', '/api/v2/oa/policies/query', '{}'],
  ['GET', '/api/v2/configuration/permissions', undefined],
] as const;

describe('V2 API key check', () => {
  test.each(V2_ROUTES)('%s %s without a key is 401', async (method, path, body) => {
    const server = await startTestServer();
    const response = await fetch(`${server.url}${path}`, { method, body });

    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await response.json()).toEqual({
      code: 401,
      message: 'Unauthorized: the x-api-key header is missing.',
      error_chain: { message: 'Unauthorized: the x-api-key header is missing.' },
    });
  });

  test.each(V2_ROUTES)('%s %s with a wrong key is 401', async (method, path, body) => {
    const server = await startTestServer();
    const response = await fetch(`${server.url}${path}`, {
      method,
      body,
      headers: { 'x-api-key': 'wrong-key' },
    });

    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      code: 401,
      message: 'Unauthorized: the API key is invalid or was revoked.',
      error_chain: { message: 'Unauthorized: the API key is invalid or was revoked.' },
    });
  });

  test('bearer token instead of x-api-key is 401', async () => {
    const server = await startTestServer();
    const response = await fetch(`${server.url}/api/v2/configuration/permissions`, {
      headers: { authorization: `Bearer ${DEMO_CREDENTIALS.apiKey}` },
    });

    expect(response.status).toBe(401);
  });

  test('custom API key replaces the demo key', async () => {
    const server = await startTestServer({ apiKey: 'custom-key' });
    const demoKeyResponse = await searchDevices(server, {});
    const customKeyResponse = await fetch(`${server.url}/api/v2/devices`, {
      method: 'POST',
      headers: { 'x-api-key': 'custom-key' },
      body: '{}',
    });

    expect(demoKeyResponse.status).toBe(401);
    expect(customKeyResponse.status).toBe(200);
  });
});

describe('V2 permissions', () => {
  test('device search without View Devices is 403', async () => {
    const server = await startTestServer({ permissions: ['View Device List'] });
    const response = await searchDevices(server, { page: 1, per_page: 100 });
    const message =
      'Forbidden: this API key lacks the "View Devices" permission; permissions are likely missing.';

    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ code: 403, message, error_chain: { message } });
  });

  test('permissions lists the default permissions', async () => {
    const server = await startTestServer();
    const response = await fetch(`${server.url}/api/v2/configuration/permissions`, {
      headers: V2_HEADERS,
    });

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(['View Devices', 'View Device List']);
    expect(DEFAULT_PERMISSIONS).toEqual(['View Devices', 'View Device List']);
  });

  test('permissions lists the configured permissions', async () => {
    const server = await startTestServer({ permissions: ['View Device List'] });
    const response = await fetch(`${server.url}/api/v2/configuration/permissions`, {
      headers: V2_HEADERS,
    });

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(['View Device List']);
  });
});

describe('V2 policies query', () => {
  test('empty query returns every policy as a bare array', async () => {
    const server = await startTestServer();
    const response = await fetch(`${server.url}/api/v2/oa/policies/query`, {
      method: 'POST',
      headers: V2_HEADERS,
      body: '{}',
    });

    expect(response.status).toBe(200);
    const rootsWithoutParent = smallFleet().policies.map(({ parent, ...rest }) =>
      parent === null ? rest : { ...rest, parent },
    );
    expect(await response.json()).toEqual(rootsWithoutParent);
  });

  test('policies filter returns the listed policies', async () => {
    const server = await startTestServer();
    const response = await fetch(`${server.url}/api/v2/oa/policies/query`, {
      method: 'POST',
      headers: V2_HEADERS,
      body: JSON.stringify({ policies: ['policy-child'] }),
    });

    expect(await response.json()).toEqual([
      {
        policyId: 'policy-child',
        name: 'Acme Dental - Kiosks',
        parent: 'policy-root',
        orgid: 'org-1',
      },
    ]);
  });

  test('malformed JSON is 400', async () => {
    const server = await startTestServer();
    const response = await fetch(`${server.url}/api/v2/oa/policies/query`, {
      method: 'POST',
      headers: V2_HEADERS,
      body: '{',
    });

    expect(response.status).toBe(400);
  });
});
