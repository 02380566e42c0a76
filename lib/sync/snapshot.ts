import type { CountResult } from '../counting/types';
import type { AccountChanges } from './device-changes';

/** A warning from fetching, as opposed to one from counting. */
export type FetchWarning =
  | { kind: 'totalMismatch'; reported: number; received: number }
  | { kind: 'repeatedAgentIds'; count: number };

/** One completed sync: what the popup, the overlay and the CSV export read. */
export interface Snapshot {
  /** Assigned by IndexedDB on insert; increases with every sync. */
  id?: number;
  /** When the sync finished, in milliseconds since the epoch. */
  createdAt: number;
  durationMs: number;
  apiVersion: 'v1' | 'v2';
  counts: CountResult;
  fetchWarnings: FetchWarning[];
  /**
   * Devices added to and removed from each account policy since the previous sync. Missing on
   * the first sync and on snapshots stored before this field existed.
   */
  changes?: AccountChanges;
}
