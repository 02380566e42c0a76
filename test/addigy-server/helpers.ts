/**
 * Shared pieces of the local Addigy server tests: a small hand-made fleet with known values, and
 * a way to start a server that is closed after each test.
 */
import { onTestFinished } from 'vitest';
import { makeFact, type Fleet, type FleetDevice } from '../../scripts/addigy-server/fleet';
import {
  DEMO_CREDENTIALS,
  startAddigyServer,
  type AddigyServer,
  type AddigyServerOptions,
} from '../../scripts/addigy-server/server';

export const ORGID = 'org-1';

/** Builds a device with every known fact; `overrides` replaces fact values. */
export function makeDevice(
  agentid: string,
  serialNumber: string | null,
  overrides: Record<string, unknown> = {},
): FleetDevice {
  const values: Record<string, unknown> = {
    policy_id: 'policy-root',
    policy_ids: ['policy-root'],
    serial_number: serialNumber,
    product_name: 'MacBookPro18,3',
    hardware_model: 'MacBookPro18,3',
    device_model_name: 'MacBook Pro',
    system_version: 'macOS 15.1 (24B83)',
    last_online: '2026-11-29T10:00:00.000Z',
    device_name: `Mac ${agentid}`,
    ...overrides,
  };
  const facts: FleetDevice['facts'] = {};
  for (const [identifier, value] of Object.entries(values)) {
    facts[identifier] = makeFact(identifier as Parameters<typeof makeFact>[0], value);
  }
  return { agentid, orgid: ORGID, facts };
}

/** Five devices in no serial order, in a root policy and its child. */
export function smallFleet(): Fleet {
  return {
    policies: [
      { policyId: 'policy-root', name: 'Acme Dental', parent: null, orgid: ORGID },
      {
        policyId: 'policy-child',
        name: 'Acme Dental - Kiosks',
        parent: 'policy-root',
        orgid: ORGID,
      },
    ],
    devices: [
      makeDevice('agent-c', 'SERIAL-C'),
      makeDevice('agent-a', 'SERIAL-A', {
        policy_id: 'policy-child',
        product_name: null,
        hardware_model: 'iPad13,4',
        device_model_name: 'iPad Pro',
        system_version: 'iOS 18.1 (22B83)',
      }),
      makeDevice('agent-e', 'SERIAL-E'),
      makeDevice('agent-b', 'SERIAL-B'),
      makeDevice('agent-d', 'SERIAL-D'),
    ],
  };
}

/** Starts a server on a free port and closes it after the current test. */
export async function startTestServer(
  options: Partial<AddigyServerOptions> = {},
): Promise<AddigyServer> {
  const server = await startAddigyServer({ fleet: smallFleet(), ...options });
  onTestFinished(() => server.close());
  return server;
}

export const V2_HEADERS = {
  'content-type': 'application/json',
  'x-api-key': DEMO_CREDENTIALS.apiKey,
};

export const V1_HEADERS = {
  'client-id': DEMO_CREDENTIALS.clientId,
  'client-secret': DEMO_CREDENTIALS.clientSecret,
};

/** Sends `POST /api/v2/devices` with the demo API key. */
export function searchDevices(server: AddigyServer, body: unknown): Promise<Response> {
  return fetch(`${server.url}/api/v2/devices`, {
    method: 'POST',
    headers: V2_HEADERS,
    body: JSON.stringify(body),
  });
}
