import { describe, expect, test } from 'vitest';
import { generateDemoFleet } from '../../scripts/addigy-server/demo-fleet';
import { DEMO_CREDENTIALS } from '../../scripts/addigy-server/server';
import { smallFleet, startTestServer, V1_HEADERS } from './helpers';

type V1Device = Record<string, unknown>;

const QUERY_CREDENTIALS = new URLSearchParams({
  client_id: DEMO_CREDENTIALS.clientId,
  client_secret: DEMO_CREDENTIALS.clientSecret,
}).toString();

describe('V1 credentials', () => {
  test('headers are accepted', async () => {
    const server = await startTestServer();
    const response = await fetch(`${server.url}/api/policies`, { headers: V1_HEADERS });

    expect(response.status).toBe(200);
  });

  test('query parameters are accepted', async () => {
    const server = await startTestServer();
    const response = await fetch(`${server.url}/api/policies?${QUERY_CREDENTIALS}`);

    expect(response.status).toBe(200);
  });

  test.each([
    ['no credentials', {}, ''],
    ['a wrong client id', { ...V1_HEADERS, 'client-id': 'wrong' }, ''],
    ['a wrong client secret', { ...V1_HEADERS, 'client-secret': 'wrong' }, ''],
    ['only the client id', { 'client-id': DEMO_CREDENTIALS.clientId }, ''],
    ['a wrong query secret', {}, `?client_id=${DEMO_CREDENTIALS.clientId}&client_secret=wrong`],
  ])('%s is 401', async (_case, headers, query) => {
    const server = await startTestServer();
    const response = await fetch(`${server.url}/api/devices${query}`, { headers });

    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await response.json()).toEqual({
      message: 'Unauthorized: the client_id or client_secret is invalid.',
    });
  });
});

describe('V1 routes', () => {
  test('policies returns the fleet policies', async () => {
    const server = await startTestServer();
    const response = await fetch(`${server.url}/api/policies`, { headers: V1_HEADERS });

    expect(await response.json()).toEqual(smallFleet().policies);
  });

  test('validate returns the orgid', async () => {
    const server = await startTestServer();
    const response = await fetch(`${server.url}/api/validate`, {
      method: 'POST',
      headers: V1_HEADERS,
    });

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ orgid: 'org-1' });
  });

  test('devices maps facts to V1 keys', async () => {
    const server = await startTestServer();
    const response = await fetch(`${server.url}/api/devices`, { headers: V1_HEADERS });
    const devices = (await response.json()) as V1Device[];
    const ipad = devices[1];

    expect(devices).toHaveLength(5);
    expect(ipad).toMatchObject({
      agentid: 'agent-a',
      policy_id: 'policy-child',
      'Policy ID': 'policy-child',
      'Policy IDs': ['policy-root'],
      'Serial Number': 'SERIAL-A',
      'Product Name': null,
      'Hardware Model': 'iPad13,4',
      'Device Model Name': 'iPad Pro',
      'System Version': 'iOS 18.1 (22B83)',
      'Last Online': '2026-11-29T10:00:00.000Z',
      'Device Name': 'Mac agent-a',
      'OS Version': '18.1',
      'Build Version': '22B83',
      'Agent Version': null,
    });
  });

  test('devices alternate the macOS version key', async () => {
    const server = await startTestServer();
    const response = await fetch(`${server.url}/api/devices`, { headers: V1_HEADERS });
    const devices = (await response.json()) as V1Device[];

    expect(devices.map((device) => 'MAC OS X Version' in device)).toEqual([
      true,
      false,
      true,
      false,
      true,
    ]);
    expect(devices.map((device) => 'macOS Version' in device)).toEqual([
      false,
      true,
      false,
      true,
      false,
    ]);
    expect(devices[0]?.['MAC OS X Version']).toBe('15.1');
    expect(devices[1]?.['macOS Version']).toBeNull();
    expect(devices[3]?.['macOS Version']).toBe('15.1');
  });

  test('demo devices have 150 keys of a few KB', async () => {
    const fleet = generateDemoFleet();
    const server = await startTestServer({ fleet });
    const response = await fetch(`${server.url}/api/devices`, { headers: V1_HEADERS });
    const devices = (await response.json()) as V1Device[];
    const sizes = devices.map((device) => JSON.stringify(device).length);

    expect(devices).toHaveLength(fleet.devices.length);
    for (const device of devices) expect(Object.keys(device)).toHaveLength(150);
    expect(Math.min(...sizes)).toBeGreaterThan(3000);
    expect(Math.max(...sizes)).toBeLessThan(7000);
  });
});
