/**
 * The credential vault, and the one module the background imports for it. Only the background
 * service worker calls it.
 *
 * Device-key mode, the default, seals the credentials under a random non-extractable AES-GCM key
 * kept in IndexedDB. Passphrase mode (see `passphrase.ts`) wraps the data key under a passphrase
 * instead. While it is locked, `saveCredentials` and `loadCredentials` throw `VaultLockedError`.
 * Every call runs in one queue, so a mode change never interleaves with a credential read.
 */
import { credentialsSchema, type Credentials } from './credentials';
import { CREDENTIALS_ID, readCredentialRecord } from './credential-record';
import { getDeviceKey, resetDeviceKeyCache } from './device-key';
import { open, seal } from './envelope';
import { VaultLockedError } from './errors';
import { readLockRecord } from './lock-record';
import { attemptQueue, vaultQueue } from './queue';
import { getSessionKey, readUnlockedSession, resetSessionKeyCache } from './unlocked-session';
import { openExtensionDb } from '../storage/db';

export { credentialHint } from './credentials';
export { VaultLockedError, WrongPassphraseError } from './errors';
export {
  disablePassphrase,
  enablePassphrase,
  forgetPassphrase,
  unlock,
  type PassphraseOptions,
} from './passphrase';
export { MIN_PASSPHRASE_LENGTH, AUTO_LOCK_MINUTES } from './passphrase-rules';
export {
  getAutoLockDeadline,
  getVaultState,
  lock,
  lockIfExpired,
  type VaultState,
} from './vault-state';

/** Encrypts and stores the credentials, replacing any stored before. */
export function saveCredentials(credentials: Credentials): Promise<void> {
  return vaultQueue.run(async () => {
    const key = await getCredentialKey();
    const record = await seal(key, CREDENTIALS_ID, JSON.stringify(credentials));
    const db = await openExtensionDb();
    await db.put('vault', record, CREDENTIALS_ID);
  });
}

/** Decrypts the stored credentials, or returns null when none are stored. */
export function loadCredentials(): Promise<Credentials | null> {
  return vaultQueue.run(async () => {
    const record = await readCredentialRecord();
    if (!record) return null;
    const key = await getCredentialKey();
    const plaintext = await open(key, CREDENTIALS_ID, record);
    return credentialsSchema.parse(JSON.parse(plaintext));
  });
}

/** Erases the stored credentials, even while locked; keys and the lock record stay. */
export function deleteCredentials(): Promise<void> {
  return vaultQueue.run(async () => {
    const db = await openExtensionDb();
    await db.delete('vault', CREDENTIALS_ID);
  });
}

/**
 * Forgets every key and queue held in memory, as a restarted service worker would. Tests call
 * this after swapping in a fresh IndexedDB. Storage is untouched, so the vault stays unlocked.
 */
export function resetVaultCache(): void {
  resetDeviceKeyCache();
  resetSessionKeyCache();
  vaultQueue.reset();
  attemptQueue.reset();
}

/** Returns the key for the current mode, or throws `VaultLockedError` while the vault is locked. */
async function getCredentialKey(): Promise<CryptoKey> {
  if (!(await readLockRecord())) return getDeviceKey();
  const session = await readUnlockedSession();
  if (!session) throw new VaultLockedError();
  return getSessionKey(session);
}
