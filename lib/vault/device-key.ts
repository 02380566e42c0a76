/**
 * The device key: a random, non-extractable AES-GCM key stored in IndexedDB beside the records
 * it encrypts. The stored bytes are useless outside this browser profile, and no script can
 * export the key. Device-key mode is the default, and passphrase mode deletes this key.
 */
import { openExtensionDb } from '../storage/db';

export const DEVICE_KEY_ID = 'data-key';

let deviceKeyPromise: Promise<CryptoKey> | undefined;

/**
 * Returns the device key, creating it on first use. The promise is shared because two
 * concurrent first calls would otherwise each create a key, and records sealed by the first
 * would fail to decrypt.
 */
export function getDeviceKey(): Promise<CryptoKey> {
  deviceKeyPromise ??= loadOrCreateDeviceKey().catch((error: unknown) => {
    deviceKeyPromise = undefined;
    throw error;
  });
  return deviceKeyPromise;
}

/** Returns the stored device key, or undefined when there is none. Never creates one. */
export async function readDeviceKey(): Promise<CryptoKey | undefined> {
  const db = await openExtensionDb();
  const stored = await db.get('vault', DEVICE_KEY_ID);
  return stored instanceof CryptoKey ? stored : undefined;
}

/** Generates a device key without storing it. The caller stores it with the records it seals. */
export function generateDeviceKey(): Promise<CryptoKey> {
  return crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

/** Forgets the memoised device key, after a mode change or in tests. */
export function resetDeviceKeyCache(): void {
  deviceKeyPromise = undefined;
}

async function loadOrCreateDeviceKey(): Promise<CryptoKey> {
  const stored = await readDeviceKey();
  if (stored) return stored;
  const key = await generateDeviceKey();
  const db = await openExtensionDb();
  await db.put('vault', key, DEVICE_KEY_ID);
  return key;
}
