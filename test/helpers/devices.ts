import type { DeviceRecord, Policy } from '../../lib/addigy/types';

/** A device record with every fact empty except those given. */
export function device(facts: Partial<DeviceRecord> & { agentId: string }): DeviceRecord {
  return {
    serialNumber: null,
    policyId: null,
    productName: null,
    hardwareModel: null,
    deviceModelName: null,
    systemVersion: null,
    lastOnline: null,
    deviceName: null,
    ...facts,
  };
}

export function policy(id: string, name: string, parentId: string | null = null): Policy {
  return { id, name, parentId };
}
