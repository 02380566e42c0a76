/**
 * Service worker start-up. Listeners are registered synchronously, because Chrome delivers the
 * event that woke the worker only to listeners present when the script's first turn ends.
 */
import { browser } from 'wxt/browser';
import { log, setLogSink } from '../log/logger';
import { createLogPersistence } from '../log/log-store';
import { handleMessage } from '../messaging/router';
import { persistBudget } from '../addigy/budget-persistence';
import { loadSettings } from '../settings/settings';
import { resumeInterruptedSync, runSync } from '../sync/run-sync';
import { SYNC_ALARM, scheduleSync } from '../sync/scheduler';
import { applyBudgetSettings, handlers, syncPsaSites } from './handlers';
import { AUTO_LOCK_ALARM, scheduleAutoLock } from './vault-handlers';
import { getVaultState, lockIfExpired } from '../vault/vault';
import { BUILT_IN_PATTERNS } from '../psa-sites/content-scripts';
import { sitePattern } from '../psa-sites/sites';
import { refreshActionBadge } from '../reconciliation/action-badge';

/** Registers the listeners, then starts up; the promise settles when start-up has finished. */
export function startBackground(): Promise<void> {
  setLogSink(createLogPersistence(reportLogWriteFailure));
  restrictLocalStorage();
  browser.runtime.onMessage.addListener(async (message, sender) => {
    const { psaSites } = await loadSettings();
    const psaPatterns = [...BUILT_IN_PATTERNS, ...psaSites.map(sitePattern)];
    return handleMessage(
      message,
      sender,
      { extensionId: browser.runtime.id, psaPatterns },
      handlers,
    );
  });
  // The user can revoke a site's permission in the browser's extension settings.
  browser.permissions.onRemoved.addListener(() => {
    syncPsaSites().catch((error: unknown) => log.error('Could not update the PSA sites.', error));
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === AUTO_LOCK_ALARM) {
      lockIfExpired().catch((error: unknown) => log.error('Auto-lock failed.', error));
      return;
    }
    if (alarm.name !== SYNC_ALARM) return;
    void runScheduledSync();
  });
  return initialise();
}

let logWriteFailures = 0;

/** Reports a failed write of log lines to the console only, once per 100 failures. */
function reportLogWriteFailure(error: unknown, dropped: number): void {
  if (logWriteFailures++ % 100 !== 0) return;
  console.warn(`[addigy-counts] Could not keep ${dropped} log line(s) for the diagnostics.`, error);
}

/**
 * Keeps `storage.local` (settings, sync status, the unlock throttle) from content scripts, which
 * Chrome otherwise lets read and write it. A subverted content script could forge the sync
 * status or settings. Browsers without `setAccessLevel` keep their default.
 */
function restrictLocalStorage(): void {
  const local = browser.storage.local as typeof browser.storage.local & {
    setAccessLevel?: (options: { accessLevel: 'TRUSTED_CONTEXTS' }) => Promise<void>;
  };
  local.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' }).catch((error: unknown) => {
    log.error('Could not keep storage.local from content scripts.', error);
  });
}

/** Runs the scheduled sync, unless the vault is locked: then it waits for the unlock. */
async function runScheduledSync(): Promise<void> {
  const vault = await getVaultState();
  if (vault.mode === 'passphrase' && vault.locked) {
    log.info('The scheduled sync waits until the credentials are unlocked.');
    return;
  }
  await runSync().catch(() => log.info('The scheduled sync failed; the popup shows why.'));
}

/** Runs each start-up step on its own, so that one failing step does not skip the others. */
async function initialise(): Promise<void> {
  const steps: Array<[string, () => Promise<unknown>]> = [
    ['restore the request budget', persistBudget],
    ['apply the settings', applyStoredSettings],
    ['register the PSA content script', syncPsaSites],
    ['schedule the auto-lock', scheduleAutoLock],
    ['resume an interrupted sync', () => resumeInterruptedSync()],
    ['update the toolbar badge', refreshActionBadge],
  ];
  for (const [name, step] of steps) {
    try {
      await step();
    } catch (error) {
      log.error(`Start-up could not ${name}.`, error);
    }
  }
}

async function applyStoredSettings(): Promise<void> {
  const settings = await loadSettings();
  applyBudgetSettings(settings);
  await scheduleSync(settings.syncIntervalMinutes);
}
