/**
 * Merges device records that share a serial number. Re-enrolling a device in Addigy leaves the
 * old record behind, so several records can describe one device.
 */
import type { DeviceRecord } from '../addigy/types';
import type { CountWarning } from './types';

/** The records left after merging, and one warning per serial number that had duplicates. */
export interface MergedDevices {
  devices: DeviceRecord[];
  warnings: CountWarning[];
}

/**
 * Keeps one record per serial number, the one with the latest `lastOnline`. A null
 * `lastOnline` is older than any time, and on a tie the record that comes later in `records`
 * wins. Serial numbers
 * are compared trimmed and case-insensitively, and the warnings give them trimmed and in upper
 * case. Records without a serial number are all kept. The kept records stay in the position of
 * the first record of their serial number.
 */
export function mergeDuplicateSerials(records: readonly DeviceRecord[]): MergedDevices {
  const devices: DeviceRecord[] = [];
  const seen = new Map<string, { index: number; records: number }>();

  for (const record of records) {
    const serial = record.serialNumber?.trim().toUpperCase();
    if (!serial) {
      devices.push(record);
      continue;
    }
    const entry = seen.get(serial);
    if (entry === undefined) {
      seen.set(serial, { index: devices.length, records: 1 });
      devices.push(record);
      continue;
    }
    entry.records += 1;
    if (isSeenNoEarlier(record, devices[entry.index]!)) devices[entry.index] = record;
  }

  const warnings: CountWarning[] = [];
  for (const [serialNumber, entry] of seen) {
    if (entry.records > 1) {
      warnings.push({ kind: 'duplicateSerial', serialNumber, records: entry.records });
    }
  }
  return { devices, warnings };
}

function isSeenNoEarlier(candidate: DeviceRecord, keptRecord: DeviceRecord): boolean {
  if (candidate.lastOnline === null) return keptRecord.lastOnline === null;
  return keptRecord.lastOnline === null || candidate.lastOnline >= keptRecord.lastOnline;
}
