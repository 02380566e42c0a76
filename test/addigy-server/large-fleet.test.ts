import { describe, expect, test } from 'vitest';
import { parseFleet } from '../../scripts/addigy-server/fleet';
import { generateLargeFleet } from '../../scripts/bench/large-fleet';

describe('generateLargeFleet', () => {
  test('makes the requested number of devices', () => {
    const fleet = generateLargeFleet(1_000);

    expect(fleet.devices).toHaveLength(1_000);
    expect(fleet.policies).toHaveLength(25);
  });

  test('spreads 100,000 devices over 2,500 policies', () => {
    const fleet = generateLargeFleet(100_000);
    const policyIds = new Set(fleet.devices.map((device) => device.facts.policy_id?.value));

    expect(fleet.devices).toHaveLength(100_000);
    expect(fleet.policies).toHaveLength(2_500);
    expect(policyIds.size).toBe(2_500);
  });

  test('passes fleet file validation', () => {
    const fleet = generateLargeFleet(500);

    expect(parseFleet(JSON.parse(JSON.stringify(fleet)), 'large fleet')).toEqual(fleet);
  });

  test('same seed gives the same fleet', () => {
    expect(generateLargeFleet(300, 7)).toEqual(generateLargeFleet(300, 7));
    expect(generateLargeFleet(300, 8)).not.toEqual(generateLargeFleet(300, 7));
  });

  test('agent ids and serial numbers are unique', () => {
    const fleet = generateLargeFleet(5_000);
    const agentIds = new Set(fleet.devices.map((device) => device.agentid));
    const serialNumbers = new Set(fleet.devices.map((device) => device.facts.serial_number?.value));

    expect(agentIds.size).toBe(5_000);
    expect(serialNumbers.size).toBe(5_000);
  });

  test('every device is in a listed policy', () => {
    const fleet = generateLargeFleet(2_000);
    const policyIds = new Set(fleet.policies.map((policy) => policy.policyId));

    for (const device of fleet.devices) {
      expect(policyIds.has(String(device.facts.policy_id?.value))).toBe(true);
      expect(device.facts.policy_ids?.value).toEqual([device.facts.policy_id?.value]);
    }
  });

  test('policies are client roots with up to four sites', () => {
    const fleet = generateLargeFleet(440);
    const roots = fleet.policies.filter((policy) => policy.parent === null);
    const rootIds = new Set(roots.map((root) => root.policyId));
    const sites = fleet.policies.filter((policy) => policy.parent !== null);

    expect(fleet.policies).toHaveLength(11);
    expect(roots.map((root) => root.name)).toEqual(['Client 0001', 'Client 0002', 'Client 0003']);
    expect(sites.map((site) => site.name)).toEqual([
      'Client 0001 - Site 1',
      'Client 0001 - Site 2',
      'Client 0001 - Site 3',
      'Client 0001 - Site 4',
      'Client 0002 - Site 1',
      'Client 0002 - Site 2',
      'Client 0002 - Site 3',
      'Client 0002 - Site 4',
    ]);
    for (const site of sites) expect(rootIds.has(String(site.parent))).toBe(true);
  });

  test('last_online counts back from now', () => {
    const now = Date.parse('2026-06-01T00:00:00.000Z');
    const fleet = generateLargeFleet(2_000, 1, now);
    const daysAgo = fleet.devices.map(
      (device) => (now - Date.parse(String(device.facts.last_online?.value))) / 86_400_000,
    );

    expect(Math.min(...daysAgo)).toBe(0);
    expect(Math.max(...daysAgo)).toBeLessThanOrEqual(240);
    expect(daysAgo.every(Number.isInteger)).toBe(true);
  });

  test.each([-1, 1.5, Number.NaN])('rejects device count %s', (deviceCount) => {
    expect(() => generateLargeFleet(deviceCount)).toThrow(
      `Invalid device count ${deviceCount}: give a whole number, 0 or more.`,
    );
  });
});
