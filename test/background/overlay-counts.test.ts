import { describe, expect, it } from 'vitest';
import { overlayCountsFor } from '../../lib/background/overlay-counts';
import { countDevices } from '../../lib/counting/count-devices';
import type { ProductMapping } from '../../lib/mapping/product-mapping';
import type { Snapshot } from '../../lib/sync/snapshot';
import { device, policy } from '../helpers/devices';

const NOW = Date.parse('2026-12-01T00:00:00Z');

const snapshot: Snapshot = {
  createdAt: NOW,
  durationMs: 5,
  apiVersion: 'v2',
  fetchWarnings: [],
  counts: countDevices(
    [
      policy('a', 'Acme Dental'),
      policy('a1', 'Acme Dental - Kiosks', 'a'),
      policy('d1', 'Twin Co'),
      policy('d2', 'Twin Co'),
    ],
    [
      device({ agentId: '1', policyId: 'a', productName: 'MacBookPro18,3', lastOnline: NOW }),
      device({ agentId: '2', policyId: 'a1', productName: 'iPad13,4', lastOnline: NOW }),
      device({ agentId: '3', policyId: 'a1', productName: 'iPhone14,2', lastOnline: NOW }),
    ],
    { accountLevel: { kind: 'roots' }, staleAfterDays: 30, now: NOW },
  ),
};

const mappings: ProductMapping[] = [
  { productId: 'MDM-MAC', service: 'macOS' },
  { productId: 'MDM-IPAD', service: 'iPadOS' },
  { productId: 'MDM-TOTAL', service: 'total' },
];

describe('overlayCountsFor', () => {
  it('returns rolled-up counts of mapped lines only', () => {
    expect(
      overlayCountsFor(
        snapshot,
        { companyName: 'Acme Dental', mappedPolicyId: null },
        ['MDM-MAC', 'MDM-TOTAL', 'HELPDESK', 'MDM-IPAD'],
        mappings,
      ),
    ).toEqual({
      policyName: 'Acme Dental',
      matchedBy: 'name',
      snapshotCreatedAt: NOW,
      breakdown: {
        total: 3,
        stale: 0,
        byOs: { macOS: 1, iOS: 1, iPadOS: 1, tvOS: 0, watchOS: 0, visionOS: 0, other: 0 },
        children: [{ name: 'Acme Dental - Kiosks', total: 2 }],
        mergedDuplicates: 0,
      },
      lines: [
        { productId: 'MDM-MAC', service: 'macOS', count: 1 },
        { productId: 'MDM-TOTAL', service: 'total', count: 3 },
        { productId: 'MDM-IPAD', service: 'iPadOS', count: 1 },
      ],
    });
  });

  it('trims the company name', () => {
    expect(
      overlayCountsFor(
        snapshot,
        { companyName: '  Acme Dental ', mappedPolicyId: null },
        ['MDM-TOTAL'],
        mappings,
      )?.lines,
    ).toEqual([{ productId: 'MDM-TOTAL', service: 'total', count: 3 }]);
  });

  it.each([
    ['a different case', 'acme dental'],
    ['a child policy name', 'Acme Dental - Kiosks'],
    ['two policies with the name', 'Twin Co'],
    ['an unknown name', 'Globex'],
  ])('returns null for %s', (_case, name) => {
    expect(
      overlayCountsFor(
        snapshot,
        { companyName: name, mappedPolicyId: null },
        ['MDM-TOTAL'],
        mappings,
      ),
    ).toBeNull();
  });

  it('mapped policy wins over the name', () => {
    const target = { companyName: 'Acme Dental', mappedPolicyId: 'a1' };
    const counts = overlayCountsFor(snapshot, target, ['MDM-TOTAL'], mappings);
    expect(counts?.policyName).toBe('Acme Dental - Kiosks');
    expect(counts?.matchedBy).toBe('mapping');
    expect(counts?.lines).toEqual([{ productId: 'MDM-TOTAL', service: 'total', count: 2 }]);
  });

  it('mapping resolves a shared name', () => {
    const target = { companyName: 'Twin Co', mappedPolicyId: 'd2' };
    expect(overlayCountsFor(snapshot, target, ['MDM-TOTAL'], mappings)?.policyName).toBe('Twin Co');
  });

  it('lists a repeated product id once', () => {
    expect(
      overlayCountsFor(
        snapshot,
        { companyName: 'Acme Dental', mappedPolicyId: null },
        ['MDM-MAC', 'MDM-MAC'],
        mappings,
      )?.lines,
    ).toHaveLength(1);
  });
});
