import { describe, expect, it } from 'vitest';
import { countDevices } from '../../lib/counting/count-devices';
import { CSV_HEADER, csvField, snapshotToCsv } from '../../lib/export/csv';
import type { Snapshot } from '../../lib/sync/snapshot';
import { device, policy } from '../helpers/devices';

const NOW = Date.parse('2026-12-01T00:00:00Z');
const recent = NOW - 86_400_000;

function snapshotOf(counts: Snapshot['counts']): Snapshot {
  return { createdAt: NOW, durationMs: 1, apiVersion: 'v2', counts, fetchWarnings: [] };
}

describe('snapshotToCsv', () => {
  it('writes one row per account policy and OS type', () => {
    const counts = countDevices(
      [policy('a', 'Acme'), policy('a1', 'Acme Kiosks', 'a'), policy('b', 'Beta, Inc.')],
      [
        device({ agentId: '1', policyId: 'a', productName: 'MacBookAir9,1', lastOnline: recent }),
        device({ agentId: '2', policyId: 'a1', productName: 'iPad8,3', lastOnline: recent }),
        device({ agentId: '3', policyId: 'a1', productName: 'iPad8,3', lastOnline: recent }),
        device({ agentId: '4', policyId: 'gone', productName: 'iPhone14,2', lastOnline: recent }),
      ],
      { accountLevel: { kind: 'roots' }, staleAfterDays: 30, now: NOW },
    );
    expect(snapshotToCsv(snapshotOf(counts)).split('\r\n')).toEqual([
      CSV_HEADER,
      'a,Acme,total,3',
      'a,Acme,macOS,1',
      'a,Acme,iPadOS,2',
      'b,"Beta, Inc.",total,0',
      ',Unassigned,total,1',
      ',Unassigned,iOS,1',
      '',
    ]);
  });

  it('lists devices outside every account', () => {
    const counts = countDevices(
      [policy('root', 'Managed Clients'), policy('c', 'Client C', 'root'), policy('x', 'Lab')],
      [
        device({ agentId: '1', policyId: 'c', productName: 'Macmini9,1', lastOnline: recent }),
        device({ agentId: '2', policyId: 'x', productName: 'AppleTV11,1', lastOnline: recent }),
      ],
      { accountLevel: { kind: 'children', parentId: 'root' }, staleAfterDays: 30, now: NOW },
    );
    expect(snapshotToCsv(snapshotOf(counts)).split('\r\n')).toEqual([
      CSV_HEADER,
      'c,Client C,total,1',
      'c,Client C,macOS,1',
      ',Not in a client policy,total,1',
      ',Not in a client policy,tvOS,1',
      '',
    ]);
  });
});

describe('csvField', () => {
  it.each([
    ['plain', 'plain'],
    ['with, comma', '"with, comma"'],
    ['say "hi"', '"say ""hi"""'],
    ['line\nbreak', '"line\nbreak"'],
    ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ['+1', "'+1"],
    ['-5', "'-5"],
    ['@sum', "'@sum"],
  ])('escapes %j', (input, expected) => {
    expect(csvField(input)).toBe(expected);
  });
});
