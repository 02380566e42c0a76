/**
 * Recent log lines of the background, already redacted, kept in the `logEntries` store so that
 * the options page can offer them as a download for support. Lines are queued and written in
 * one transaction per task, and a failing write drops its lines without disturbing the logger.
 */
import { openExtensionDb } from '../storage/db';

/** The number of lines kept: the store is a ring buffer of the most recent ones. */
export const LOG_ENTRIES_KEPT = 500;
/** Lines waiting beyond this many are dropped, so a database that never opens cannot fill memory. */
const MAX_QUEUED = LOG_ENTRIES_KEPT;

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface LogEntry {
  /** Assigned by IndexedDB on insert; increases with every line. */
  id?: number;
  /** Milliseconds since the epoch. */
  at: number;
  level: LogLevel;
  /** The message and its details after redaction. */
  text: string;
}

/** Appends `entries` and deletes the lines older than the last `LOG_ENTRIES_KEPT`. */
export async function appendLogEntries(entries: readonly LogEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const db = await openExtensionDb();
  const transaction = db.transaction('logEntries', 'readwrite');
  const store = transaction.objectStore('logEntries');
  let lastId = 0;
  for (const entry of entries) lastId = await store.add(entry);
  if (lastId > LOG_ENTRIES_KEPT) {
    await store.delete(IDBKeyRange.upperBound(lastId - LOG_ENTRIES_KEPT));
  }
  await transaction.done;
}

/** Returns the kept lines, oldest first. */
export async function listLogEntries(): Promise<LogEntry[]> {
  const db = await openExtensionDb();
  return db.getAll('logEntries');
}

/**
 * Returns a sink for the logger that queues lines and writes them in the next task. `onError`
 * hears about a failed write; it must not log through the logger, or a broken database would
 * feed itself.
 */
export function createLogPersistence(
  onError: (error: unknown, dropped: number) => void,
): (entry: LogEntry) => void {
  let queue: LogEntry[] = [];
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    const batch = queue;
    queue = [];
    appendLogEntries(batch).catch((error: unknown) => onError(error, batch.length));
  };
  return (entry) => {
    if (queue.length >= MAX_QUEUED) return;
    queue.push(entry);
    if (scheduled) return;
    scheduled = true;
    setTimeout(flush, 0);
  };
}
