/**
 * Handlers for the vault's messages: unlock, lock, and turning the passphrase lock on and off.
 * The auto-lock alarm fires at the unlock deadline. The browser clears storage.session when it
 * restarts, so a restarted browser comes back locked whatever the alarm did.
 */
import { browser } from 'wxt/browser';
import type { Handlers } from '../messaging/router';
import { loadSettings, updateSettings } from '../settings/settings';
import { cancelSync, runSync } from '../sync/run-sync';
import { loadLatestSnapshot } from '../sync/snapshot-store';
import { log } from '../log/logger';
import {
  disablePassphrase,
  enablePassphrase,
  forgetPassphrase,
  getAutoLockDeadline,
  lock,
  unlock,
} from '../vault/vault';

export const AUTO_LOCK_ALARM = 'vault-auto-lock';

/** Sets the auto-lock alarm to the unlock deadline, or clears it when there is none. */
export async function scheduleAutoLock(): Promise<void> {
  const deadline = await getAutoLockDeadline();
  if (deadline === null) {
    await browser.alarms.clear(AUTO_LOCK_ALARM);
    return;
  }
  await browser.alarms.create(AUTO_LOCK_ALARM, { when: deadline });
}

/** Runs the sync that waited while the vault was locked, if the last one is overdue. */
async function syncIfOverdue(): Promise<void> {
  const [settings, snapshot] = await Promise.all([loadSettings(), loadLatestSnapshot()]);
  const overdue =
    !snapshot || Date.now() - snapshot.createdAt > settings.syncIntervalMinutes * 60_000;
  if (settings.credentialsConfigured && overdue) {
    runSync().catch(() => log.info('The sync after unlocking failed; the popup shows why.'));
  }
}

type VaultHandlers = Pick<
  Handlers,
  | 'vault/unlock'
  | 'vault/lock'
  | 'vault/enablePassphrase'
  | 'vault/disablePassphrase'
  | 'vault/forgetPassphrase'
>;

export const vaultHandlers: VaultHandlers = {
  'vault/unlock': async ({ passphrase }) => {
    await unlock(passphrase);
    await scheduleAutoLock();
    await syncIfOverdue();
    return null;
  },

  'vault/lock': async () => {
    await cancelSync('The sync was stopped because the credentials were locked.');
    await lock();
    await scheduleAutoLock();
    return null;
  },

  'vault/enablePassphrase': async ({ passphrase, autoLockMinutes }) => {
    await enablePassphrase(passphrase, autoLockMinutes);
    await scheduleAutoLock();
    return null;
  },

  'vault/disablePassphrase': async ({ passphrase }) => {
    await disablePassphrase(passphrase);
    await scheduleAutoLock();
    return null;
  },

  'vault/forgetPassphrase': async () => {
    await cancelSync('The sync was stopped because the credentials were erased.');
    await forgetPassphrase();
    await updateSettings({ credentialsConfigured: false, credentialHint: null });
    await scheduleAutoLock();
    return null;
  },
};
