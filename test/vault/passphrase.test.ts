import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { listProductMappings, saveProductMapping } from '../../lib/mapping/product-mapping';
import { openExtensionDb } from '../../lib/storage/db';
import {
  VaultLockedError,
  disablePassphrase,
  enablePassphrase,
  forgetPassphrase,
  getAutoLockDeadline,
  getVaultState,
  loadCredentials,
  lock,
  lockIfExpired,
  resetVaultCache,
  saveCredentials,
  unlock,
} from '../../lib/vault/vault';
import { useFreshStorage } from '../helpers/fresh-db';
import { dumpContains, dumpDatabase } from './dump-database';

const PASSPHRASE = 'correct horse battery';
/** PBKDF2 at the default 600,000 rounds is slow, so most tests use this count. */
const fast = { iterations: 1_000 };
const START = Date.UTC(2026, 0, 5, 9, 0, 0);
const MINUTE = 60_000;

const v2 = {
  apiVersion: 'v2',
  apiUrl: 'https://api.addigy.com',
  apiKey: 'key-SECRET-0123456789abcdef',
} as const;
const v1 = {
  apiVersion: 'v1',
  apiUrl: 'https://prod.addigy.com/api',
  clientId: 'client-1234',
  clientSecret: 'secret-SECRET-fedcba9876543210',
} as const;

let now = START;

async function readSessionDataKey(): Promise<Uint8Array> {
  const stored = await browser.storage.session.get('vaultUnlocked');
  const session = stored.vaultUnlocked as { dataKey: string };
  return new Uint8Array(Buffer.from(session.dataKey, 'base64'));
}

async function readLockRecord() {
  const db = await openExtensionDb();
  return db.get('vaultLock', 'passphrase');
}

beforeEach(async () => {
  await useFreshStorage();
  now = START;
  vi.spyOn(Date, 'now').mockImplementation(() => now);
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('passphrase mode', () => {
  it('round trip returns the saved credentials', async () => {
    await enablePassphrase(PASSPHRASE, 15, fast);
    await saveCredentials(v1);
    expect(await loadCredentials()).toEqual(v1);
  });

  it('enable keeps stored credentials readable', async () => {
    await saveCredentials(v2);
    await enablePassphrase(PASSPHRASE, 15, fast);
    expect(await loadCredentials()).toEqual(v2);
    const db = await openExtensionDb();
    expect(await db.get('vault', 'data-key')).toBeUndefined();
  });

  it('stores no secret and no raw data key in IndexedDB', async () => {
    await saveCredentials(v1);
    await enablePassphrase(PASSPHRASE, 15, fast);
    const dataKey = await readSessionDataKey();
    const dump = await dumpDatabase();
    const encode = (text: string) => new TextEncoder().encode(text);

    expect(dataKey).toHaveLength(32);
    expect(dump.chunks.length).toBeGreaterThan(0);
    expect(dump.cryptoKeys).toBe(0);
    expect(dumpContains(dump, dataKey)).toBe(false);
    expect(dumpContains(dump, encode(Buffer.from(dataKey).toString('base64')))).toBe(false);
    expect(dumpContains(dump, encode('SECRET'))).toBe(false);
    expect(dumpContains(dump, encode(v1.clientId))).toBe(false);
    expect(dumpContains(dump, encode(PASSPHRASE))).toBe(false);
  });

  it('lock record stores salt, iteration count and version', async () => {
    await enablePassphrase(PASSPHRASE, 15, fast);
    const record = await readLockRecord();
    expect(record?.version).toBe(1);
    expect(record?.kdf.name).toBe('PBKDF2');
    expect(record?.kdf.hash).toBe('SHA-256');
    expect(record?.kdf.iterations).toBe(1_000);
    expect(record?.kdf.salt).toHaveLength(16);
    expect(record?.autoLockMinutes).toBe(15);
  });

  it('default iteration count is at least 600,000', async () => {
    await enablePassphrase(PASSPHRASE, 15);
    const record = await readLockRecord();
    expect(record?.kdf.iterations).toBe(600_000);
    expect(record?.kdf.iterations).toBeGreaterThanOrEqual(600_000);
  });

  it('unlock raises a lower stored iteration count', async () => {
    await enablePassphrase(PASSPHRASE, 15, fast);
    const before = await readLockRecord();
    await lock();
    await unlock(PASSPHRASE, { iterations: 2_000 });
    const after = await readLockRecord();
    expect(after?.kdf.iterations).toBe(2_000);
    expect(Buffer.from(after!.kdf.salt).equals(Buffer.from(before!.kdf.salt))).toBe(false);
    await lock();
    await unlock(PASSPHRASE, { iterations: 2_000 });
    expect((await getVaultState()).mode).toBe('passphrase');
  });

  it.each([
    ['seven77', 'seven ASCII characters'],
    ['🔒🔒🔒🔒🔒🔒🔒', 'seven emoji (14 UTF-16 units)'],
    ['', 'empty'],
  ])('enable rejects short passphrase %j (%s)', async (passphrase) => {
    await expect(enablePassphrase(passphrase, 15, fast)).rejects.toThrow(
      'The passphrase is shorter than 8 characters. Choose a longer one.',
    );
    expect(await getVaultState()).toEqual({ mode: 'device-key' });
  });

  it('enable accepts an eight-character passphrase', async () => {
    await enablePassphrase('eight888', 15, fast);
    expect((await getVaultState()).mode).toBe('passphrase');
  });

  it.each([0, 1.5, 1441, Number.NaN])('enable rejects auto-lock minutes %s', async (minutes) => {
    await expect(enablePassphrase(PASSPHRASE, minutes, fast)).rejects.toThrow(
      `Auto-lock must be a whole number of minutes from 1 to 1440, not ${String(minutes)}.`,
    );
  });

  it('enable twice is rejected', async () => {
    await enablePassphrase(PASSPHRASE, 15, fast);
    await expect(enablePassphrase('another passphrase', 15, fast)).rejects.toThrow(
      'The passphrase lock is already on. Turn it off before setting a new one.',
    );
  });

  it('concurrent save and enable leave credentials readable', async () => {
    await Promise.all([saveCredentials(v2), enablePassphrase(PASSPHRASE, 15, fast)]);
    resetVaultCache();
    expect(await loadCredentials()).toEqual(v2);
  });
});

describe('unlocked state', () => {
  it('session contains data key and deadline', async () => {
    await enablePassphrase(PASSPHRASE, 15, fast);
    const stored = await browser.storage.session.get('vaultUnlocked');
    expect(stored.vaultUnlocked).toEqual({
      version: 1,
      dataKey: expect.stringMatching(/^[A-Za-z0-9+/]{43}=$/),
      unlockedUntil: START + 15 * MINUTE,
    });
    expect(await getAutoLockDeadline()).toBe(START + 15 * MINUTE);
    expect(await getVaultState()).toEqual({
      mode: 'passphrase',
      locked: false,
      autoLockMinutes: 15,
      unlockedUntil: START + 15 * MINUTE,
    });
  });

  it('service-worker restart stays unlocked', async () => {
    await enablePassphrase(PASSPHRASE, 15, fast);
    await saveCredentials(v2);
    resetVaultCache();
    expect(await loadCredentials()).toEqual(v2);
    expect(await getVaultState()).toEqual({
      mode: 'passphrase',
      locked: false,
      autoLockMinutes: 15,
      unlockedUntil: START + 15 * MINUTE,
    });
  });

  it('browser restart locks', async () => {
    await enablePassphrase(PASSPHRASE, 15, fast);
    await saveCredentials(v2);
    await browser.storage.session.clear();
    resetVaultCache();
    await expect(loadCredentials()).rejects.toBeInstanceOf(VaultLockedError);
    expect(await getVaultState()).toEqual({
      mode: 'passphrase',
      locked: true,
      autoLockMinutes: 15,
      unlockedUntil: null,
    });
    await unlock(PASSPHRASE, fast);
    expect(await loadCredentials()).toEqual(v2);
  });

  it('locked load throws VaultLockedError with its message', async () => {
    await enablePassphrase(PASSPHRASE, 15, fast);
    await saveCredentials(v2);
    await lock();
    const error = await loadCredentials().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(VaultLockedError);
    expect((error as Error).message).toBe(
      'Addigy credentials are locked. Enter your passphrase in the popup to unlock them.',
    );
  });

  it('locked save throws VaultLockedError', async () => {
    await enablePassphrase(PASSPHRASE, 15, fast);
    await lock();
    await expect(saveCredentials(v2)).rejects.toBeInstanceOf(VaultLockedError);
  });

  it('deadline passing locks on next use', async () => {
    await enablePassphrase(PASSPHRASE, 15, fast);
    await saveCredentials(v2);
    now = START + 15 * MINUTE - 1;
    expect(await loadCredentials()).toEqual(v2);
    now = START + 15 * MINUTE;
    await expect(loadCredentials()).rejects.toBeInstanceOf(VaultLockedError);
    expect(await browser.storage.session.get('vaultUnlocked')).toEqual({});
    expect(await getAutoLockDeadline()).toBeNull();
  });

  it('use does not extend the deadline', async () => {
    await enablePassphrase(PASSPHRASE, 15, fast);
    await saveCredentials(v2);
    now = START + 10 * MINUTE;
    await loadCredentials();
    expect(await getAutoLockDeadline()).toBe(START + 15 * MINUTE);
  });

  it('lockIfExpired locks only after the deadline', async () => {
    await enablePassphrase(PASSPHRASE, 15, fast);
    now = START + 15 * MINUTE - 1;
    await lockIfExpired();
    expect((await browser.storage.session.get('vaultUnlocked')).vaultUnlocked).toBeDefined();
    now = START + 15 * MINUTE;
    await lockIfExpired();
    expect(await browser.storage.session.get('vaultUnlocked')).toEqual({});
  });

  it('lock removes the session key', async () => {
    await enablePassphrase(PASSPHRASE, 15, fast);
    await lock();
    expect(await browser.storage.session.get('vaultUnlocked')).toEqual({});
    expect(await getAutoLockDeadline()).toBeNull();
    expect(await getVaultState()).toMatchObject({ mode: 'passphrase', locked: true });
  });

  it('lock in device-key mode changes nothing', async () => {
    await saveCredentials(v2);
    await lock();
    expect(await loadCredentials()).toEqual(v2);
    expect(await getVaultState()).toEqual({ mode: 'device-key' });
    expect(await getAutoLockDeadline()).toBeNull();
  });

  it('unlock sets a fresh deadline', async () => {
    await enablePassphrase(PASSPHRASE, 15, fast);
    await lock();
    now = START + 60 * MINUTE;
    await unlock(PASSPHRASE, fast);
    expect(await getAutoLockDeadline()).toBe(START + 75 * MINUTE);
  });

  it('unlock in device-key mode is rejected', async () => {
    await expect(unlock(PASSPHRASE, fast)).rejects.toThrow(
      'The passphrase lock is off, so there is no passphrase to check.',
    );
  });
});

describe('forget and disable', () => {
  it('forget erases credentials and keeps mappings', async () => {
    await saveProductMapping({ productId: 'MDM-MAC', service: 'macOS' });
    await enablePassphrase(PASSPHRASE, 15, fast);
    await saveCredentials(v2);
    await lock();

    await forgetPassphrase();

    expect(await getVaultState()).toEqual({ mode: 'device-key' });
    expect(await loadCredentials()).toBeNull();
    expect(await readLockRecord()).toBeUndefined();
    expect(await listProductMappings()).toEqual([{ productId: 'MDM-MAC', service: 'macOS' }]);
    await saveCredentials(v1);
    expect(await loadCredentials()).toEqual(v1);
  });

  it('disable returns to device-key mode with credentials', async () => {
    await enablePassphrase(PASSPHRASE, 15, fast);
    await saveCredentials(v2);
    await lock();

    await disablePassphrase(PASSPHRASE, fast);

    expect(await getVaultState()).toEqual({ mode: 'device-key' });
    expect(await loadCredentials()).toEqual(v2);
    expect(await browser.storage.session.get('vaultUnlocked')).toEqual({});
    const db = await openExtensionDb();
    const deviceKey = await db.get('vault', 'data-key');
    expect(deviceKey).toBeInstanceOf(CryptoKey);
    expect((deviceKey as CryptoKey).extractable).toBe(false);
    expect(await readLockRecord()).toBeUndefined();
    resetVaultCache();
    expect(await loadCredentials()).toEqual(v2);
  });

  it('disable with a wrong passphrase keeps the lock', async () => {
    await enablePassphrase(PASSPHRASE, 15, fast);
    await saveCredentials(v2);
    await expect(disablePassphrase('wrong passphrase', fast)).rejects.toThrow(
      'The passphrase is wrong. Check it and try again.',
    );
    expect((await getVaultState()).mode).toBe('passphrase');
    expect(await loadCredentials()).toEqual(v2);
  });
});
