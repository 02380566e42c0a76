import { IDBFactory } from 'fake-indexeddb';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { closeExtensionDb } from '../../lib/storage/db';
import { resetVaultCache } from '../../lib/vault/vault';

/** Gives the next test an empty IndexedDB, empty browser storage and no cached key. */
export async function useFreshStorage(): Promise<void> {
  await closeExtensionDb();
  resetVaultCache();
  globalThis.indexedDB = new IDBFactory();
  fakeBrowser.reset();
}
