/**
 * Device records of the demo fleet: a draft contains what the generator decided about one record,
 * and `toFleetDevice` turns it into the V2 facts that the fleet file stores.
 */
import { makeFact, type FleetDevice, type FleetPolicy } from './fleet';
import { SYSTEM_VERSIONS, type AppleModel } from './demo-models';
import type { Random } from './random';

export const DAY_MS = 86_400_000;

/** Chance that a regular device has not checked in for 60 to 240 days. */
const STALE_SHARE = 0.06;
/** Chance that a regular device has a Flex policy besides its location policy. */
const FLEX_SHARE = 0.1;

/** A device record as the generator drafted it, before it becomes facts. */
export interface DeviceDraft {
  policyId: string | null;
  policyIds: string[] | null;
  serialNumber: string | null;
  model: AppleModel;
  productName: string | null;
  hardwareModel: string | null;
  deviceModelName: string | null;
  systemVersion: string | null;
  /** Milliseconds since the epoch, or null for a device that never checked in. */
  lastOnline: number | null;
  deviceName: string;
}

/** The generator's shared state: its random source, the tenant and the names in use. */
export interface DemoContext {
  random: Random;
  orgid: string;
  now: number;
  policies: FleetPolicy[];
  usedSerialNumbers: Set<string>;
  nameCounters: Map<string, number>;
}

/** Drafts an ordinary, fully reported device in the given policy. */
export function draftDevice(
  context: DemoContext,
  model: AppleModel,
  policyId: string | null,
  nameCode: string,
): DeviceDraft {
  const { random } = context;
  const isStale = random.chance(STALE_SHARE);
  const daysAgo = isStale ? random.integer(60, 240) : random.integer(0, 20);
  const policyIds = policyId ? [policyId] : [];
  if (policyId && random.chance(FLEX_SHARE)) {
    const flexPolicy = random.pick(context.policies);
    if (flexPolicy.policyId !== policyId) policyIds.push(flexPolicy.policyId);
  }

  return {
    policyId,
    policyIds,
    serialNumber: newSerialNumber(context, model),
    model,
    productName: model.identifier,
    hardwareModel: model.identifier,
    deviceModelName: model.modelName,
    systemVersion: random.pick(SYSTEM_VERSIONS[model.family]),
    lastOnline: context.now - daysAgo * DAY_MS - random.integer(0, DAY_MS - 1),
    deviceName: newDeviceName(context, nameCode, model),
  };
}

function newSerialNumber(context: DemoContext, model: AppleModel): string {
  for (;;) {
    const isOldMacFormat = model.family === 'mac' && context.random.chance(0.3);
    const serialNumber = isOldMacFormat
      ? `C02${context.random.serialNumber(9)}`
      : context.random.serialNumber(10);
    if (!context.usedSerialNumbers.has(serialNumber)) {
      context.usedSerialNumbers.add(serialNumber);
      return serialNumber;
    }
  }
}

function newDeviceName(context: DemoContext, code: string, model: AppleModel): string {
  const key = `${code}-${model.nameStem}`;
  const number = (context.nameCounters.get(key) ?? 0) + 1;
  context.nameCounters.set(key, number);
  return `${key}-${String(number).padStart(2, '0')}`;
}

/** Turns a draft into a fleet device with a new agent id and every known fact. */
export function toFleetDevice(context: DemoContext, draft: DeviceDraft): FleetDevice {
  const lastOnline = draft.lastOnline === null ? null : new Date(draft.lastOnline).toISOString();
  return {
    agentid: context.random.uuid(),
    orgid: context.orgid,
    facts: {
      policy_id: makeFact('policy_id', draft.policyId),
      policy_ids: makeFact('policy_ids', draft.policyIds),
      serial_number: makeFact('serial_number', draft.serialNumber),
      product_name: makeFact('product_name', draft.productName),
      hardware_model: makeFact('hardware_model', draft.hardwareModel),
      device_model_name: makeFact('device_model_name', draft.deviceModelName),
      system_version: makeFact('system_version', draft.systemVersion),
      last_online: makeFact('last_online', lastOnline),
      device_name: makeFact('device_name', draft.deviceName),
    },
  };
}
