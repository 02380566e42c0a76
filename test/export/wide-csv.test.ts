import { describe, expect, it } from 'vitest';
import { countDevices } from '../../lib/counting/count-devices';
import { rowToTsv, snapshotToWideCsv, WIDE_CSV_HEADER } from '../../lib/export/wide-csv';
import type { Snapshot } from '../../lib/sync/snapshot';
import { device, policy } from '../helpers/devices';

const NOW = Date.parse('2026-12-01T00:00:00Z');

describe('snapshotToWideCsv', () => {
  it('writes one column per OS type', () => {
    const snapshot: Snapshot = {
      createdAt: NOW,
      durationMs: 1,
      apiVersion: 'v2',
      fetchWarnings: [],
      counts: countDevices(
        [policy('a', 'Acme, Inc.'), policy('k', 'Kids', 'a'), policy('=x', '=cmd')],
        [
          device({ agentId: '1', policyId: 'k', productName: 'iPad8,3', lastOnline: NOW }),
          device({ agentId: '2', policyId: 'a', productName: 'Mac14,2', lastOnline: null }),
          device({ agentId: '3', policyId: 'gone', productName: 'iPhone15,2', lastOnline: NOW }),
        ],
        { accountLevel: { kind: 'roots' }, staleAfterDays: 30, now: NOW },
      ),
    };
    expect(snapshotToWideCsv(snapshot).split('\r\n')).toEqual([
      'policy_id,policy_name,total,macOS,iOS,iPadOS,tvOS,watchOS,visionOS,other,stale',
      `'=x,'=cmd,0,0,0,0,0,0,0,0,0`,
      'a,"Acme, Inc.",2,1,0,1,0,0,0,0,1',
      ',Unassigned,1,0,1,0,0,0,0,0,0',
      '',
    ]);
    expect(WIDE_CSV_HEADER.split(',')).toHaveLength(11);
  });
});

describe('rowToTsv', () => {
  it('joins cells with tabs', () => {
    expect(rowToTsv(['Acme\tDental\n', 12, -2, null])).toBe('Acme Dental \t12\t-2\t');
  });

  it('guards text a spreadsheet would run', () => {
    expect(rowToTsv(['=HYPERLINK("x")', '-x', 5])).toBe(`'=HYPERLINK("x")\t'-x\t5`);
  });
});
