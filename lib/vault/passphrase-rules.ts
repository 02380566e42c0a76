/** Checks on what a caller passes when turning the passphrase lock on or unlocking. */
import { DEFAULT_PBKDF2_ITERATIONS } from './lock-record';

export const MIN_PASSPHRASE_LENGTH = 8;
export const AUTO_LOCK_MINUTES = { min: 1, max: 1440 } as const;

export function checkNewPassphrase(passphrase: string): void {
  // Counted in code points, so that an accented letter or an emoji counts as one character.
  if ([...passphrase.normalize('NFC')].length < MIN_PASSPHRASE_LENGTH) {
    throw new Error(
      `The passphrase is shorter than ${MIN_PASSPHRASE_LENGTH} characters. Choose a longer one.`,
    );
  }
}

export function checkAutoLockMinutes(minutes: number): void {
  const { min, max } = AUTO_LOCK_MINUTES;
  if (!Number.isInteger(minutes) || minutes < min || minutes > max) {
    throw new Error(
      `Auto-lock must be a whole number of minutes from ${min} to ${max}, not ${String(minutes)}.`,
    );
  }
}

/** Returns the PBKDF2 iteration count to use. Only unit tests may request fewer than 600,000. */
export function resolveIterations(requested: number | undefined): number {
  const iterations = requested ?? DEFAULT_PBKDF2_ITERATIONS;
  const belowDefault = iterations < DEFAULT_PBKDF2_ITERATIONS && import.meta.env.MODE !== 'test';
  if (!Number.isSafeInteger(iterations) || iterations < 1 || belowDefault) {
    throw new Error(
      `PBKDF2 needs at least ${DEFAULT_PBKDF2_ITERATIONS} iterations, not ${String(iterations)}.`,
    );
  }
  return iterations;
}
