/** Reduces V1 and V2 device and policy shapes to the facts in `types.ts`. */
import type { DeviceRecord, Policy } from './types';
import type { V1Device, V2Device } from './schemas';

/** The V2 facts counting reads; the devices request asks for these and no others. */
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

export function fromV1Device(item: V1Device): DeviceRecord {
  return {
    agentId: item.agentid,
    policyId: asText(item.policy_id) ?? asText(item['Policy ID']),
    serialNumber: asText(item['Serial Number']),
    productName: asText(item['Product Name']),
    hardwareModel: asText(item['Hardware Model']),
    deviceModelName: asText(item['Device Model Name']),
    systemVersion: asText(item['System Version']),
    lastOnline: asTime(item['Last Online']),
    deviceName: asText(item['Device Name']),
  };
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
