import { describe, expect, it } from 'vitest';
import type { DeviceRecord } from '../../lib/addigy/types';
import { mergeDuplicateSerials } from '../../lib/counting/duplicates';
import { NOW, device } from './builders';

const HOUR = 3_600_000;

describe('mergeDuplicateSerials', () => {
  it.each<[string, (number | null)[], string]>([
    ['latest wins', [NOW - 2 * HOUR, NOW - HOUR], 'agent-1'],
    ['latest wins listed first', [NOW - HOUR, NOW - 2 * HOUR], 'agent-0'],
    ['null is oldest', [NOW - 90 * 24 * HOUR, null], 'agent-0'],
    ['null is oldest listed first', [null, NOW - 90 * 24 * HOUR], 'agent-1'],
    ['tie keeps later record', [NOW, NOW], 'agent-1'],
    ['both null keeps later record', [null, null], 'agent-1'],
    ['latest of three wins', [NOW - HOUR, NOW, NOW - 2 * HOUR], 'agent-1'],
  ])('%s', (_case, lastOnlineTimes, expectedAgentId) => {
    const records = lastOnlineTimes.map((lastOnline, index) =>
      device({ agentId: `agent-${index}`, serialNumber: 'C02TEST0001', lastOnline }),
    );
    const { devices, warnings } = mergeDuplicateSerials(records);
    expect(devices.map((record) => record.agentId)).toEqual([expectedAgentId]);
    expect(warnings).toEqual([
      { kind: 'duplicateSerial', serialNumber: 'C02TEST0001', records: lastOnlineTimes.length },
    ]);
  });

  it('serial compared trimmed and case-insensitively', () => {
    const records = [
      device({ agentId: 'old', serialNumber: ' c02test0001 ', lastOnline: NOW - HOUR }),
      device({ agentId: 'new', serialNumber: 'C02TEST0001', lastOnline: NOW }),
    ];
    const { devices, warnings } = mergeDuplicateSerials(records);
    expect(devices.map((record) => record.agentId)).toEqual(['new']);
    expect(warnings).toEqual([
      { kind: 'duplicateSerial', serialNumber: 'C02TEST0001', records: 2 },
    ]);
  });

  it('records without serial kept', () => {
    const records: DeviceRecord[] = [
      device({ agentId: 'a', serialNumber: null }),
      device({ agentId: 'b', serialNumber: '' }),
      device({ agentId: 'c', serialNumber: '   ' }),
      device({ agentId: 'd', serialNumber: null }),
    ];
    const { devices, warnings } = mergeDuplicateSerials(records);
    expect(devices.map((record) => record.agentId)).toEqual(['a', 'b', 'c', 'd']);
    expect(warnings).toEqual([]);
  });

  it('kept record takes first position', () => {
    const records = [
      device({ agentId: 'x-old', serialNumber: 'X', lastOnline: NOW - HOUR }),
      device({ agentId: 'y', serialNumber: 'Y' }),
      device({ agentId: 'x-new', serialNumber: 'X', lastOnline: NOW }),
    ];
    expect(mergeDuplicateSerials(records).devices.map((record) => record.agentId)).toEqual([
      'x-new',
      'y',
    ]);
  });

  it('distinct serials give no warning', () => {
    const records = [device({ serialNumber: 'A' }), device({ serialNumber: 'B' })];
    const { devices, warnings } = mergeDuplicateSerials(records);
    expect(devices).toHaveLength(2);
    expect(warnings).toEqual([]);
  });
});
