/**
 * The credential vault. A random, non-extractable AES-GCM key lives in IndexedDB beside the
 * records it encrypts, so the stored bytes are useless outside this browser profile and the key
 * itself can never be exported by script. Only the background service worker calls this module.
 */
import { openExtensionDb } from '../storage/db';
import { open, seal, type VaultRecord } from './envelope';
import { credentialsSchema, type Credentials } from './credentials';

const DATA_KEY_ID = 'data-key';
const CREDENTIALS_ID = 'credentials';

let dataKeyPromise: Promise<CryptoKey> | undefined;

/**
 * Returns the data key, creating it on first use. The promise is shared because two concurrent
 * first calls would otherwise each create a key, and records sealed by the first would fail.
 */
function getDataKey(): Promise<CryptoKey> {
  dataKeyPromise ??= loadOrCreateDataKey().catch((error: unknown) => {
    dataKeyPromise = undefined;
    throw error;
  });
  return dataKeyPromise;
}

async function loadOrCreateDataKey(): Promise<CryptoKey> {
  const db = await openExtensionDb();
  const stored = await db.get('vault', DATA_KEY_ID);
  if (stored instanceof CryptoKey) return stored;
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
    'encrypt',
    'decrypt',
  ]);
  await db.put('vault', key, DATA_KEY_ID);
  return key;
}

/** Encrypts and stores the credentials, replacing any stored before. */
export async function saveCredentials(credentials: Credentials): Promise<void> {
  const key = await getDataKey();
  const record = await seal(key, CREDENTIALS_ID, JSON.stringify(credentials));
  const db = await openExtensionDb();
  await db.put('vault', record, CREDENTIALS_ID);
}

/** Decrypts the stored credentials, or returns null when none are stored. */
export async function loadCredentials(): Promise<Credentials | null> {
  const db = await openExtensionDb();
  const record = await db.get('vault', CREDENTIALS_ID);
  if (!record || record instanceof CryptoKey) return null;
  const key = await getDataKey();
  const plaintext = await open(key, CREDENTIALS_ID, record as VaultRecord);
  return credentialsSchema.parse(JSON.parse(plaintext));
}

/** Erases the stored credentials; the data key stays for the next save. */
export async function deleteCredentials(): Promise<void> {
  const db = await openExtensionDb();
  await db.delete('vault', CREDENTIALS_ID);
}

/** Forgets the memoised key; tests call this after swapping in a fresh IndexedDB. */
export function resetVaultCache(): void {
  dataKeyPromise = undefined;
}
