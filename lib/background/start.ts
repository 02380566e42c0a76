/**
 * Service worker start-up. Listeners are registered synchronously, because Chrome delivers the
 * event that woke the worker only to listeners present when the script's first turn ends.
 */
import { browser } from 'wxt/browser';
import { log } from '../log/logger';
import { handleMessage } from '../messaging/router';
import { loadSettings } from '../settings/settings';
import { runSync } from '../sync/run-sync';
import { SYNC_ALARM, scheduleSync } from '../sync/scheduler';
import { loadSyncStatus, saveSyncStatus } from '../sync/sync-status';
import { handlers } from './handlers';

export function startBackground(): void {
  browser.runtime.onMessage.addListener((message, sender) =>
    handleMessage(message, sender, browser.runtime.id, handlers),
  );
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== SYNC_ALARM) return;
    runSync().catch(() => log.info('The scheduled sync failed; the popup shows why.'));
  });
  void initialise();
}

async function initialise(): Promise<void> {
  try {
    await markInterruptedSync();
    const settings = await loadSettings();
    await scheduleSync(settings.syncIntervalMinutes);
  } catch (error) {
    log.error('Start-up failed.', error);
  }
}

/**
 * A status still "running" at start-up means the browser stopped the previous worker mid-sync.
 * No partial snapshot was written, so record the interruption; the next sync starts afresh.
 */
async function markInterruptedSync(): Promise<void> {
  const status = await loadSyncStatus();
  if (status.state !== 'running') return;
  await saveSyncStatus({
    ...status,
    state: 'failed',
    finishedAt: Date.now(),
    error:
      'The last sync was interrupted when the browser stopped the extension. Click Sync now to run it again.',
  });
}
