import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  LOG_ENTRIES_KEPT,
  appendLogEntries,
  createLogPersistence,
  listLogEntries,
  type LogEntry,
} from '../../lib/log/log-store';
import { log, setLogSink } from '../../lib/log/logger';
import { useFreshStorage } from '../helpers/fresh-db';

function line(text: string): LogEntry {
  return { at: 1, level: 'info', text };
}

async function flushed(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  await vi.waitFor(async () => expect((await listLogEntries()).length).toBeGreaterThan(0));
}

describe('appendLogEntries', () => {
  beforeEach(useFreshStorage);

  it('keeps lines oldest first', async () => {
    await appendLogEntries([line('a'), line('b')]);
    await appendLogEntries([line('c')]);
    expect((await listLogEntries()).map((entry) => entry.text)).toEqual(['a', 'b', 'c']);
  });

  it(`keeps only the last ${LOG_ENTRIES_KEPT}`, async () => {
    const lines = Array.from({ length: LOG_ENTRIES_KEPT + 20 }, (_, index) => line(`${index}`));
    await appendLogEntries(lines.slice(0, 300));
    await appendLogEntries(lines.slice(300));
    const kept = await listLogEntries();
    expect(kept).toHaveLength(LOG_ENTRIES_KEPT);
    expect(kept[0]?.text).toBe('20');
    expect(kept.at(-1)?.text).toBe(`${LOG_ENTRIES_KEPT + 19}`);
  });
});

describe('logger with persistence', () => {
  beforeEach(async () => {
    await useFreshStorage();
    vi.spyOn(console, 'info').mockImplementation(() => {});
    vi.spyOn(console, 'error').mockImplementation(() => {});
  });
  afterEach(() => {
    setLogSink(null);
    vi.restoreAllMocks();
  });

  it('stores redacted lines in one batch', async () => {
    setLogSink(createLogPersistence(() => {}));
    log.info('Sync ab12 started.');
    log.error('Request failed.', new Error('GET /devices?client_secret=hunter22 returned 401'));
    await flushed();
    const entries = await listLogEntries();
    expect(entries.map((entry) => [entry.level, entry.text])).toEqual([
      ['info', 'Sync ab12 started.'],
      ['error', 'Request failed. Error: GET /devices?client_secret=[redacted] returned 401'],
    ]);
  });

  it('a failing write reaches onError, not the caller', async () => {
    const onError = vi.fn();
    const broken = vi.spyOn(indexedDB, 'open').mockImplementation(() => {
      throw new Error('storage is broken');
    });
    const { closeExtensionDb } = await import('../../lib/storage/db');
    await closeExtensionDb();
    setLogSink(createLogPersistence(onError));
    expect(() => log.info('Still logged.')).not.toThrow();
    await vi.waitFor(() => expect(onError).toHaveBeenCalledTimes(1));
    expect(onError.mock.calls[0]?.[1]).toBe(1);
    broken.mockRestore();
  });

  it('a throwing sink does not break logging', () => {
    setLogSink(() => {
      throw new Error('sink failed');
    });
    expect(() => log.info('Logged anyway.')).not.toThrow();
    expect(console.info).toHaveBeenCalledWith('[addigy-counts] Logged anyway.');
  });
});
