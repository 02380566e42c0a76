/** The user's wording of a snapshot's fetch and count warnings, shared by popup and diagnostics. */
import type { CountWarning } from '../counting/types';
import type { FetchWarning, Snapshot } from './snapshot';

export function describeCountWarning(warning: CountWarning): string {
  switch (warning.kind) {
    case 'cycle':
      return `Policy "${warning.policyName}" is part of a parent loop in Addigy; it is counted as a top-level policy.`;
    case 'danglingParent':
      return `Policy "${warning.policyName}" names a parent that does not exist; it is counted as a top-level policy.`;
    case 'duplicateSerial':
      return `Serial ${warning.serialNumber} has ${warning.records} device records; counted once, in the most recently seen record's policy.`;
    case 'unknownPolicy':
      return `${warning.devices} device(s) name policy ${warning.policyId}, which does not exist; counted under Unassigned.`;
  }
}

export function describeFetchWarning(warning: FetchWarning): string {
  switch (warning.kind) {
    case 'totalMismatch':
      return `Addigy reported ${warning.reported} devices but sent ${warning.received}. Devices may have been added or removed during the sync; sync again to check.`;
    case 'repeatedAgentIds':
      return `${warning.count} device record(s) arrived twice while paging and were counted once.`;
  }
}

/** Returns every warning of `snapshot`, fetch warnings first. */
export function describeSnapshotWarnings(snapshot: Snapshot): string[] {
  return [
    ...snapshot.fetchWarnings.map(describeFetchWarning),
    ...snapshot.counts.warnings.map(describeCountWarning),
  ];
}
