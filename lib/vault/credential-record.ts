/** The sealed credential record in the `vault` store, and moving it from one key to another. */
import { openExtensionDb } from '../storage/db';
import { open, seal, type VaultRecord } from './envelope';

export const CREDENTIALS_ID = 'credentials';

/** Returns the sealed credential record, or undefined when none is stored. */
export async function readCredentialRecord(): Promise<VaultRecord | undefined> {
  const db = await openExtensionDb();
  const stored = await db.get('vault', CREDENTIALS_ID);
  return stored === undefined || stored instanceof CryptoKey ? undefined : stored;
}

/**
 * Decrypts the stored credentials with `oldKey` and seals them under `newKey`. Returns the new
 * record for the caller to write in the same transaction as the key change, or undefined when
 * no credentials are stored. Throws when the old key is missing or does not open the record.
 */
export async function resealCredentials(
  oldKey: CryptoKey | undefined,
  newKey: CryptoKey,
): Promise<VaultRecord | undefined> {
  const record = await readCredentialRecord();
  if (!record) return undefined;
  if (!oldKey) {
    throw new Error(
      'The stored Addigy credentials cannot be decrypted because their key is missing. ' +
        'Delete the credentials in the options and enter them again.',
    );
  }
  const plaintext = await open(oldKey, CREDENTIALS_ID, record);
  return seal(newKey, CREDENTIALS_ID, plaintext);
}
