import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { failureDelayMs } from '../../lib/vault/unlock-throttle';
import {
  WrongPassphraseError,
  enablePassphrase,
  getVaultState,
  lock,
  resetVaultCache,
  unlock,
} from '../../lib/vault/vault';
import { useFreshStorage } from '../helpers/fresh-db';

const PASSPHRASE = 'correct horse battery';
const WRONG_MESSAGE = 'The passphrase is wrong. Check it and try again.';
const START = Date.UTC(2026, 0, 5, 9, 0, 0);

let now = START;
let sleeps: number[] = [];

/** Records each wait and moves the clock on, as for a caller who waits for the error. */
async function waitingSleep(milliseconds: number): Promise<void> {
  sleeps.push(milliseconds);
  now += milliseconds;
}

/** Records each wait but leaves the clock alone, as for a worker stopped while it waits. */
async function interruptedSleep(milliseconds: number): Promise<void> {
  sleeps.push(milliseconds);
}

async function failUnlock(sleep: (milliseconds: number) => Promise<void>): Promise<Error> {
  const error = await unlock('wrong passphrase', { iterations: 1_000, sleep }).catch(
    (caught: unknown) => caught,
  );
  return error as Error;
}

beforeEach(async () => {
  await useFreshStorage();
  now = START;
  sleeps = [];
  vi.spyOn(Date, 'now').mockImplementation(() => now);
  await enablePassphrase(PASSPHRASE, 15, { iterations: 1_000 });
  await lock();
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('failureDelayMs', () => {
  it.each([
    [0, 0],
    [1, 0],
    [3, 0],
    [4, 1_000],
    [5, 2_000],
    [6, 4_000],
    [8, 16_000],
    [9, 30_000],
    [50, 30_000],
    [5_000, 30_000],
  ])('after %i failures waits %i ms', (failures, delay) => {
    expect(failureDelayMs(failures)).toBe(delay);
  });
});

describe('wrong passphrase', () => {
  it('gives one message and growing delays', async () => {
    const errors: Error[] = [];
    for (let attempt = 1; attempt <= 10; attempt += 1) errors.push(await failUnlock(waitingSleep));

    for (const error of errors) {
      expect(error).toBeInstanceOf(WrongPassphraseError);
      expect(error.message).toBe(WRONG_MESSAGE);
    }
    expect(sleeps).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000]);
    expect(await getVaultState()).toMatchObject({ mode: 'passphrase', locked: true });
  });

  it('persists the count in storage.local', async () => {
    for (let attempt = 1; attempt <= 4; attempt += 1) await failUnlock(waitingSleep);
    const stored = await browser.storage.local.get('vaultUnlockFailures');
    expect(stored.vaultUnlockFailures).toEqual({ count: 4, lastFailureAt: START });
  });

  it('restarted worker still waits the earned delay', async () => {
    for (let attempt = 1; attempt <= 4; attempt += 1) await failUnlock(interruptedSleep);
    expect(sleeps).toEqual([1_000]);

    resetVaultCache();
    now += 400;
    await unlock(PASSPHRASE, { iterations: 1_000, sleep: interruptedSleep });

    expect(sleeps).toEqual([1_000, 600]);
    expect(await getVaultState()).toMatchObject({ locked: false });
  });

  it('correct passphrase after failures resets the count', async () => {
    for (let attempt = 1; attempt <= 5; attempt += 1) await failUnlock(waitingSleep);
    expect(sleeps).toEqual([1_000, 2_000]);

    await unlock(PASSPHRASE, { iterations: 1_000, sleep: waitingSleep });
    expect(await browser.storage.local.get('vaultUnlockFailures')).toEqual({});
    await lock();

    sleeps = [];
    for (let attempt = 1; attempt <= 4; attempt += 1) await failUnlock(waitingSleep);
    expect(sleeps).toEqual([1_000]);
  });

  it('concurrent guesses wait in turn', async () => {
    const errors = await Promise.all(Array.from({ length: 6 }, () => failUnlock(interruptedSleep)));

    expect(errors.map((error) => error.message)).toEqual(Array(6).fill(WRONG_MESSAGE));
    // The clock does not move, so each guess from the fifth first waits the delay the last earned.
    expect(sleeps).toEqual([1_000, 1_000, 2_000, 2_000, 4_000]);
  });

  it('wrong passphrase does not lock an unlocked vault', async () => {
    await unlock(PASSPHRASE, { iterations: 1_000, sleep: waitingSleep });
    await failUnlock(waitingSleep);
    expect(await getVaultState()).toMatchObject({ locked: false });
  });
});
