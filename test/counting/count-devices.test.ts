import { describe, expect, it } from 'vitest';
import type { DeviceRecord } from '../../lib/addigy/types';
import { countDevices } from '../../lib/counting/count-devices';
import { DAY_MS, NOW, countOptions, device, osCounts, policy } from './builders';

const threeLevels = [policy('root'), policy('child', 'root'), policy('grandchild', 'child')];

describe('countDevices', () => {
  it('roll-up over three levels', () => {
    const devices = [
      device({ policyId: 'grandchild', productName: 'iPad8,3' }),
      device({ policyId: 'child', productName: 'MacBookAir9,1' }),
      device({ policyId: 'root', productName: 'iPhone14,5' }),
    ];
    const { policies } = countDevices(threeLevels, devices, countOptions());

    expect(policies.grandchild?.direct).toEqual(osCounts(1, { iPadOS: 1 }));
    expect(policies.grandchild?.rolledUp).toEqual(osCounts(1, { iPadOS: 1 }));
    expect(policies.child?.direct).toEqual(osCounts(1, { macOS: 1 }));
    expect(policies.child?.rolledUp).toEqual(osCounts(2, { macOS: 1, iPadOS: 1 }));
    expect(policies.root?.direct).toEqual(osCounts(1, { iOS: 1 }));
    expect(policies.root?.rolledUp).toEqual(osCounts(3, { macOS: 1, iOS: 1, iPadOS: 1 }));
  });

  it('Flex policy ids ignored', () => {
    const policies = [policy('root'), policy('child', 'root'), policy('flex')];
    // DeviceRecord has no Flex policy field, so this record carries one anyway to show that
    // counting never reads it.
    const record = { ...device({ policyId: 'child' }), policyIds: ['flex', 'root'] };
    const result = countDevices(policies, [record as DeviceRecord], countOptions());

    expect(result.policies.child?.direct).toEqual(osCounts(1, { macOS: 1 }));
    expect(result.policies.root?.direct).toEqual(osCounts(0));
    expect(result.policies.root?.rolledUp).toEqual(osCounts(1, { macOS: 1 }));
    expect(result.policies.flex?.rolledUp).toEqual(osCounts(0));
    expect(result.all).toEqual(osCounts(1, { macOS: 1 }));
  });

  it('duplicate serial counts once in latest policy', () => {
    const policies = [policy('old'), policy('new')];
    const devices = [
      device({ serialNumber: 'C02TEST0001', policyId: 'new', lastOnline: NOW - DAY_MS }),
      device({ serialNumber: ' c02test0001', policyId: 'old', lastOnline: null }),
      device({ serialNumber: null, policyId: 'old' }),
    ];
    const result = countDevices(policies, devices, countOptions());

    expect(result.policies.new?.direct).toEqual(osCounts(1, { macOS: 1 }));
    expect(result.policies.old?.direct).toEqual(osCounts(1, { macOS: 1 }));
    expect(result.all).toEqual(osCounts(2, { macOS: 2 }));
    expect(result.recordsReceived).toBe(3);
    expect(result.warnings).toEqual([
      { kind: 'duplicateSerial', serialNumber: 'C02TEST0001', records: 2 },
    ]);
  });

  it('unknown and empty policy unassigned', () => {
    const devices = [
      device({ policyId: null }),
      device({ policyId: '' }),
      device({ policyId: '  ' }),
      device({ policyId: 'ghost', productName: 'iPad8,3' }),
      device({ policyId: 'ghost', serialNumber: 'DUP' }),
      device({ policyId: 'ghost', serialNumber: 'DUP' }),
      device({ policyId: 'phantom', lastOnline: null }),
      device({ policyId: 'root' }),
    ];
    const result = countDevices([policy('root')], devices, countOptions());

    expect(result.unassigned).toEqual(osCounts(6, { macOS: 5, iPadOS: 1 }, 1));
    expect(result.policies.root?.rolledUp).toEqual(osCounts(1, { macOS: 1 }));
    expect(result.all).toEqual(osCounts(7, { macOS: 6, iPadOS: 1 }, 1));
    expect(result.notInAccount).toEqual(osCounts(0));
    expect(result.warnings).toEqual([
      { kind: 'duplicateSerial', serialNumber: 'DUP', records: 2 },
      { kind: 'unknownPolicy', policyId: 'ghost', devices: 2 },
      { kind: 'unknownPolicy', policyId: 'phantom', devices: 1 },
    ]);
  });

  it('empty policies present with zero counts', () => {
    const policies = [policy('root', null, 'Root'), policy('empty', 'root', 'Empty')];
    const result = countDevices(policies, [], countOptions());

    expect(result.policies).toEqual({
      root: {
        policyId: 'root',
        name: 'Root',
        parentId: null,
        direct: osCounts(0),
        rolledUp: osCounts(0),
      },
      empty: {
        policyId: 'empty',
        name: 'Empty',
        parentId: 'root',
        direct: osCounts(0),
        rolledUp: osCounts(0),
      },
    });
    expect(result.all).toEqual(osCounts(0));
    expect(result.recordsReceived).toBe(0);
    expect(result.warnings).toEqual([]);
  });

  it('cut parent links reported', () => {
    const policies = [
      policy('loop', 'loop', 'Loop'),
      policy('orphan', 'deleted', 'Orphan'),
      policy('leaf', 'orphan'),
      policy('pair-a', 'pair-b', 'Pair A'),
      policy('pair-b', 'pair-a', 'Pair B'),
    ];
    const devices = [
      device({ policyId: 'leaf' }),
      device({ policyId: 'loop' }),
      device({ policyId: 'pair-b' }),
    ];
    const result = countDevices(policies, devices, countOptions());

    expect(result.accountIds).toEqual(['loop', 'orphan', 'pair-a']);
    expect(result.policies.loop?.parentId).toBeNull();
    expect(result.policies.loop?.rolledUp).toEqual(osCounts(1, { macOS: 1 }));
    expect(result.policies.orphan?.parentId).toBeNull();
    expect(result.policies.orphan?.rolledUp).toEqual(osCounts(1, { macOS: 1 }));
    expect(result.policies['pair-b']?.parentId).toBe('pair-a');
    expect(result.policies['pair-a']?.rolledUp).toEqual(osCounts(1, { macOS: 1 }));
    expect(result.warnings).toEqual([
      { kind: 'danglingParent', policyId: 'orphan', policyName: 'Orphan', parentId: 'deleted' },
      { kind: 'cycle', policyId: 'loop', policyName: 'Loop' },
      { kind: 'cycle', policyId: 'pair-a', policyName: 'Pair A' },
    ]);
  });

  it('stale devices counted in total', () => {
    const devices = [
      device({ lastOnline: NOW - 30 * DAY_MS }),
      device({ lastOnline: NOW - 30 * DAY_MS - 1 }),
      device({ lastOnline: null, productName: 'iPhone14,5' }),
    ];
    const result = countDevices([policy('root')], devices, countOptions());

    expect(result.policies.root?.direct).toEqual(osCounts(3, { macOS: 2, iOS: 1 }, 2));
    expect(result.all).toEqual(osCounts(3, { macOS: 2, iOS: 1 }, 2));
  });

  it('invalid stale threshold throws', () => {
    expect(() => countDevices([], [], countOptions({ staleAfterDays: -5 }))).toThrow(RangeError);
  });
});

describe('countDevices account level', () => {
  const policies = [
    policy('msp', null, 'MSP Holding'),
    policy('client-b', 'msp', 'Client B'),
    policy('client-a', 'msp', 'Client A'),
    policy('site-a1', 'client-a', 'Site A1'),
    policy('other-root', null, 'Other Root'),
  ];
  const devices = [
    device({ policyId: 'msp' }),
    device({ policyId: 'client-a' }),
    device({ policyId: 'site-a1', productName: 'iPad8,3' }),
    device({ policyId: 'site-a1', productName: 'iPad8,3' }),
    device({ policyId: 'client-b', productName: 'iPhone14,5' }),
    device({ policyId: 'other-root', lastOnline: null }),
    device({ policyId: null }),
  ];

  it('roots level leaves nothing outside', () => {
    const result = countDevices(policies, devices, countOptions());

    expect(result.accountIds).toEqual(['msp', 'other-root']);
    expect(result.notInAccount).toEqual(osCounts(0));
    expect(result.unassigned).toEqual(osCounts(1, { macOS: 1 }));
    expect(result.all).toEqual(osCounts(7, { macOS: 4, iOS: 1, iPadOS: 2 }, 1));
  });

  it('children-of level counts parent and other roots outside', () => {
    const accountLevel = { kind: 'children', parentId: 'msp' } as const;
    const result = countDevices(policies, devices, countOptions({ accountLevel }));

    expect(result.accountIds).toEqual(['client-a', 'client-b']);
    expect(result.policies['client-a']?.rolledUp).toEqual(osCounts(3, { macOS: 1, iPadOS: 2 }));
    expect(result.policies['client-b']?.rolledUp).toEqual(osCounts(1, { iOS: 1 }));
    expect(result.notInAccount).toEqual(osCounts(2, { macOS: 2 }, 1));
    expect(result.unassigned).toEqual(osCounts(1, { macOS: 1 }));
    expect(result.all).toEqual(osCounts(7, { macOS: 4, iOS: 1, iPadOS: 2 }, 1));
  });

  it('missing chosen parent throws', () => {
    const accountLevel = { kind: 'children', parentId: 'deleted-msp' } as const;
    expect(() => countDevices(policies, devices, countOptions({ accountLevel }))).toThrow(
      'The policy chosen as the account level (id deleted-msp) was not found in Addigy. ' +
        'Choose another account level in the options.',
    );
  });
});
