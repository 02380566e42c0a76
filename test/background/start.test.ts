import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startBackground } from '../../lib/background/start';
import { updateSettings } from '../../lib/settings/settings';
import { SYNC_ALARM } from '../../lib/sync/scheduler';
import { IDLE_STATUS, loadSyncStatus, saveSyncStatus } from '../../lib/sync/sync-status';
import { useFreshStorage } from '../helpers/fresh-db';

async function settle(): Promise<void> {
  await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(SYNC_ALARM)).toBeDefined());
}

describe('startBackground', () => {
  beforeEach(useFreshStorage);

  it('creates the sync alarm with the default interval', async () => {
    startBackground();
    await settle();
    expect((await fakeBrowser.alarms.get(SYNC_ALARM))?.periodInMinutes).toBe(60);
  });

  it('creates the alarm with the stored interval', async () => {
    await updateSettings({ syncIntervalMinutes: 45 });
    startBackground();
    await settle();
    expect((await fakeBrowser.alarms.get(SYNC_ALARM))?.periodInMinutes).toBe(45);
  });

  it('marks a sync interrupted by a stopped worker', async () => {
    await saveSyncStatus({ ...IDLE_STATUS, state: 'running', runId: 'abc', startedAt: 1 });
    startBackground();
    await settle();
    const status = await loadSyncStatus();
    expect(status.state).toBe('failed');
    expect(status.error).toContain('The last sync was interrupted');
  });

  it('leaves a finished status alone', async () => {
    await saveSyncStatus({ ...IDLE_STATUS, finishedAt: 5 });
    startBackground();
    await settle();
    expect(await loadSyncStatus()).toEqual({ ...IDLE_STATUS, finishedAt: 5 });
  });
});
