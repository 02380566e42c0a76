import { describe, expect, it } from 'vitest';
import type { DeviceRecord, Policy } from '../../lib/addigy/types';
import { countDevices } from '../../lib/counting/count-devices';
import { OS_TYPES, type OsCounts } from '../../lib/counting/types';
import { DAY_MS, NOW, countOptions, device, policy } from './builders';

const DEVICE_COUNT = 100_000;
const PRODUCT_NAMES = ['MacBookAir9,1', 'iPad8,3', 'iPhone14,5', 'AppleTV11,1', null];

/** Builds 5,000 policies: 100 roots, each with 7 children, each child with 6 grandchildren. */
function buildPolicies(): Policy[] {
  const policies: Policy[] = [];
  for (let r = 0; r < 100; r++) {
    policies.push(policy(`r${r}`));
    for (let c = 0; c < 7; c++) {
      policies.push(policy(`r${r}c${c}`, `r${r}`));
      for (let g = 0; g < 6; g++) policies.push(policy(`r${r}c${c}g${g}`, `r${r}c${c}`));
    }
  }
  return policies;
}

/**
 * Builds 100,000 records. Every 50th record repeats the previous serial, and some records have
 * no policy or an unknown one.
 */
function buildDevices(policies: Policy[]): DeviceRecord[] {
  return Array.from({ length: DEVICE_COUNT }, (_unused, i) => {
    let policyId: string | null = policies[i % policies.length]!.id;
    if (i % 97 === 0) policyId = null;
    else if (i % 89 === 0) policyId = `unknown-${i % 7}`;
    return device({
      agentId: `agent-${i}`,
      serialNumber: i % 50 === 49 ? `S${i - 1}` : `S${i}`,
      policyId,
      productName: PRODUCT_NAMES[i % PRODUCT_NAMES.length]!,
      lastOnline: NOW - (i % 60) * DAY_MS,
    });
  });
}

function sumTotals(counts: OsCounts[]): number {
  return counts.reduce((sum, counts) => sum + counts.total, 0);
}

describe('countDevices large fleet', () => {
  const policies = buildPolicies();
  const devices = buildDevices(policies);

  it.each([
    ['roots level', { kind: 'roots' } as const, 100],
    ['children-of level', { kind: 'children', parentId: 'r0' } as const, 7],
  ])('totals add up at %s', (_case, accountLevel, accountCount) => {
    const result = countDevices(policies, devices, countOptions({ accountLevel }));
    const policyCounts = Object.values(result.policies);
    const accounts = result.accountIds.map((id) => result.policies[id]!.rolledUp);

    expect(policyCounts).toHaveLength(5_000);
    expect(result.accountIds).toHaveLength(accountCount);
    expect(result.recordsReceived).toBe(DEVICE_COUNT);
    expect(result.all.total).toBe(DEVICE_COUNT - DEVICE_COUNT / 50);
    expect(result.warnings.filter((w) => w.kind === 'duplicateSerial')).toHaveLength(2_000);
    expect(sumTotals(policyCounts.map((p) => p.direct)) + result.unassigned.total).toBe(
      result.all.total,
    );
    expect(sumTotals(accounts) + result.notInAccount.total + result.unassigned.total).toBe(
      result.all.total,
    );
    expect(OS_TYPES.reduce((sum, osType) => sum + result.all.byOs[osType], 0)).toBe(
      result.all.total,
    );
    expect(result.all.stale).toBeGreaterThan(0);
    expect(result.all.stale).toBeLessThan(result.all.total);
  });
});
