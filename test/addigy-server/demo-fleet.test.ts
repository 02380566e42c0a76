import { describe, expect, test } from 'vitest';
import { DEMO_FLEET_NOW, generateDemoFleet } from '../../scripts/addigy-server/demo-fleet';
import { factText, parseFleet, type FleetDevice } from '../../scripts/addigy-server/fleet';

const DAY_MS = 86_400_000;
const fleet = generateDemoFleet();
const policyIds = new Set(fleet.policies.map((policy) => policy.policyId));

function policyByName(name: string) {
  const policy = fleet.policies.find((candidate) => candidate.name === name);
  if (!policy) throw new Error(`The demo fleet has no policy named "${name}".`);
  return policy;
}

function childNames(parentName: string): string[] {
  const parentId = policyByName(parentName).policyId;
  return fleet.policies.filter((policy) => policy.parent === parentId).map((policy) => policy.name);
}

function lastOnline(device: FleetDevice): number | null {
  const text = factText(device, 'last_online');
  return text === null ? null : Date.parse(text);
}

function recordsBySerial(): Map<string, FleetDevice[]> {
  const records = new Map<string, FleetDevice[]>();
  for (const device of fleet.devices) {
    const serialNumber = factText(device, 'serial_number');
    if (serialNumber === null) continue;
    records.set(serialNumber, [...(records.get(serialNumber) ?? []), device]);
  }
  return records;
}

describe('demo fleet shape', () => {
  test('same seed gives the same fleet', () => {
    expect(generateDemoFleet(1)).toEqual(fleet);
    expect(generateDemoFleet(7)).toEqual(generateDemoFleet(7));
  });

  test('other seed gives other ids', () => {
    const other = generateDemoFleet(2);

    expect(other.devices).toHaveLength(fleet.devices.length);
    expect(other.devices[0]?.agentid).not.toBe(fleet.devices[0]?.agentid);
  });

  test('has 34 policies and 372 records', () => {
    expect(fleet.policies).toHaveLength(34);
    expect(fleet.devices).toHaveLength(372);
  });

  test('passes the fleet file schema', () => {
    expect(parseFleet(JSON.parse(JSON.stringify(fleet)), 'demo')).toEqual(fleet);
  });

  test('dates count back from the fixed now', () => {
    const dates = fleet.devices.map(lastOnline).filter((date) => date !== null);

    expect(Math.max(...dates)).toBeLessThanOrEqual(DEMO_FLEET_NOW);
    expect(generateDemoFleet(1, DEMO_FLEET_NOW + DAY_MS).devices.map(lastOnline)).toEqual(
      fleet.devices.map((device) => {
        const date = lastOnline(device);
        return date === null ? null : date + DAY_MS;
      }),
    );
  });
});

describe('demo fleet policies', () => {
  test('root clients have children and grandchildren', () => {
    expect(policyByName('Acme Dental').parent).toBeNull();
    expect(childNames('Acme Dental')).toEqual([
      'Acme Dental - Front Office',
      'Acme Dental - Operatories',
    ]);
    expect(childNames('Acme Dental - Front Office')).toEqual(['Acme Dental - Kiosks']);
  });

  test('Managed Clients root holds further clients', () => {
    expect(policyByName('Managed Clients').parent).toBeNull();
    expect(childNames('Managed Clients')).toEqual([
      'Greenleaf Accounting',
      'Müller & Söhne KG',
      'Pinnacle Realty Group, Inc.',
      "St. Mary's Veterinary Clinic",
    ]);
    expect(childNames('Pinnacle Realty - Agents')).toEqual(['Pinnacle Realty - Open House iPads']);
  });

  test.each(['Bright Smile Dental, LLC', 'Café Nova GmbH', 'Harbor & Pine Architects Inc.'])(
    'includes client %s',
    (name) => {
      expect(policyByName(name).parent).toBeNull();
    },
  );
});

describe('demo fleet devices', () => {
  const hardwareModels = new Set(fleet.devices.map((device) => factText(device, 'hardware_model')));

  test.each([
    'MacBookPro18,3',
    'MacBookAir10,1',
    'Mac14,2',
    'iMac21,1',
    'Macmini9,1',
    'MacPro7,1',
    'VirtualMac2,1',
    'iPhone14,2',
    'iPod9,1',
    'iPad13,4',
    'iPad8,3',
    'AppleTV11,1',
    'Watch6,1',
    'RealityDevice14,1',
  ])('includes model %s', (model) => {
    expect(hardwareModels.has(model)).toBe(true);
  });

  test('includes MDM-only records', () => {
    const withoutProductName = fleet.devices.filter(
      (device) => factText(device, 'product_name') === null,
    );
    const reporting = (device: FleetDevice) =>
      ['hardware_model', 'device_model_name', 'system_version'].filter(
        (identifier) => factText(device, identifier) !== null,
      );

    expect(withoutProductName).toHaveLength(10);
    expect(withoutProductName.map(reporting).sort()).toEqual(
      [
        ...Array(7).fill(['hardware_model', 'device_model_name', 'system_version']),
        ...Array(2).fill(['device_model_name', 'system_version']),
        ['system_version'],
      ].sort(),
    );
  });

  test('includes re-enrolled duplicates', () => {
    const duplicates = [...recordsBySerial().values()].filter((records) => records.length > 1);
    const movedDevices = duplicates.filter(
      (records) => new Set(records.map((record) => factText(record, 'policy_id'))).size > 1,
    );

    expect(duplicates.map((records) => records.length).sort()).toEqual([2, 2, 2, 2, 2, 3]);
    for (const records of duplicates) {
      expect(new Set(records.map(lastOnline)).size).toBe(records.length);
    }
    expect(movedDevices.length).toBeGreaterThanOrEqual(1);
  });

  test('includes records without serial number', () => {
    const withoutSerial = fleet.devices.filter(
      (device) => factText(device, 'serial_number') === null,
    );

    expect(withoutSerial).toHaveLength(2);
  });

  test('includes empty, null and unknown policies', () => {
    const policyValues = fleet.devices.map((device) => factText(device, 'policy_id'));
    const unknown = policyValues.filter(
      (value) => value !== null && value !== '' && !policyIds.has(value),
    );

    expect(policyValues.filter((value) => value === '')).toHaveLength(2);
    expect(policyValues.filter((value) => value === null)).toHaveLength(1);
    expect(unknown).toHaveLength(2);
  });

  test('includes stale and never-seen devices', () => {
    const dates = fleet.devices.map(lastOnline);
    const stale = dates.filter((date) => date !== null && DEMO_FLEET_NOW - date > 60 * DAY_MS);

    expect(stale.length).toBeGreaterThanOrEqual(5);
    expect(dates.filter((date) => date === null)).toHaveLength(1);
  });

  test('includes Flex policy_ids beyond policy_id', () => {
    const flexDevices = fleet.devices.filter((device) => {
      const listed = device.facts.policy_ids?.value as string[] | null;
      return (listed?.length ?? 0) > 1 && listed?.[0] === factText(device, 'policy_id');
    });

    expect(flexDevices.length).toBeGreaterThanOrEqual(10);
  });
});
