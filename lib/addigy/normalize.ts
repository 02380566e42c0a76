/** Reduces V1 and V2 device and policy shapes to the facts in `types.ts`. */
import type { DeviceRecord, Policy } from './types';
import type { V1Device, V2Device } from './schemas';

/** The V2 facts counting reads; the devices request lists these and no others. */
export const DEVICE_FACTS = [
  'policy_id',
  'serial_number',
  'product_name',
  'hardware_model',
  'device_model_name',
  'system_version',
  'last_online',
  'device_name',
] as const;

export function toPolicy(raw: { policyId: string; name: string; parent?: string | null }): Policy {
  const parent = raw.parent?.trim();
  return { id: raw.policyId, name: raw.name, parentId: parent ? parent : null };
}

/**
 * Reduces a V2 device item. Facts shared by many devices (policy ids, models, versions) go
 * through `interner`, so 100,000 devices hold one copy of each distinct string.
 */
export function fromV2Device(item: V2Device, interner = new Map<string, string>()): DeviceRecord {
  const facts = item.facts ?? {};
  const text = (id: string): string | null => asText(facts[id]?.value);
  const shared = (id: string): string | null => intern(interner, text(id));
  return {
    agentId: item.agentid,
    policyId: shared('policy_id'),
    serialNumber: text('serial_number'),
    productName: shared('product_name'),
    hardwareModel: shared('hardware_model'),
    deviceModelName: shared('device_model_name'),
    systemVersion: shared('system_version'),
    lastOnline: asTime(facts['last_online']?.value),
    deviceName: text('device_name'),
  };
}

/** Reduces one V1 device element. For a whole response, use `createV1DeviceReducer`. */
export function fromV1Device(item: V1Device): DeviceRecord {
  return reduceV1Device(item, new Map());
}

/**
 * Returns a reducer for the elements of one V1 `GET /devices` response. Facts shared by many
 * devices go through one interner, as in `fromV2Device`, so 100,000 devices hold one copy of
 * each distinct policy id, model and version.
 */
export function createV1DeviceReducer(): (item: V1Device) => DeviceRecord {
  const interner = new Map<string, string>();
  return (item) => reduceV1Device(item, interner);
}

/** V1 elements carry the policy as `policy_id`, as "Policy ID" or as both, so either is read. */
function reduceV1Device(item: V1Device, interner: Map<string, string>): DeviceRecord {
  const shared = (value: unknown): string | null => intern(interner, asText(value));
  return {
    agentId: item.agentid,
    policyId: shared(item.policy_id) ?? shared(item['Policy ID']),
    serialNumber: asText(item['Serial Number']),
    productName: shared(item['Product Name']),
    hardwareModel: shared(item['Hardware Model']),
    deviceModelName: shared(item['Device Model Name']),
    systemVersion: intern(interner, v1SystemVersion(item)),
    lastOnline: asTime(item['Last Online']),
    deviceName: asText(item['Device Name']),
  };
}

/** The V1 names of the macOS version key, newest first. Each V1 version sends one of them. */
const V1_MACOS_VERSION_KEYS = ['macOS Version', 'MAC OS X Version'] as const;

/**
 * Returns "System Version", such as "macOS 12.0.1 (21A559)". When it is missing, returns the
 * macOS version key prefixed with "macOS ", such as "macOS 12.0.1", so that the OS-type rules
 * read the device as a Mac.
 */
function v1SystemVersion(item: V1Device): string | null {
  const systemVersion = asText(item['System Version']);
  if (systemVersion !== null) return systemVersion;
  for (const key of V1_MACOS_VERSION_KEYS) {
    const version = asText(item[key]);
    if (version === null) continue;
    return /^(mac\s*os|os x)/i.test(version) ? version : `macOS ${version}`;
  }
  return null;
}

function intern(interner: Map<string, string>, value: string | null): string | null {
  if (value === null) return null;
  const known = interner.get(value);
  if (known !== undefined) return known;
  interner.set(value, value);
  return value;
}

/** A trimmed non-empty string, or null for null, empty and non-string values. */
function asText(value: unknown): string | null {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed ? trimmed : null;
}

/**
 * Milliseconds since the epoch from an ISO date or a Unix time. Numbers below 1e12 are read as
 * seconds, because Addigy reports some times in seconds and others in milliseconds.
 */
function asTime(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) {
    return value < 1e12 ? value * 1000 : value;
  }
  if (typeof value !== 'string' || !value.trim()) return null;
  const time = Date.parse(value);
  // Addigy reports "1970-01-01T00:00:00Z" for dates it never recorded.
  return Number.isNaN(time) || time <= 0 ? null : time;
}
