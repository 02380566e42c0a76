/**
 * A large synthetic fleet for benchmarks of the local Addigy server: any number of devices in
 * client policy trees of one root and four sites, one policy per 40 devices (2,500 policies for
 * 100,000 devices). It is built for size, not for the counting edge cases that the demo fleet
 * covers: every device is fully reported, in a known policy, with a unique serial number.
 *
 * Devices that share a model, policy, system version or check-in day share one fact object, so
 * the fleet takes a fraction of the memory of separate facts. Callers must not change facts in
 * place, because a change would show on every device that shares the fact.
 */
import { DEMO_FLEET_NOW } from '../addigy-server/demo-fleet';
import { DAY_MS } from '../addigy-server/demo-devices';
import {
  MODEL_MIXES,
  SYSTEM_VERSIONS,
  pickModel,
  type ClientProfile,
} from '../addigy-server/demo-models';
import {
  makeFact,
  type DeviceFact,
  type Fleet,
  type FleetDevice,
  type FleetPolicy,
  type KnownFactIdentifier,
} from '../addigy-server/fleet';
import { createRandom, type Random } from '../addigy-server/random';

const DEVICES_PER_POLICY = 40;
const SITES_PER_CLIENT = 4;
/** Share of devices that last checked in 60 to 240 days ago; the rest within 20 days. */
const STALE_SHARE = 0.06;
const PROFILES = Object.keys(MODEL_MIXES) as ClientProfile[];

interface PlacedPolicy {
  policy: FleetPolicy;
  profile: ClientProfile;
  /** The `policy_id` and `policy_ids` facts of every device in this policy. */
  facts: Pick<FleetDevice['facts'], 'policy_id' | 'policy_ids'>;
}

/**
 * Generates `deviceCount` devices and their policies. The same count, seed and `now` always give
 * the same fleet; `last_online` dates count back from `now`.
 */
export function generateLargeFleet(deviceCount: number, seed = 1, now = DEMO_FLEET_NOW): Fleet {
  if (!Number.isInteger(deviceCount) || deviceCount < 0) {
    throw new RangeError(`Invalid device count ${deviceCount}: give a whole number, 0 or more.`);
  }
  const random = createRandom(seed);
  const orgid = random.uuid();
  const placed = buildPolicies(
    random,
    orgid,
    Math.max(1, Math.ceil(deviceCount / DEVICES_PER_POLICY)),
  );
  const sharedFact = createFactCache();
  const lastOnlineFacts: DeviceFact[] = [];
  const serialNumbers = new Set<string>();
  const devices: FleetDevice[] = [];

  for (let index = 0; index < deviceCount; index++) {
    const { profile, facts: policyFacts } = random.pick(placed);
    const model = pickModel(MODEL_MIXES[profile], random.next());
    const daysAgo = random.chance(STALE_SHARE) ? random.integer(60, 240) : random.integer(0, 20);
    lastOnlineFacts[daysAgo] ??= makeFact(
      'last_online',
      new Date(now - daysAgo * DAY_MS).toISOString(),
    );
    const deviceName = `${model.nameStem}-${String(index + 1).padStart(6, '0')}`;
    devices.push({
      agentid: random.uuid(),
      orgid,
      facts: {
        policy_id: policyFacts.policy_id,
        policy_ids: policyFacts.policy_ids,
        serial_number: makeFact('serial_number', newSerialNumber(random, serialNumbers)),
        product_name: sharedFact('product_name', model.identifier),
        hardware_model: sharedFact('hardware_model', model.identifier),
        device_model_name: sharedFact('device_model_name', model.modelName),
        system_version: sharedFact('system_version', random.pick(SYSTEM_VERSIONS[model.family])),
        last_online: lastOnlineFacts[daysAgo],
        device_name: makeFact('device_name', deviceName),
      },
    });
  }
  return { policies: placed.map(({ policy }) => policy), devices };
}

/** Builds `count` policies: client roots, each followed by up to four site children. */
function buildPolicies(random: Random, orgid: string, count: number): PlacedPolicy[] {
  const placed: PlacedPolicy[] = [];
  for (let client = 1; placed.length < count; client++) {
    const profile = random.pick(PROFILES);
    const name = `Client ${String(client).padStart(4, '0')}`;
    const root: FleetPolicy = { policyId: random.uuid(), name, parent: null, orgid };
    placed.push({ policy: root, profile, facts: policyFacts(root) });
    for (let site = 1; site <= SITES_PER_CLIENT && placed.length < count; site++) {
      const policy: FleetPolicy = {
        policyId: random.uuid(),
        name: `${name} - Site ${site}`,
        parent: root.policyId,
        orgid,
      };
      placed.push({ policy, profile, facts: policyFacts(policy) });
    }
  }
  return placed;
}

function policyFacts(policy: FleetPolicy): PlacedPolicy['facts'] {
  return {
    policy_id: makeFact('policy_id', policy.policyId),
    policy_ids: makeFact('policy_ids', [policy.policyId]),
  };
}

/** Creates a lookup that returns one shared fact object per identifier and text value. */
function createFactCache(): (identifier: KnownFactIdentifier, value: string) => DeviceFact {
  const facts = new Map<string, DeviceFact>();
  return (identifier, value) => {
    const key = `${identifier}\n${value}`;
    let fact = facts.get(key);
    if (fact === undefined) {
      fact = makeFact(identifier, value);
      facts.set(key, fact);
    }
    return fact;
  };
}

/** Returns a 12-character serial number, of the letters and digits Apple uses, that is unique. */
function newSerialNumber(random: Random, used: Set<string>): string {
  for (;;) {
    const serialNumber = random.serialNumber(12);
    if (!used.has(serialNumber)) {
      used.add(serialNumber);
      return serialNumber;
    }
  }
}
