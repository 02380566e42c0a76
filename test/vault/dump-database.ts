import { openExtensionDb } from '../../lib/storage/db';

/** Every record of every object store, flattened for searching. */
export interface DatabaseDump {
  /** The bytes of every string, number, buffer and typed array found in keys and values. */
  chunks: Uint8Array[];
  /** How many `CryptoKey` objects the stores hold. */
  cryptoKeys: number;
}

/** Reads every record of every object store. */
export async function dumpDatabase(): Promise<DatabaseDump> {
  const db = await openExtensionDb();
  const dump: DatabaseDump = { chunks: [], cryptoKeys: 0 };
  for (const storeName of db.objectStoreNames) {
    const tx = db.transaction(storeName);
    for (let cursor = await tx.store.openCursor(); cursor; cursor = await cursor.continue()) {
      collect(cursor.key, dump);
      collect(cursor.value, dump);
    }
  }
  return dump;
}

/** Returns whether `needle` occurs inside any chunk of the dump. */
export function dumpContains(dump: DatabaseDump, needle: Uint8Array): boolean {
  return dump.chunks.some((chunk) => Buffer.from(chunk).includes(Buffer.from(needle)));
}

function collect(value: unknown, dump: DatabaseDump): void {
  if (value instanceof CryptoKey) {
    dump.cryptoKeys += 1;
  } else if (value instanceof ArrayBuffer) {
    dump.chunks.push(new Uint8Array(value));
  } else if (ArrayBuffer.isView(value)) {
    dump.chunks.push(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
  } else if (typeof value === 'string' || typeof value === 'number') {
    dump.chunks.push(new TextEncoder().encode(String(value)));
  } else if (value && typeof value === 'object') {
    for (const item of Object.values(value)) collect(item, dump);
  }
}
