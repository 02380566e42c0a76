/**
 * Service worker start-up. Listeners are registered synchronously, because Chrome delivers the
 * event that woke the worker only to listeners present when the script's first turn ends.
 */
import { browser } from 'wxt/browser';
import { log } from '../log/logger';
import { handleMessage } from '../messaging/router';
import { loadSettings } from '../settings/settings';
import { resumeInterruptedSync, runSync } from '../sync/run-sync';
import { SYNC_ALARM, scheduleSync } from '../sync/scheduler';
import { applyBudgetSettings, handlers } from './handlers';

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
    const settings = await loadSettings();
    applyBudgetSettings(settings);
    await scheduleSync(settings.syncIntervalMinutes);
    await resumeInterruptedSync();
  } catch (error) {
    log.error('Start-up failed.', error);
  }
}
