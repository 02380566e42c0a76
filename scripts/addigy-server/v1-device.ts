/**
 * Turns a fleet device into an element of Addigy V1 `GET /api/devices`: one flat object with
 * around 150 human-readable keys, about 4 KB of JSON, plus `agentid` and `policy_id`. The keys
 * that the extension reads come from the device's facts. The rest are filler with plausible
 * values, derived from the agent id so that the output is stable.
 */
import { factText, type FleetDevice } from './fleet';

/** The V1 key count to reach with filler, close to a recorded V1 device. */
const V1_KEY_COUNT = 150;

/** Keys that only the Addigy agent reports; MDM-only devices have null there. */
const AGENT_KEYS = [
  'Agent Version',
  'Current User',
  'Admin Users',
  'Processor Type',
  'Processor Speed (GHz)',
  'Uptime (days)',
  'Local IP',
  'Timezone',
  'Firewall Enabled',
  'Gatekeeper Enabled',
  'FileVault Enabled',
  'System Integrity Protection Enabled',
  'Remote Desktop Enabled',
  'Remote Login Enabled',
  'Kernel Panic',
  'SMART Failing',
  'Time Machine Days Since Last Backup',
  'Used Memory (GB)',
  'Total Memory (GB)',
  'Host Name',
  'LocalHost Name',
] as const;

/** Keys that MDM reports for every Apple device. */
const MDM_KEYS = [
  'UDID',
  'Has MDM',
  'Is Supervised',
  'Enrolled Via DEP',
  'User Enrollment',
  'Activation Lock Enabled',
  'MDM Lost Mode Enabled',
  'Awaiting Configuration',
  'Battery Percentage',
  'Total Disk Space (GB)',
  'Free Disk Space (GB)',
  'Free Disk Percentage',
  'Wifi MAC Address',
  'Bluetooth MAC',
  'Passcode Present',
  'Passcode Compliant',
  'Location Service Enabled',
  'Do Not Disturb Enabled',
  'Is Roaming',
  'Phone Number',
  'Registration Date',
  'Warranty Expiration Date',
  'Installed Profiles',
] as const;

/** Returns a stable 32-bit hash (FNV-1a) of the text. */
function hashText(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** Builds a filler value of a type that suits the key's name. */
function fillerValue(agentId: string, key: string): unknown {
  const hash = hashText(`${agentId}:${key}`);
  if (
    /Enabled|Enrolled|Enrollment|^Is |^Has |Failing|Panic|Present|Compliant|Configuration/.test(key)
  ) {
    return hash % 2 === 0;
  }
  if (/\(GB\)|\(days\)|\(GHz\)|Percentage|Days/.test(key)) return hash % 500;
  if (/Date/.test(key))
    return new Date(1_600_000_000_000 + (hash % 200_000_000) * 1000).toISOString();
  if (/MAC/.test(key)) {
    const octets = Array.from({ length: 6 }, (_, index) => (hash >>> (index * 4)) & 0xff);
    return octets.map((octet) => octet.toString(16).padStart(2, '0')).join(':');
  }
  if (key === 'Installed Profiles' || key === 'Admin Users') return ['com.example.profile'];
  return `value-${hash.toString(16)}`;
}

/** Splits "macOS 14.6.1 (23G93)" into its version and build; either is null when absent. */
function parseSystemVersion(systemVersion: string | null): {
  version: string | null;
  build: string | null;
} {
  const match = /^\S+ ([\d.]+)(?: \((\w+)\))?/.exec(systemVersion ?? '');
  return { version: match?.[1] ?? null, build: match?.[2] ?? null };
}

/** Fills keys from the facts that the extension reads under their V1 names. */
function factKeys(device: FleetDevice): Record<string, unknown> {
  const policyIds = device.facts.policy_ids?.value;
  return {
    agentid: device.agentid,
    policy_id: factText(device, 'policy_id'),
    'Policy ID': factText(device, 'policy_id'),
    'Policy IDs': Array.isArray(policyIds) ? policyIds : null,
    'Serial Number': factText(device, 'serial_number'),
    'Product Name': factText(device, 'product_name'),
    'Hardware Model': factText(device, 'hardware_model'),
    'Device Model Name': factText(device, 'device_model_name'),
    'System Version': factText(device, 'system_version'),
    'Last Online': factText(device, 'last_online'),
    'Device Name': factText(device, 'device_name'),
  };
}

/**
 * Builds the V1 device for the fleet device at `index` in the fleet. Even indexes carry the OS
 * version as "MAC OS X Version" and odd ones as "macOS Version", because real V1 responses
 * changed that key's name between versions and a client must accept both.
 */
export function toV1Device(device: FleetDevice, index: number): Record<string, unknown> {
  const v1Device = factKeys(device);
  const systemVersion = factText(device, 'system_version');
  const { version, build } = parseSystemVersion(systemVersion);
  const isMac = systemVersion?.startsWith('macOS') ?? false;
  const hasAgent = isMac && factText(device, 'product_name') !== null;

  const macOsVersionKey = index % 2 === 0 ? 'MAC OS X Version' : 'macOS Version';
  v1Device[macOsVersionKey] = isMac ? version : null;
  v1Device['OS Version'] = version;
  v1Device['Build Version'] = build;
  v1Device['Online'] = false;
  for (const key of MDM_KEYS) v1Device[key] = fillerValue(device.agentid, key);
  for (const key of AGENT_KEYS) v1Device[key] = hasAgent ? fillerValue(device.agentid, key) : null;

  // Tenants add custom facts, which V1 lists under their display names.
  for (let number = 1; Object.keys(v1Device).length < V1_KEY_COUNT; number++) {
    const key = `Custom Fact ${String(number).padStart(3, '0')}`;
    v1Device[key] = fillerValue(device.agentid, key);
  }
  return v1Device;
}
