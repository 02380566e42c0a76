/**
 * A fleet of many client policies for the popup's end-to-end tests, with counts that follow
 * from each client's number, so a test can state the expected rows without the product's code.
 * Client n (1-based) is named "Client 0001" and so on, and has n % 5 devices: Macs at even
 * device indexes and iPhones at odd ones. The first device of clients 1, 11, 21 and so on last
 * checked in 90 days ago (stale). Every 50th client has a child policy "Client 0050 Site" with 2 iPads.
 */
import { makeFact, type Fleet, type FleetDevice } from '../../../scripts/addigy-server/fleet';

const ORG = 'org-clients';
const DAY_MS = 86_400_000;

export function clientName(n: number): string {
  return `Client ${String(n).padStart(4, '0')}`;
}

export interface ExpectedClient {
  name: string;
  total: number;
  macOS: number;
  iOS: number;
  iPadOS: number;
  stale: number;
}

/** Returns the rolled-up counts of client `n`, worked out from the rules above. */
export function expectedClient(n: number): ExpectedClient {
  const own = n % 5;
  const site = n % 50 === 0 ? 2 : 0;
  return {
    name: clientName(n),
    total: own + site,
    macOS: Math.ceil(own / 2),
    iOS: Math.floor(own / 2),
    iPadOS: site,
    stale: n % 10 === 1 ? 1 : 0,
  };
}

export function device(
  agentId: string,
  policyId: string,
  model: string,
  lastOnline: number,
  name: string,
): FleetDevice {
  return {
    agentid: agentId,
    orgid: ORG,
    facts: {
      policy_id: makeFact('policy_id', policyId),
      serial_number: makeFact('serial_number', `SN${agentId}`),
      product_name: makeFact('product_name', model),
      last_online: makeFact('last_online', new Date(lastOnline).toISOString()),
      device_name: makeFact('device_name', name),
    },
  };
}

export function generateClientFleet(clients: number, now: number): Fleet {
  const fleet: Fleet = { policies: [], devices: [] };
  for (let n = 1; n <= clients; n += 1) {
    const policyId = `client-${n}`;
    fleet.policies.push({ policyId, name: clientName(n), parent: null, orgid: ORG });
    for (let index = 0; index < n % 5; index += 1) {
      const stale = n % 10 === 1 && index === 0;
      const lastOnline = now - (stale ? 90 : 1) * DAY_MS;
      const model = index % 2 === 0 ? 'Mac14,2' : 'iPhone15,2';
      fleet.devices.push(
        device(`${n}-${index}`, policyId, model, lastOnline, `${clientName(n)} device ${index}`),
      );
    }
    if (n % 50 === 0) {
      const siteId = `${policyId}-site`;
      fleet.policies.push({
        policyId: siteId,
        name: `${clientName(n)} Site`,
        parent: policyId,
        orgid: ORG,
      });
      for (const index of [0, 1]) {
        fleet.devices.push(
          device(
            `${n}-site-${index}`,
            siteId,
            'iPad8,3',
            now - DAY_MS,
            `${clientName(n)} iPad ${index}`,
          ),
        );
      }
    }
  }
  return fleet;
}
