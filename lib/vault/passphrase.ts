/**
 * Turning the passphrase lock on and off, unlocking, and forgetting the passphrase.
 *
 * In passphrase mode the data key is 32 random bytes instead of a non-extractable device key,
 * because only raw bytes can be wrapped under the passphrase and kept in `storage.session`.
 * IndexedDB stores those bytes only wrapped, and the unwrapped copy lives in `storage.session`
 * until the auto-lock deadline. Unlocking sets the deadline and using the vault never extends
 * it, so a scheduled sync cannot keep the vault open forever.
 *
 *                 enablePassphrase                  lock, deadline, browser restart
 *   device-key  ------------------->  unlocked  ------------------------------>  locked
 *       ^    ^                         |     ^                                     |
 *       |    '--- disablePassphrase ---'     '-------------- unlock ---------------'
 *       |         (locked or unlocked)
 *       '------- forgetPassphrase: erases the credentials and the lock record
 */
import { log } from '../log/logger';
import { openExtensionDb } from '../storage/db';
import { CREDENTIALS_ID, resealCredentials } from './credential-record';
import { DEVICE_KEY_ID, generateDeviceKey, readDeviceKey, resetDeviceKeyCache } from './device-key';
import { WrongPassphraseError } from './errors';
import {
  LOCK_RECORD_ID,
  createLockRecord,
  readLockRecord,
  unwrapDataKey,
  type LockRecord,
} from './lock-record';
import { checkAutoLockMinutes, checkNewPassphrase, resolveIterations } from './passphrase-rules';
import { attemptQueue, vaultQueue } from './queue';
import {
  clearFailures,
  recordFailure,
  sleepWithTimer,
  waitOutFailureDelay,
  type Sleep,
} from './unlock-throttle';
import {
  clearUnlockedSession,
  generateDataKeyBytes,
  importDataKey,
  writeUnlockedSession,
} from './unlocked-session';

export interface PassphraseOptions {
  /**
   * PBKDF2 iterations for a new or upgraded lock record, 600,000 by default. Only unit tests
   * lower it, because builds other than Vitest's `test` mode reject fewer than the default.
   */
  iterations?: number;
  /** Waits out the delay after wrong passphrases. Tests pass a recorder. */
  sleep?: Sleep;
}

const LOCK_OFF_MESSAGE = 'The passphrase lock is off, so there is no passphrase to check.';

/**
 * Turns the passphrase lock on: re-encrypts the stored credentials under a new data key, stores
 * that key wrapped under the passphrase, deletes the device key and leaves the vault unlocked.
 */
export async function enablePassphrase(
  passphrase: string,
  autoLockMinutes: number,
  options: PassphraseOptions = {},
): Promise<void> {
  checkNewPassphrase(passphrase);
  checkAutoLockMinutes(autoLockMinutes);
  const iterations = resolveIterations(options.iterations);
  await vaultQueue.run(async () => {
    if (await readLockRecord()) {
      throw new Error('The passphrase lock is already on. Turn it off before setting a new one.');
    }
    const dataKey = generateDataKeyBytes();
    const credentials = await resealCredentials(
      await readDeviceKey(),
      await importDataKey(dataKey),
    );
    const lockRecord = await createLockRecord(passphrase, dataKey, { iterations, autoLockMinutes });

    const db = await openExtensionDb();
    const tx = db.transaction(['vault', 'vaultLock'], 'readwrite');
    const vault = tx.objectStore('vault');
    await Promise.all([
      tx.objectStore('vaultLock').put(lockRecord, LOCK_RECORD_ID),
      credentials && vault.put(credentials, CREDENTIALS_ID),
      vault.delete(DEVICE_KEY_ID),
      tx.done,
    ]);
    resetDeviceKeyCache();

    await startUnlockedSession(dataKey, autoLockMinutes);
    await clearFailures();
    log.info(`Passphrase lock turned on, auto-lock after ${autoLockMinutes} minutes.`);
  });
}

/**
 * Unlocks the vault until the auto-lock deadline. Throws `WrongPassphraseError` for every wrong
 * passphrase, after the growing failure delay. Re-wraps the data key when the stored iteration
 * count is below the requested one.
 */
export async function unlock(passphrase: string, options: PassphraseOptions = {}): Promise<void> {
  const iterations = resolveIterations(options.iterations);
  await withCorrectPassphrase(passphrase, options, async (dataKey, lockRecord) => {
    if (lockRecord.kdf.iterations < iterations) {
      const { autoLockMinutes } = lockRecord;
      const raised = await createLockRecord(passphrase, dataKey, { iterations, autoLockMinutes });
      const db = await openExtensionDb();
      await db.put('vaultLock', raised, LOCK_RECORD_ID);
      log.info(`Raised the passphrase's PBKDF2 iterations to ${iterations}.`);
    }
    await startUnlockedSession(dataKey, lockRecord.autoLockMinutes);
    log.info('Vault unlocked.');
  });
}

/** Turns the passphrase lock off, re-encrypting the credentials under a new device key. */
export async function disablePassphrase(
  passphrase: string,
  options: PassphraseOptions = {},
): Promise<void> {
  await withCorrectPassphrase(passphrase, options, async (dataKey) => {
    const deviceKey = await generateDeviceKey();
    const credentials = await resealCredentials(await importDataKey(dataKey), deviceKey);

    const db = await openExtensionDb();
    const tx = db.transaction(['vault', 'vaultLock'], 'readwrite');
    const vault = tx.objectStore('vault');
    await Promise.all([
      vault.put(deviceKey, DEVICE_KEY_ID),
      credentials && vault.put(credentials, CREDENTIALS_ID),
      tx.objectStore('vaultLock').delete(LOCK_RECORD_ID),
      tx.done,
    ]);
    resetDeviceKeyCache();

    await clearUnlockedSession();
    log.info('Passphrase lock turned off. The vault uses a device key again.');
  });
}

/**
 * Erases the credentials and the lock record, for a user who forgot the passphrase. The other
 * stores (snapshots, mappings, sync runs) stay. Afterwards the vault is in device-key mode with
 * no credentials.
 */
export async function forgetPassphrase(): Promise<void> {
  await vaultQueue.run(async () => {
    const db = await openExtensionDb();
    const tx = db.transaction(['vault', 'vaultLock'], 'readwrite');
    await Promise.all([
      tx.objectStore('vault').delete(CREDENTIALS_ID),
      tx.objectStore('vaultLock').delete(LOCK_RECORD_ID),
      tx.done,
    ]);
    await clearUnlockedSession();
    await clearFailures();
    log.info('Passphrase forgotten: the credentials and the lock record are erased.');
  });
}

/**
 * Runs `action` with the unwrapped data key when the passphrase is right. Every attempt first
 * waits out the delay that earlier failures earned, and a wrong one waits its own delay before
 * the caller gets the error.
 */
async function withCorrectPassphrase<T>(
  passphrase: string,
  options: PassphraseOptions,
  action: (dataKey: Uint8Array<ArrayBuffer>, lockRecord: LockRecord) => Promise<T>,
): Promise<T> {
  const sleep = options.sleep ?? sleepWithTimer;
  return attemptQueue.run(async () => {
    await waitOutFailureDelay(sleep);
    const outcome = await vaultQueue.run(async () => {
      const lockRecord = await readLockRecord();
      if (!lockRecord) throw new Error(LOCK_OFF_MESSAGE);
      const dataKey = await unwrapDataKey(lockRecord, passphrase);
      return dataKey && { value: await action(dataKey, lockRecord) };
    });
    if (!outcome) {
      const delay = await recordFailure();
      // NOTE: If Chrome stops the worker during this wait, the caller gets a closed-port error
      // instead. The stored failure still delays the next attempt, so a restart saves no time.
      if (delay > 0) await sleep(delay);
      throw new WrongPassphraseError();
    }
    await clearFailures();
    return outcome.value;
  });
}

async function startUnlockedSession(
  dataKey: Uint8Array<ArrayBuffer>,
  autoLockMinutes: number,
): Promise<void> {
  await writeUnlockedSession(dataKey, Date.now() + autoLockMinutes * 60_000);
}
