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

export function fromV2Device(item: V2Device): DeviceRecord {
  const facts = item.facts ?? {};
  const text = (id: string): string | null => asText(facts[id]?.value);
  return {
    agentId: item.agentid,
    policyId: text('policy_id'),
    serialNumber: text('serial_number'),
    productName: text('product_name'),
    hardwareModel: text('hardware_model'),
    deviceModelName: text('device_model_name'),
    systemVersion: text('system_version'),
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
