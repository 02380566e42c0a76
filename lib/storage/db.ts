/**
 * The extension's one IndexedDB database. Upgrades are numbered: add a new `if (oldVersion < N)`
 * block for each schema change and never edit an old one, because installed copies run them in
 * order on their next start.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Snapshot } from '../sync/snapshot';
import type { VaultRecord } from '../vault/envelope';
import type { LockRecord } from '../vault/lock-record';
import type { AccountMapping } from '../mapping/account-mapping';
import type { ProductMapping } from '../mapping/product-mapping';
import type { StoredPage, SyncRun } from '../sync/run-store';
import type { SyncHistoryEntry } from '../sync/sync-history';
import type { LogEntry } from '../log/log-store';
import type { AgreementObservation } from '../mapping/observations';
import type { DeviceMembership } from '../sync/device-changes';

export const DB_NAME = 'addigy-psa-counts';
const DB_VERSION = 5;

export interface ExtensionDb extends DBSchema {
  /** The AES-GCM data key (id `data-key`) and the encrypted credential records. */
  vault: { key: string; value: CryptoKey | VaultRecord };
  /** The passphrase lock record (id `passphrase`), present only in passphrase mode. */
  vaultLock: { key: string; value: LockRecord };
  /** One record per completed sync, keyed by an increasing number. */
  snapshots: { key: number; value: Snapshot };
  /** PSA product id -> vendor service. */
  productMappings: { key: string; value: ProductMapping };
  /** The sync in flight (key `current`), so a restarted worker can resume or discard it. */
  syncRuns: { key: string; value: SyncRun };
  /** The device pages that sync has fetched so far. */
  syncPages: { key: [string, number]; value: StoredPage; indexes: { byRun: string } };
  /** PSA company or agreement, by PSA site and record id -> Addigy account policy. */
  accountMappings: { key: string; value: AccountMapping };
  /** One entry per finished sync, for the diagnostics. */
  syncHistory: { key: number; value: SyncHistoryEntry };
  /** Recent redacted log lines, for the downloadable log. */
  logEntries: { key: number; value: LogEntry };
  /** The billed quantities the overlay last saw, by account mapping key. */
  agreementObservations: { key: string; value: AgreementObservation };
  /** Device -> account policy at the last sync (key `latest`). */
  deviceMembership: { key: string; value: DeviceMembership };
}

let dbPromise: Promise<IDBPDatabase<ExtensionDb>> | undefined;

/** Opens the database once per context; later calls share the same connection. */
export function openExtensionDb(): Promise<IDBPDatabase<ExtensionDb>> {
  dbPromise ??= openDB<ExtensionDb>(DB_NAME, DB_VERSION, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        db.createObjectStore('vault');
        db.createObjectStore('snapshots', { keyPath: 'id', autoIncrement: true });
        db.createObjectStore('productMappings', { keyPath: 'productId' });
      }
      if (oldVersion < 2) {
        db.createObjectStore('syncRuns');
        const pages = db.createObjectStore('syncPages', { keyPath: ['runId', 'page'] });
        pages.createIndex('byRun', 'runId');
      }
      if (oldVersion < 3) {
        db.createObjectStore('vaultLock');
      }
      if (oldVersion < 4) {
        db.createObjectStore('accountMappings', { keyPath: 'key' });
      }
      if (oldVersion < 5) {
        db.createObjectStore('syncHistory', { keyPath: 'id', autoIncrement: true });
        db.createObjectStore('logEntries', { keyPath: 'id', autoIncrement: true });
        db.createObjectStore('agreementObservations', { keyPath: 'key' });
        db.createObjectStore('deviceMembership');
      }
    },
  });
  return dbPromise;
}

/** Closes and forgets the shared connection; tests call this between fresh databases. */
export async function closeExtensionDb(): Promise<void> {
  const pending = dbPromise;
  dbPromise = undefined;
  if (pending) (await pending).close();
}
