/**
 * Counts a fleet file the slow, obvious way, independently of `lib/counting`, so end-to-end tests
 * can check the popup and the CSV against numbers the product did not compute. It covers what
 * the demo fleet contains: roll-up to root policies, duplicate serials (latest record wins),
 * unknown policies, and OS types from the model identifier with marketing-name and
 * system-version fallbacks.
 */
import type { Fleet, FleetDevice } from '../../../scripts/addigy-server/fleet';

export interface ExpectedRow {
  policyId: string;
  name: string;
  total: number;
  byOs: Record<string, number>;
}

function fact(device: FleetDevice, id: string): string | null {
  const value = (device.facts as Record<string, { value: unknown } | undefined>)[id]?.value;
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

function osOf(device: FleetDevice): string {
  const rules: Array<[RegExp, string]> = [
    [/^(Mac|iMac|MacBook|Macmini|MacPro|VirtualMac)/, 'macOS'],
    [/^(iPhone|iPod)/, 'iOS'],
    [/^iPad/, 'iPadOS'],
    [/^AppleTV/, 'tvOS'],
    [/^Watch/, 'watchOS'],
    [/^RealityDevice/, 'visionOS'],
  ];
  for (const model of [fact(device, 'product_name'), fact(device, 'hardware_model')]) {
    const rule = model && rules.find(([pattern]) => pattern.test(model));
    if (rule) return rule[1];
  }
  const name = fact(device, 'device_model_name')?.toLowerCase() ?? '';
  if (/^(mac|imac)/.test(name)) return 'macOS';
  if (/^(iphone|ipod)/.test(name)) return 'iOS';
  if (name.startsWith('ipad')) return 'iPadOS';
  if (name.startsWith('apple tv')) return 'tvOS';
  if (name.startsWith('apple watch')) return 'watchOS';
  if (name.startsWith('apple vision')) return 'visionOS';
  const system = fact(device, 'system_version')?.toLowerCase() ?? '';
  for (const [prefix, os] of [
    ['macos', 'macOS'],
    ['mac os', 'macOS'],
    ['ipados', 'iPadOS'],
    ['ios', 'iOS'],
    ['tvos', 'tvOS'],
    ['watchos', 'watchOS'],
    ['visionos', 'visionOS'],
  ]) {
    if (system.startsWith(prefix!)) return os!;
  }
  return 'other';
}

/** Keeps one record per serial number: the one seen last. Records without a serial all stay. */
function mergeBySerial(devices: FleetDevice[]): FleetDevice[] {
  const latest = new Map<string, FleetDevice>();
  const kept: FleetDevice[] = [];
  const time = (device: FleetDevice) => Date.parse(fact(device, 'last_online') ?? '') || 0;
  for (const device of devices) {
    const serial = fact(device, 'serial_number')?.toUpperCase();
    if (!serial) {
      kept.push(device);
      continue;
    }
    const previous = latest.get(serial);
    if (!previous || time(device) >= time(previous)) latest.set(serial, device);
  }
  return [...kept, ...latest.values()];
}

/** The rolled-up counts per root policy, plus an "Unassigned" row with an empty id. */
export function expectedRootCounts(fleet: Fleet): ExpectedRow[] {
  const parentOf = new Map(fleet.policies.map((p) => [p.policyId, p.parent || null]));
  const rootOf = (id: string): string => {
    const seen = new Set<string>();
    let current = id;
    while (!seen.has(current)) {
      seen.add(current);
      const parent = parentOf.get(current);
      if (!parent || !parentOf.has(parent)) return current;
      current = parent;
    }
    return current;
  };
  const rows = new Map<string, ExpectedRow>();
  for (const policy of fleet.policies) {
    if (rootOf(policy.policyId) === policy.policyId) {
      rows.set(policy.policyId, {
        policyId: policy.policyId,
        name: policy.name,
        total: 0,
        byOs: {},
      });
    }
  }
  const unassigned: ExpectedRow = { policyId: '', name: 'Unassigned', total: 0, byOs: {} };
  for (const device of mergeBySerial(fleet.devices)) {
    const policyId = fact(device, 'policy_id');
    const row = policyId && parentOf.has(policyId) ? rows.get(rootOf(policyId)) : unassigned;
    if (!row) throw new Error(`No root row for policy ${policyId}`);
    const os = osOf(device);
    row.total++;
    row.byOs[os] = (row.byOs[os] ?? 0) + 1;
  }
  const sorted = [...rows.values()].sort((a, b) => a.name.localeCompare(b.name));
  return unassigned.total > 0 ? [...sorted, unassigned] : sorted;
}

/** The CSV the export should write for these rows, without the header. */
export function expectedCsvRows(rows: ExpectedRow[]): string[] {
  const order = ['macOS', 'iOS', 'iPadOS', 'tvOS', 'watchOS', 'visionOS', 'other'];
  const quote = (text: string) => (/[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);
  return rows.flatMap((row) => [
    `${row.policyId},${quote(row.name)},total,${row.total}`,
    ...order
      .filter((os) => (row.byOs[os] ?? 0) > 0)
      .map((os) => `${row.policyId},${quote(row.name)},${os},${row.byOs[os]}`),
  ]);
}
