import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startBackground } from '../../lib/background/start';
import { updateSettings } from '../../lib/settings/settings';
import { SYNC_ALARM } from '../../lib/sync/scheduler';
import { IDLE_STATUS, loadSyncStatus, saveSyncStatus } from '../../lib/sync/sync-status';
import { useFreshStorage } from '../helpers/fresh-db';

describe('startBackground', () => {
  beforeEach(async () => {
    await useFreshStorage();
    // WXT's fake browser implements neither permissions nor scripting; the end-to-end tests
    // cover the content script registration, and these tests only need start-up to go on.
    vi.spyOn(fakeBrowser.permissions.onRemoved, 'addListener').mockImplementation(() => {});
    vi.spyOn(console, 'error').mockImplementation(() => {});
  });

  it('creates the sync alarm with the default interval', async () => {
    await startBackground();
    expect((await fakeBrowser.alarms.get(SYNC_ALARM))?.periodInMinutes).toBe(60);
  });

  it('creates the alarm with the stored interval', async () => {
    await updateSettings({ syncIntervalMinutes: 45 });
    await startBackground();
    expect((await fakeBrowser.alarms.get(SYNC_ALARM))?.periodInMinutes).toBe(45);
  });

  it('marks a sync interrupted by a stopped worker', async () => {
    await saveSyncStatus({ ...IDLE_STATUS, state: 'running', runId: 'abc', startedAt: 1 });
    await startBackground();
    const status = await loadSyncStatus();
    expect(status.state).toBe('failed');
    expect(status.error).toContain('The last sync was interrupted');
  });

  it('leaves a finished status alone', async () => {
    await saveSyncStatus({ ...IDLE_STATUS, finishedAt: 5 });
    await startBackground();
    expect(await loadSyncStatus()).toEqual({ ...IDLE_STATUS, finishedAt: 5 });
  });
});
