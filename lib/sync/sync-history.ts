/**
 * One line per finished sync, successful or not, for the diagnostics in the options. Kept in the
 * `syncHistory` store; the options page shows the most recent ones.
 */

export interface SyncHistoryEntry {
  /** Assigned by IndexedDB on insert. */
  id?: number;
  runId: string;
  apiVersion: 'v1' | 'v2';
  startedAt: number;
  finishedAt: number;
  outcome: 'succeeded' | 'failed' | 'cancelled';
  pagesFetched: number;
  devicesReceived: number;
  /** The error as the user saw it; null after a success. */
  error: string | null;
  /** Fetch and count warnings, worded for the user. */
  warnings: string[];
}
