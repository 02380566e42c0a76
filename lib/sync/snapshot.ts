import type { CountResult } from '../counting/types';

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
}
