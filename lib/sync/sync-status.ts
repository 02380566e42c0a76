/**
 * The state of the sync, in `storage.local` so that every open popup follows it through
 * `storage.onChanged` without polling.
 */
import { browser } from 'wxt/browser';
import { z } from 'zod';

const STATUS_KEY = 'syncStatus';

export const syncStatusSchema = z.object({
  state: z.enum(['idle', 'running', 'failed']),
  runId: z.string().nullable(),
  startedAt: z.number().nullable(),
  finishedAt: z.number().nullable(),
  pagesFetched: z.number().int().nonnegative(),
  pagesExpected: z.number().int().nonnegative().nullable(),
  /** The last failure, worded for the user with what to do next; null after a success. */
  error: z.string().nullable(),
  /** When Addigy's rate-limit block ends; no sync starts before then. */
  blockedUntil: z.number().nullable().catch(null),
});

export type SyncStatus = z.infer<typeof syncStatusSchema>;

export const IDLE_STATUS: SyncStatus = {
  state: 'idle',
  runId: null,
  startedAt: null,
  finishedAt: null,
  pagesFetched: 0,
  pagesExpected: null,
  error: null,
  blockedUntil: null,
};

export async function loadSyncStatus(): Promise<SyncStatus> {
  const stored = await browser.storage.local.get(STATUS_KEY);
  const parsed = syncStatusSchema.safeParse(stored[STATUS_KEY]);
  return parsed.success ? parsed.data : IDLE_STATUS;
}

export async function saveSyncStatus(status: SyncStatus): Promise<void> {
  await browser.storage.local.set({ [STATUS_KEY]: status });
}

/** Calls `listener` with every new status; returns a function that stops listening. */
export function watchSyncStatus(listener: (status: SyncStatus) => void): () => void {
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local' || !(STATUS_KEY in changes)) return;
    const parsed = syncStatusSchema.safeParse(changes[STATUS_KEY]?.newValue);
    if (parsed.success) listener(parsed.data);
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}
