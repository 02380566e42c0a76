/** The lock state for the UI, locking, and the auto-lock deadline for the background's alarm. */
import { log } from '../log/logger';
import { readLockRecord } from './lock-record';
import { vaultQueue } from './queue';
import { clearUnlockedSession, readUnlockedSession } from './unlocked-session';

export type VaultState =
  | { mode: 'device-key' }
  | {
      mode: 'passphrase';
      locked: boolean;
      autoLockMinutes: number;
      /** Milliseconds since the epoch at which the vault locks, or null while locked. */
      unlockedUntil: number | null;
    };

/** Returns the vault's mode and lock state, locking first when the deadline has passed. */
export function getVaultState(): Promise<VaultState> {
  return vaultQueue.run(async () => {
    const lockRecord = await readLockRecord();
    if (!lockRecord) return { mode: 'device-key' };
    const session = await readUnlockedSession();
    return {
      mode: 'passphrase',
      locked: !session,
      autoLockMinutes: lockRecord.autoLockMinutes,
      unlockedUntil: session?.unlockedUntil ?? null,
    };
  });
}

/**
 * Returns the auto-lock deadline in milliseconds since the epoch, or null when the vault is
 * locked or in device-key mode. The background sets an alarm for it that calls `lockIfExpired`.
 */
export async function getAutoLockDeadline(): Promise<number | null> {
  const state = await getVaultState();
  return state.mode === 'passphrase' ? state.unlockedUntil : null;
}

/**
 * Locks the vault now ("Lock now") by removing the unlocked session. In device-key mode there is
 * no session, so nothing changes. It skips the lock record, so a damaged one cannot stop it.
 */
export function lock(): Promise<void> {
  return vaultQueue.run(async () => {
    await clearUnlockedSession();
    log.info('Vault locked on request.');
  });
}

/**
 * Locks the vault when the auto-lock deadline has passed. The background's alarm calls this.
 * Every credential read checks the deadline too, so a late alarm never leaves the key in use.
 */
export function lockIfExpired(): Promise<void> {
  return vaultQueue.run(async () => {
    await readUnlockedSession();
  });
}
