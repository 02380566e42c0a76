/**
 * The passphrase lock record: the data key wrapped under a key-encryption key that PBKDF2
 * derives from the passphrase, with the salt and iteration count beside it so that a later
 * release can raise the count. Passphrase mode is on exactly when this record exists.
 */
import { z } from 'zod';
import { openExtensionDb } from '../storage/db';
import { openBytes, sealBytes } from './envelope';

export const LOCK_RECORD_ID = 'passphrase';

/** The minimum for PBKDF2-HMAC-SHA256 in the OWASP Password Storage Cheat Sheet since 2023. */
export const DEFAULT_PBKDF2_ITERATIONS = 600_000;

const SALT_BYTES = 16;

/** Additional authenticated data for the wrapped key, so that it opens under no other id. */
const WRAPPED_KEY_ID = 'passphrase/data-key';

const bytesSchema = z.custom<Uint8Array<ArrayBuffer>>((value) => value instanceof Uint8Array);

const lockRecordSchema = z.object({
  version: z.literal(1),
  kdf: z.object({
    name: z.literal('PBKDF2'),
    hash: z.literal('SHA-256'),
    iterations: z.number().int().positive(),
    salt: bytesSchema,
  }),
  /** The raw data key, sealed by `sealBytes` under the key-encryption key. */
  wrappedDataKey: z.object({
    version: z.literal(1),
    iv: bytesSchema,
    ciphertext: z.instanceof(ArrayBuffer),
  }),
  autoLockMinutes: z.number().int().positive(),
});

/** Version 1: PBKDF2-HMAC-SHA256 to an AES-GCM 256 key-encryption key, NFC-normalised input. */
export type LockRecord = z.infer<typeof lockRecordSchema>;

/** Returns the stored lock record, or undefined in device-key mode. */
export async function readLockRecord(): Promise<LockRecord | undefined> {
  const db = await openExtensionDb();
  const stored = await db.get('vaultLock', LOCK_RECORD_ID);
  if (stored === undefined) return undefined;
  const parsed = lockRecordSchema.safeParse(stored);
  if (!parsed.success) {
    throw new Error(
      'The passphrase lock record is damaged or from a newer release of the extension. ' +
        'Update the extension, or use "Forgot passphrase" and enter the Addigy credentials again.',
    );
  }
  return parsed.data;
}

/** Wraps `dataKey` under a key derived from `passphrase` with a fresh salt. */
export async function createLockRecord(
  passphrase: string,
  dataKey: Uint8Array<ArrayBuffer>,
  settings: { iterations: number; autoLockMinutes: number },
): Promise<LockRecord> {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const kdf = {
    name: 'PBKDF2',
    hash: 'SHA-256',
    iterations: settings.iterations,
    salt,
  } as const;
  const keyEncryptionKey = await deriveKeyEncryptionKey(passphrase, kdf);
  const wrappedDataKey = await sealBytes(keyEncryptionKey, WRAPPED_KEY_ID, dataKey);
  return { version: 1, kdf, wrappedDataKey, autoLockMinutes: settings.autoLockMinutes };
}

/**
 * Unwraps the raw data key, or returns null when the passphrase is wrong. AES-GCM cannot tell
 * a wrong passphrase from a changed record, so both return null.
 */
export async function unwrapDataKey(
  record: LockRecord,
  passphrase: string,
): Promise<Uint8Array<ArrayBuffer> | null> {
  const keyEncryptionKey = await deriveKeyEncryptionKey(passphrase, record.kdf);
  try {
    return await openBytes(keyEncryptionKey, WRAPPED_KEY_ID, record.wrappedDataKey);
  } catch (error) {
    if (error instanceof DOMException && error.name === 'OperationError') return null;
    throw error;
  }
}

async function deriveKeyEncryptionKey(
  passphrase: string,
  kdf: LockRecord['kdf'],
): Promise<CryptoKey> {
  // NFC, so that the same passphrase typed through another input method derives the same key.
  const material = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(passphrase.normalize('NFC')),
    'PBKDF2',
    false,
    ['deriveKey'],
  );
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: kdf.salt, iterations: kdf.iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}
