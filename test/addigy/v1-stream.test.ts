/**
 * The streaming read of V1 `GET /devices` over real HTTP, from the local Addigy server and from
 * a plain server. The plain server sends bodies that the Addigy server never sends: not an
 * array, a broken element, key variants, and a generated fleet of 10,000 devices.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { RequestBudget } from '../../lib/addigy/budget';
import { AddigyError } from '../../lib/addigy/errors';
import type { HttpContext } from '../../lib/addigy/http';
import { fromV1Device } from '../../lib/addigy/normalize';
import { v1DevicesSchema } from '../../lib/addigy/schemas';
import type { DeviceRecord } from '../../lib/addigy/types';
import { V1Client } from '../../lib/addigy/v1-client';
import { streamV1Devices } from '../../lib/addigy/v1-stream';
import { osTypeOf } from '../../lib/counting/os-type';
import { generateDemoFleet } from '../../scripts/addigy-server/demo-fleet';
import type { Fault } from '../../scripts/addigy-server/faults';
import { factText } from '../../scripts/addigy-server/fleet';
import {
  DEMO_CREDENTIALS,
  startAddigyServer,
  type AddigyServer,
} from '../../scripts/addigy-server/server';
import { toV1Device } from '../../scripts/addigy-server/v1-device';

const fleet = generateDemoFleet(1);
const http: HttpContext = {
  budget: new RequestBudget(),
  random: () => 0.5,
  sleep: async () => {},
  now: () => Date.now(),
};
const V1_HEADERS = {
  'client-id': DEMO_CREDENTIALS.clientId,
  'client-secret': DEMO_CREDENTIALS.clientSecret,
};

/** A plain HTTP server that sends whatever `send` writes, for bodies Addigy's server never sends. */
let plain: Server;
let plainUrl = '';
let send: (response: ServerResponse, path: string) => void = (response) => response.end();
let plainRequests = 0;

beforeAll(async () => {
  plain = createServer((request, response) => {
    plainRequests++;
    response.writeHead(200, { 'content-type': 'application/json' });
    send(response, new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
  });
  await new Promise<void>((resolve) => plain.listen(0, '127.0.0.1', resolve));
  plainUrl = `http://127.0.0.1:${(plain.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => plain.close(() => resolve())));

/** Makes the plain server send `body` for every request. */
function sendBody(body: string): void {
  send = (response) => response.end(body);
}

const plainClient = () => new V1Client(plainUrl, 'client-id-1', 'client-secret-1', http);

async function addigyErrorOf(promise: Promise<unknown>): Promise<AddigyError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AddigyError);
  return error as AddigyError;
}

describe('streamV1Devices with the local server', () => {
  let server: AddigyServer;
  let fault: Fault | undefined;

  beforeAll(async () => {
    server = await startAddigyServer({ fleet, faults: () => fault });
  });
  afterAll(() => server.close());

  const client = () =>
    new V1Client(
      `${server.url}/api`,
      DEMO_CREDENTIALS.clientId,
      DEMO_CREDENTIALS.clientSecret,
      http,
    );

  it('equals JSON.parse on the demo fleet', async () => {
    const streamed = await client().fetchDevices();
    const response = await fetch(`${server.url}/api/devices`, { headers: V1_HEADERS });
    const parsed = v1DevicesSchema.parse(await response.json()).map(fromV1Device);

    expect(streamed.devices).toHaveLength(fleet.devices.length);
    expect(streamed.devices).toEqual(parsed);
    expect(streamed.repeatedAgentIds).toBe(0);
    expect(streamed.reportedTotal).toBeNull();
  });

  it('truncated body names GET /devices', async () => {
    const response = await fetch(`${server.url}/api/devices`, { headers: V1_HEADERS });
    const text = await response.text();
    const sentBytes = Buffer.byteLength(text.slice(0, Math.floor(text.length / 2)));
    fault = { truncate: true };
    const before = server.requests.length;
    try {
      const error = await addigyErrorOf(client().fetchDevices());

      expect(error.kind).toBe('invalid-response');
      expect(error.endpoint).toBe('GET /devices');
      expect(error.message).toBe(
        `Addigy sent a response that is not valid JSON from GET /devices (ended early, after ${sentBytes} bytes). Try again; if it persists, check the API URL.`,
      );
      expect(server.requests.length - before).toBe(1);
    } finally {
      fault = undefined;
    }
  });
});

describe('streamV1Devices with other bodies', () => {
  it.each([
    ['an object', '{"devices": []}', 'object'],
    ['a string', '"devices"', 'string'],
    ['a number', '42', 'number'],
    ['a boolean', 'true', 'boolean'],
    ['null', 'null', 'null'],
  ])('body of %s is not an array', async (_case, body, type) => {
    sendBody(body);
    const error = await addigyErrorOf(plainClient().fetchDevices());

    expect(error.kind).toBe('invalid-response');
    expect(error.endpoint).toBe('GET /devices');
    expect(error.message).toBe(
      `Addigy sent an unexpected response from GET /devices: field (the whole body): Invalid input: expected array, received ${type}. Check the API URL; if it is right, Addigy may have changed its API.`,
    );
  });

  it.each([
    ['empty', ''],
    ['whitespace', ' \n'],
  ])('%s body is an empty response', async (_case, body) => {
    sendBody(body);
    const error = await addigyErrorOf(plainClient().fetchDevices());

    expect(error.kind).toBe('invalid-response');
    expect(error.message).toBe(
      'Addigy sent an empty response from GET /devices where a JSON array was expected. Try again; if it persists, check the API URL.',
    );
  });

  it.each([
    ['a trailing comma', '[{"agentid": "a",}]'],
    ['a second document', '[{"agentid": "a"}] []'],
  ])('body with %s is invalid JSON', async (_case, body) => {
    sendBody(body);
    const error = await addigyErrorOf(plainClient().fetchDevices());

    expect(error.kind).toBe('invalid-response');
    expect(error.message).toBe(
      `Addigy sent a response that is not valid JSON from GET /devices (invalid within the first ${body.length} bytes). Try again; if it persists, check the API URL.`,
    );
  });

  it('invalid element names its index and field', async () => {
    sendBody('[{"agentid": "a"}, {"agentid": "b"}, {"agentid": "c", "Serial Number": 987654321}]');
    const before = plainRequests;
    const error = await addigyErrorOf(plainClient().fetchDevices());

    expect(error.kind).toBe('invalid-response');
    expect(error.endpoint).toBe('GET /devices');
    expect(error.status).toBe(200);
    expect(error.message).toBe(
      'Addigy sent an unexpected response from GET /devices: field [2].Serial Number: Invalid input: expected string, received number. Check the API URL; if it is right, Addigy may have changed its API.',
    );
    expect(error.message).not.toContain('987654321');
    expect(plainRequests - before).toBe(1);
  });

  it('element without agentid names index 0', async () => {
    sendBody('[{"Serial Number": "C02"}]');
    const error = await addigyErrorOf(plainClient().fetchDevices());

    expect(error.message).toContain(
      'from GET /devices: field [0].agentid: Invalid input: expected string, received undefined.',
    );
  });

  it('empty array is no devices', async () => {
    sendBody('[]\n');
    expect(await plainClient().fetchDevices()).toEqual({
      devices: [],
      repeatedAgentIds: 0,
      reportedTotal: null,
    });
  });
});

/** The record of a device that sends only `agentid`. Each drift case changes some fields. */
const EMPTY_RECORD: DeviceRecord = {
  agentId: 'agent-1',
  policyId: null,
  serialNumber: null,
  productName: null,
  hardwareModel: null,
  deviceModelName: null,
  systemVersion: null,
  lastOnline: null,
  deviceName: null,
};
const ONLINE_AT = Date.parse('2021-12-03T19:40:20.551Z');

describe('V1 key drift', () => {
  it.each<[string, Record<string, unknown>, Partial<DeviceRecord>]>([
    ['MAC OS X Version alone', { 'MAC OS X Version': '12.0.1' }, { systemVersion: 'macOS 12.0.1' }],
    ['macOS Version alone', { 'macOS Version': '14.6.1' }, { systemVersion: 'macOS 14.6.1' }],
    ['macOS Version as a number', { 'macOS Version': 13 }, { systemVersion: 'macOS 13' }],
    [
      'macOS Version with prefix',
      { 'macOS Version': 'macOS 15.1' },
      { systemVersion: 'macOS 15.1' },
    ],
    ['macOS Version as an object', { 'macOS Version': { major: 15 } }, {}],
    [
      'both version keys',
      { 'macOS Version': '14.6.1', 'MAC OS X Version': '12.0.1' },
      { systemVersion: 'macOS 14.6.1' },
    ],
    [
      'System Version and macOS Version',
      { 'System Version': 'macOS 14.6.1 (23G93)', 'macOS Version': '14.6.1' },
      { systemVersion: 'macOS 14.6.1 (23G93)' },
    ],
    ['null version keys', { 'MAC OS X Version': null, 'macOS Version': null }, {}],
    [
      'null agent facts',
      {
        'Product Name': null,
        'Device Name': null,
        'Last Online': null,
        'System Version': null,
        'MAC OS X Version': null,
        'Agent Version': null,
      },
      {},
    ],
    [
      'Last Online as ISO',
      { 'Last Online': '2021-12-03T19:40:20.551Z' },
      { lastOnline: ONLINE_AT },
    ],
    ['Last Online in ms', { 'Last Online': ONLINE_AT }, { lastOnline: ONLINE_AT }],
    ['Last Online in seconds', { 'Last Online': 1_638_560_420 }, { lastOnline: 1_638_560_420_000 }],
    ['Last Online null', { 'Last Online': null }, {}],
    ['policy_id alone', { policy_id: 'policy-a' }, { policyId: 'policy-a' }],
    ['Policy ID alone', { 'Policy ID': 'policy-b' }, { policyId: 'policy-b' }],
    [
      'both policy keys',
      { policy_id: 'policy-a', 'Policy ID': 'policy-b' },
      { policyId: 'policy-a' },
    ],
    ['null policy_id', { policy_id: null, 'Policy ID': 'policy-b' }, { policyId: 'policy-b' }],
    ['unknown keys', { 'Custom Fact 001': [1, { a: true }], 'New Key': 'x' }, {}],
  ])('%s', async (_case, keys, changes) => {
    sendBody(JSON.stringify([{ agentid: 'agent-1', ...keys }]));
    const { devices } = await plainClient().fetchDevices();

    expect(devices).toEqual([{ ...EMPTY_RECORD, ...changes }]);
  });

  it.each([['MAC OS X Version'], ['macOS Version']])('%s alone reads as macOS', async (key) => {
    sendBody(JSON.stringify([{ agentid: 'agent-1', [key]: '12.0.1' }]));
    const { devices } = await plainClient().fetchDevices();

    expect(devices.map(osTypeOf)).toEqual(['macOS']);
  });
});

describe('streamV1Devices at scale', () => {
  const DEVICE_COUNT = 10_000;
  const demo = fleet.devices;
  // Building 10,000 devices with toV1Device takes seconds, so each demo device is serialised
  // once and copied with a new agentid. The demo fleet has an even length, so a copy keeps the
  // macOS version key that toV1Device chose for its index.
  const templates = demo.map((device, index) => JSON.stringify(toV1Device(device, index)));
  const elementAt = (index: number) => {
    const source = demo[index % demo.length]!;
    const template = templates[index % demo.length]!;
    return template.replace(`"agentid":"${source.agentid}"`, `"agentid":"agent-${index}"`);
  };

  /** Yields the body in pieces of one device each, about 5 KB. */
  function* bodyPieces(): Generator<string> {
    yield '[';
    for (let index = 0; index < DEVICE_COUNT; index++) {
      yield index === 0 ? elementAt(index) : `,${elementAt(index)}`;
    }
    yield ']';
  }

  it('reads 10,000 devices chunk by chunk', { timeout: 60_000 }, async () => {
    let bodyBytes = 0;
    send = (response) => {
      const pieces = Readable.from(bodyPieces());
      pieces.on('data', (piece: string) => (bodyBytes += Buffer.byteLength(piece)));
      pieces.pipe(response);
    };
    let chunks = 0;
    const response = await fetch(`${plainUrl}/api/devices`);
    const devices = await streamV1Devices(response, () => chunks++);

    expect(devices).toHaveLength(DEVICE_COUNT);
    expect(bodyBytes).toBeGreaterThan(40_000_000);
    expect(chunks).toBeGreaterThan(100);
    expect(new Set(devices.map((device) => device.agentId)).size).toBe(DEVICE_COUNT);
    for (const index of [0, 1, 371, 372, 4_321, 9_999]) {
      const expected = demo[index % demo.length]!;
      expect(devices[index]?.agentId, `device ${index}`).toBe(`agent-${index}`);
      expect(devices[index]?.serialNumber, `device ${index}`).toBe(
        factText(expected, 'serial_number'),
      );
      expect(devices[index]?.policyId, `device ${index}`).toBe(factText(expected, 'policy_id'));
      expect(devices[index]?.systemVersion, `device ${index}`).toBe(
        factText(expected, 'system_version'),
      );
    }
  });
});

const REFERENCE = path.resolve(import.meta.dirname, '../../../shared/reference/addigy');
const available = existsSync(path.join(REFERENCE, 'v1-get-devices.recorded.json'));
if (!available) console.warn(`V1 recorded-response tests skipped: ${REFERENCE} is absent.`);

describe.skipIf(!available)('V1 recorded responses', () => {
  const recorded = (name: string) => readFileSync(path.join(REFERENCE, name), 'utf8');

  beforeEach(() => {
    const bodies: Record<string, string> = {
      '/api/devices': recorded('v1-get-devices.recorded.json'),
      '/api/policies': recorded('v1-get-policies.recorded.json'),
    };
    send = (response, requestPath) => response.end(bodies[requestPath] ?? '');
  });

  const client = () => new V1Client(`${plainUrl}/api`, 'client-id-1', 'client-secret-1', http);

  it('devices stream as JSON.parse reads them', async () => {
    const { devices } = await client().fetchDevices();
    const parsed = v1DevicesSchema
      .parse(JSON.parse(recorded('v1-get-devices.recorded.json')))
      .map(fromV1Device);

    expect(devices).toEqual(parsed);
    expect(devices.map(osTypeOf)).toEqual(['macOS', 'iPadOS']);
  });

  it('policies parse with a root', async () => {
    const policies = await client().fetchPolicies();

    expect(policies.length).toBeGreaterThan(1);
    expect(policies[0]?.parentId).toBeNull();
    expect(policies[1]?.parentId).toBe(policies[0]?.id);
  });

  it('Mac without System Version reads its macOS version', async () => {
    const devices = JSON.parse(recorded('v1-get-devices.recorded.json')) as Array<
      Record<string, unknown>
    >;
    const mac = { ...devices[0] };
    delete mac['System Version'];
    send = (response) => response.end(JSON.stringify([mac]));
    const [device] = (await client().fetchDevices()).devices;

    expect(device?.systemVersion).toBe(`macOS ${String(mac['MAC OS X Version'])}`);
    expect(osTypeOf(device!)).toBe('macOS');
  });
});
