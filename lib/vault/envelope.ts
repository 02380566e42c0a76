/**
 * The encrypted record format. `version` names the algorithm set so a later release can
 * re-encrypt old records: version 1 is AES-GCM with a 256-bit key, a 96-bit IV per write and
 * the record id as additional authenticated data, so a ciphertext moved to another id fails.
 */
export interface VaultRecord {
  version: 1;
  iv: Uint8Array<ArrayBuffer>;
  ciphertext: ArrayBuffer;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Encrypts `plaintext` for the record `recordId` with a fresh random IV. */
export async function seal(
  key: CryptoKey,
  recordId: string,
  plaintext: string,
): Promise<VaultRecord> {
  return sealBytes(key, recordId, encoder.encode(plaintext));
}

/** Decrypts a record sealed for `recordId`; throws when the key, id or bytes do not match. */
export async function open(key: CryptoKey, recordId: string, record: VaultRecord): Promise<string> {
  return decoder.decode(await openBytes(key, recordId, record));
}

/** Encrypts raw bytes, such as a data key, for the record `recordId` with a fresh random IV. */
export async function sealBytes(
  key: CryptoKey,
  recordId: string,
  plaintext: Uint8Array<ArrayBuffer>,
): Promise<VaultRecord> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const ciphertext = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: encoder.encode(recordId) },
    key,
    plaintext,
  );
  return { version: 1, iv, ciphertext };
}

/**
 * Decrypts a record sealed by `sealBytes` for `recordId`. A wrong key, id or changed byte
 * throws a `DOMException` named `OperationError`, because the GCM tag does not verify.
 */
export async function openBytes(
  key: CryptoKey,
  recordId: string,
  record: VaultRecord,
): Promise<Uint8Array<ArrayBuffer>> {
  if (record.version !== 1) {
    throw new Error(`Vault record "${recordId}" has unknown version ${String(record.version)}.`);
  }
  const plaintext = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: record.iv, additionalData: encoder.encode(recordId) },
    key,
    record.ciphertext,
  );
  return new Uint8Array(plaintext);
}
