import { beforeEach, describe, expect, it } from 'vitest';
import { DB_NAME, openExtensionDb } from '../../lib/storage/db';
import { open, seal } from '../../lib/vault/envelope';
import { deleteCredentials, loadCredentials, saveCredentials } from '../../lib/vault/vault';
import { useFreshStorage } from '../helpers/fresh-db';

const v2 = {
  apiVersion: 'v2',
  apiUrl: 'https://api.addigy.com',
  apiKey: 'key-SECRET-1234',
} as const;

describe('vault', () => {
  beforeEach(useFreshStorage);

  it('round trip returns the saved credentials', async () => {
    await saveCredentials(v2);
    expect(await loadCredentials()).toEqual(v2);
  });

  it('returns null before anything is saved', async () => {
    expect(await loadCredentials()).toBeNull();
  });

  it('stores no plaintext secret in IndexedDB', async () => {
    await saveCredentials(v2);
    const db = await openExtensionDb();
    const records = await db.getAll('vault');
    const text = records
      .map((record) =>
        record instanceof CryptoKey ? 'key' : new TextDecoder().decode(record.ciphertext),
      )
      .join('|');
    expect(text).not.toContain('SECRET');
    expect(db.name).toBe(DB_NAME);
  });

  it('keeps the data key non-extractable', async () => {
    await saveCredentials(v2);
    const db = await openExtensionDb();
    const key = await db.get('vault', 'data-key');
    expect(key).toBeInstanceOf(CryptoKey);
    expect((key as CryptoKey).extractable).toBe(false);
    await expect(crypto.subtle.exportKey('raw', key as CryptoKey)).rejects.toThrow();
  });

  it('concurrent first saves share one data key', async () => {
    await Promise.all([saveCredentials(v2), saveCredentials({ ...v2, apiKey: 'other' })]);
    expect((await loadCredentials())?.apiVersion).toBe('v2');
  });

  it('delete leaves no credentials', async () => {
    await saveCredentials(v2);
    await deleteCredentials();
    expect(await loadCredentials()).toBeNull();
  });
});

describe('envelope', () => {
  const keyPromise = crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
    'encrypt',
    'decrypt',
  ]);

  it('uses a fresh IV for every write', async () => {
    const key = await keyPromise;
    const first = await seal(key, 'credentials', 'same text');
    const second = await seal(key, 'credentials', 'same text');
    expect(first.iv).toHaveLength(12);
    expect(Buffer.from(first.iv).equals(Buffer.from(second.iv))).toBe(false);
  });

  it('rejects a record moved to another id', async () => {
    const key = await keyPromise;
    const record = await seal(key, 'credentials', 'secret');
    await expect(open(key, 'other-record', record)).rejects.toThrow();
    expect(await open(key, 'credentials', record)).toBe('secret');
  });

  it('rejects an unknown envelope version', async () => {
    const key = await keyPromise;
    const record = await seal(key, 'credentials', 'secret');
    await expect(open(key, 'credentials', { ...record, version: 2 as 1 })).rejects.toThrow(
      'unknown version 2',
    );
  });
});
