import { describe, expect, it } from 'vitest';
import { countDevices } from '../../lib/counting/count-devices';
import { MAX_NAMED_DEVICES, buildMembership, diffMembership } from '../../lib/sync/device-changes';
import { device, policy } from '../helpers/devices';

const NOW = Date.parse('2026-12-01T00:00:00Z');
const POLICIES = [
  policy('a', 'Acme'),
  policy('a1', 'Acme Kiosks', 'a'),
  policy('a2', 'Acme Lab', 'a1'),
  policy('o', 'Oakridge'),
];

function membershipOf(devices: Parameters<typeof buildMembership>[1]) {
  const counts = countDevices(POLICIES, devices, {
    accountLevel: { kind: 'roots' },
    staleAfterDays: 30,
    now: NOW,
  });
  return buildMembership(counts, devices);
}

describe('buildMembership', () => {
  it('assigns grandchild devices to their account', () => {
    const membership = membershipOf([
      device({ agentId: '1', serialNumber: 'c02', policyId: 'a2', deviceName: 'Lab Mac' }),
      device({ agentId: '2', policyId: 'o' }),
    ]);
    expect(membership.keys).toEqual(['C02', 'agent:2']);
    expect(membership.accounts).toEqual(['a', 'o']);
    expect(membership.names).toEqual(['Lab Mac', '']);
  });

  it('leaves out devices outside every account', () => {
    const membership = membershipOf([
      device({ agentId: '1', policyId: 'unknown' }),
      device({ agentId: '2', policyId: null }),
    ]);
    expect(membership.keys).toEqual([]);
  });

  it('keeps the latest record of a duplicate serial', () => {
    const membership = membershipOf([
      device({ agentId: '1', serialNumber: 'S1', policyId: 'a', lastOnline: NOW - 1000 }),
      device({ agentId: '2', serialNumber: 's1', policyId: 'o', lastOnline: NOW }),
    ]);
    expect(membership.keys).toEqual(['S1']);
    expect(membership.accounts).toEqual(['o']);
  });
});

describe('diffMembership', () => {
  const before = {
    keys: ['A', 'B', 'C'],
    accounts: ['a', 'a', 'o'],
    names: ['Mac A', 'Mac B', ''],
  };

  it('counts added and removed devices per account', () => {
    const after = {
      keys: ['A', 'C', 'D'],
      accounts: ['a', 'o', 'a'],
      names: ['Mac A', '', 'Mac D'],
    };
    expect(diffMembership(before, after)).toEqual({
      a: { added: 1, removed: 1, addedNames: ['Mac D'], removedNames: ['Mac B'] },
    });
  });

  it('counts a moved device in both accounts', () => {
    const after = {
      keys: ['A', 'B', 'C'],
      accounts: ['a', 'a', 'a'],
      names: ['Mac A', 'Mac B', ''],
    };
    expect(diffMembership(before, after)).toEqual({
      a: { added: 1, removed: 0, addedNames: ['C'], removedNames: [] },
      o: { added: 0, removed: 1, addedNames: [], removedNames: ['C'] },
    });
  });

  it('keeps account ids like __proto__ as keys', () => {
    const changes = diffMembership(
      { keys: ['A'], accounts: ['constructor'], names: ['Mac A'] },
      { keys: ['A', 'B'], accounts: ['__proto__', '__proto__'], names: ['Mac A', 'Mac B'] },
    );
    expect(Object.keys(changes).sort()).toEqual(['__proto__', 'constructor']);
    expect(changes['__proto__']?.added).toBe(2);
    expect(changes['constructor']?.removed).toBe(1);
    expect(Object.hasOwn(Object.prototype, 'added')).toBe(false);
  });

  it('returns nothing when nothing changed', () => {
    expect(diffMembership(before, before)).toEqual({});
  });

  it('keeps at most a few names', () => {
    const keys = Array.from({ length: 20 }, (_, index) => `K${index}`);
    const after = { keys, accounts: keys.map(() => 'a'), names: keys };
    const changes = diffMembership({ keys: [], accounts: [], names: [] }, after);
    expect(changes.a?.added).toBe(20);
    expect(changes.a?.addedNames).toHaveLength(MAX_NAMED_DEVICES);
  });

  it('diffs 100,000 devices', () => {
    const keys = Array.from({ length: 100_000 }, (_, index) => `S${index}`);
    const previous = { keys, accounts: keys.map((_, index) => `p${index % 2000}`), names: keys };
    const next = { ...previous, accounts: [...previous.accounts] };
    next.accounts[5] = 'p1';
    const changes = diffMembership(previous, next);
    expect(Object.keys(changes).sort()).toEqual(['p1', 'p5']);
    expect(changes.p1?.added).toBe(1);
    expect(changes.p5?.removed).toBe(1);
  });
});
