import { describe, expect, it } from 'vitest';
import { countDevices } from '../../lib/counting/count-devices';
import {
  buildClientRows,
  descendantRows,
  filterRows,
  indexChildren,
  sortRows,
  type ClientRow,
} from '../../lib/popup/table-rows';
import type { PolicyReconciliation } from '../../lib/reconciliation/reconcile';
import { device, policy } from '../helpers/devices';

const NOW = Date.parse('2026-12-01T00:00:00Z');
const OLD = NOW - 90 * 86_400_000;
const COUNTS = countDevices(
  [
    policy('a', 'Acme'),
    policy('a1', 'Acme Kiosks', 'a'),
    policy('a2', 'Acme Lab', 'a1'),
    policy('a3', 'Acme Front', 'a'),
    policy('b', 'beta clinic'),
    policy('o', 'Oakridge'),
  ],
  [
    device({ agentId: '1', policyId: 'a', productName: 'Mac14,2', lastOnline: NOW }),
    device({ agentId: '2', policyId: 'a2', productName: 'iPhone15,2', lastOnline: NOW }),
    device({ agentId: '3', policyId: 'a1', productName: 'iPad8,3', lastOnline: OLD }),
    device({ agentId: '4', policyId: 'o', productName: 'Mac14,2', lastOnline: NOW }),
    device({ agentId: '5', policyId: 'o', productName: 'Mac14,2', lastOnline: NOW }),
  ],
  { accountLevel: { kind: 'roots' }, staleAfterDays: 30, now: NOW },
);

function reconciliation(difference: number): PolicyReconciliation {
  return {
    mapped: true,
    agreements: [],
    billed: 10,
    count: 10 + difference,
    difference,
    off: difference !== 0,
  };
}

const ROWS = buildClientRows(
  COUNTS,
  { o: reconciliation(-2), b: reconciliation(0) },
  { a: [1, 3] },
  { o: { added: 2, removed: 0, addedNames: [], removedNames: [] } },
);
const names = (rows: readonly ClientRow[]) => rows.map((row) => row.name);

describe('buildClientRows', () => {
  it('joins counts, reconciliation, changes and trend', () => {
    expect(names(ROWS)).toEqual(['Acme', 'beta clinic', 'Oakridge']);
    expect(ROWS[0]).toMatchObject({
      policyId: 'a',
      reconciliation: null,
      change: { added: 0, removed: 0 },
      trend: [1, 3],
      hasChildren: true,
    });
    expect(ROWS[0]?.counts.total).toBe(3);
    expect(ROWS[2]?.reconciliation?.difference).toBe(-2);
    expect(ROWS[2]?.hasChildren).toBe(false);
  });

  it('leaves changes null on the first sync', () => {
    expect(buildClientRows(COUNTS, {}, {}, undefined)[0]?.change).toBeNull();
  });
});

describe('filterRows', () => {
  it.each([
    ['acm', 'all', ['Acme']],
    ['  BETA ', 'all', ['beta clinic']],
    ['', 'off', ['Oakridge']],
    ['', 'unmapped', ['Acme']],
    ['', 'stale', ['Acme']],
    ['oak', 'unmapped', []],
  ] as const)('%j with %s', (query, filter, expected) => {
    expect(names(filterRows(ROWS, query, filter))).toEqual(expected);
  });
});

describe('sortRows', () => {
  it.each([
    ['name', 'descending', ['Oakridge', 'beta clinic', 'Acme']],
    ['total', 'descending', ['Acme', 'Oakridge', 'beta clinic']],
    ['total', 'ascending', ['beta clinic', 'Oakridge', 'Acme']],
    ['macOS', 'descending', ['Oakridge', 'Acme', 'beta clinic']],
    ['stale', 'descending', ['Acme', 'beta clinic', 'Oakridge']],
    ['difference', 'ascending', ['Oakridge', 'beta clinic', 'Acme']],
    ['difference', 'descending', ['beta clinic', 'Oakridge', 'Acme']],
    ['change', 'descending', ['Oakridge', 'Acme', 'beta clinic']],
  ] as const)('%s %s', (key, direction, expected) => {
    expect(names(sortRows(ROWS, { key, direction }))).toEqual(expected);
  });
});

describe('descendantRows', () => {
  it('lists descendants depth first with direct counts', () => {
    const rows = descendantRows(COUNTS, indexChildren(COUNTS), 'a');
    expect(rows.map((row) => [row.name, row.depth, row.direct.total])).toEqual([
      ['Acme Front', 1, 0],
      ['Acme Kiosks', 1, 1],
      ['Acme Lab', 2, 1],
    ]);
  });
});
