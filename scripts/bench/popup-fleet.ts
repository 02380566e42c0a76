/**
 * A fleet for the popup and overlay benchmarks: a given number of client policies, all roots, so
 * that the popup lists one row per policy. Devices come from `generateLargeFleet` and are dealt
 * to the policies in turn. Policy names are "Client 0001", "Client 0002" and so on.
 */
import { makeFact, type Fleet, type FleetPolicy } from '../addigy-server/fleet';
import { createRandom } from '../addigy-server/random';
import { generateLargeFleet } from './large-fleet';

export function clientPolicyName(index: number): string {
  return `Client ${String(index + 1).padStart(4, '0')}`;
}

/** Generates `policyCount` root policies with `devicesPerPolicy` devices each. */
export function generateClientPolicyFleet(
  policyCount: number,
  devicesPerPolicy: number,
  now: number,
): Fleet {
  const random = createRandom(2);
  const base = generateLargeFleet(policyCount * devicesPerPolicy, 1, now);
  const orgid = base.policies[0]?.orgid ?? random.uuid();
  const policies: FleetPolicy[] = Array.from({ length: policyCount }, (_, index) => ({
    policyId: random.uuid(),
    name: clientPolicyName(index),
    parent: null,
    orgid,
  }));
  const devices = base.devices.map((device, index) => {
    const { policyId } = policies[index % policyCount]!;
    return {
      ...device,
      facts: {
        ...device.facts,
        policy_id: makeFact('policy_id', policyId),
        policy_ids: makeFact('policy_ids', [policyId]),
      },
    };
  });
  return { policies, devices };
}
