/**
 * Recent log lines, already redacted, kept in the `logEntries` store so that the options page can
 * offer them as a download for support.
 */

export interface LogEntry {
  /** Assigned by IndexedDB on insert. */
  id?: number;
  at: number;
  level: 'debug' | 'info' | 'warn' | 'error';
  /** The message and its details after redaction. */
  text: string;
}
