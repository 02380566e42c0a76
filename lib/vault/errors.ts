/** Errors the vault throws on purpose, so that the background can tell them from failures. */

/** Thrown by credential reads and writes while passphrase mode is on and the vault is locked. */
export class VaultLockedError extends Error {
  override name = 'VaultLockedError';

  constructor() {
    super('Addigy credentials are locked. Enter your passphrase in the popup to unlock them.');
  }
}

/**
 * Thrown for every passphrase that does not unwrap the data key. The message is the same every
 * time and gives no reason, so that an attacker learns nothing beyond "wrong".
 */
export class WrongPassphraseError extends Error {
  override name = 'WrongPassphraseError';

  constructor() {
    super('The passphrase is wrong. Check it and try again.');
  }
}
