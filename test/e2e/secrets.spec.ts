/**
 * After authenticating with a distinctive key, no stored byte, console line or export contains
 * it: every IndexedDB database, storage.local, storage.session, the console of every context,
 * and the CSV export.
 */
import type { Worker } from '@playwright/test';
import { startAddigyServer } from '../../scripts/addigy-server/server';
import {
  authenticate,
  exportCsv,
  openExtensionPage,
  waitForSyncToSettle,
} from '../../scripts/browser/ui';
import { expect, test } from './fixtures';

const API_KEY = 'zq7-DISTINCTIVE-api-key-4f1b9c';
const CLIENT_ID = 'cid-DISTINCTIVE-v1-client-77';
const CLIENT_SECRET = 'sec-DISTINCTIVE-v1-secret-91';

/** Every IndexedDB database, store and record of the extension, as text (bytes as hex and UTF-8). */
function dumpEverything(worker: Worker): Promise<string> {
  return worker.evaluate(async () => {
    const describe = (value: unknown): unknown => {
      if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) {
        const bytes =
          value instanceof ArrayBuffer ? new Uint8Array(value) : new Uint8Array(value.buffer);
        const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
        return { hex, text: new TextDecoder('utf-8', { fatal: false }).decode(bytes) };
      }
      if (value instanceof CryptoKey)
        return { key: value.algorithm, extractable: value.extractable };
      if (Array.isArray(value)) return value.map(describe);
      if (value && typeof value === 'object') {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, describe(v)]));
      }
      return value;
    };
    const parts: unknown[] = [];
    for (const info of await indexedDB.databases()) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(info.name!);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      for (const store of db.objectStoreNames) {
        const records = await new Promise<unknown[]>((resolve, reject) => {
          const request = db.transaction(store).objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        parts.push({ database: info.name, store, records: describe(records) });
      }
      db.close();
    }
    type StorageArea = { get(keys: null): Promise<Record<string, unknown>> };
    const { storage } = (self as unknown as { chrome: { storage: Record<string, StorageArea> } })
      .chrome;
    parts.push({ local: describe(await storage.local!.get(null)) });
    parts.push({ session: describe(await storage.session!.get(null)) });
    return JSON.stringify(parts);
  });
}

test('no trace of the credentials anywhere', async ({ extension, fleet }) => {
  const server = await startAddigyServer({
    fleet,
    apiKey: API_KEY,
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
  });
  const consoleLines: string[] = [];
  extension.context.on('console', (message) => consoleLines.push(message.text()));
  extension.serviceWorker.on('console', (message) => consoleLines.push(message.text()));
  try {
    const options = await openExtensionPage(
      extension.context,
      extension.extensionId,
      'options.html',
    );
    // A wrong key first, so that the error path is covered too.
    const wrong = await authenticate(options, {
      apiVersion: 'v2',
      apiUrl: server.url,
      apiKey: `${API_KEY}-wrong`,
    });
    expect(wrong.kind).toContain('error');
    const v1 = await authenticate(options, {
      apiVersion: 'v1',
      apiUrl: `${server.url}/api`,
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
    });
    expect(v1.kind).toContain('success');
    const v2 = await authenticate(options, {
      apiVersion: 'v2',
      apiUrl: server.url,
      apiKey: API_KEY,
    });
    expect(v2.kind).toContain('success');
    const popup = await openExtensionPage(extension.context, extension.extensionId, 'popup.html');
    expect(await waitForSyncToSettle(popup)).toBe('idle');
    const csv = await exportCsv(popup);
    const dump = await dumpEverything(extension.serviceWorker);
    const pageText = (await options.content()) + (await popup.content());

    // The dump really contains the vault: an encrypted record and the key object.
    expect(dump).toContain('"store":"vault"');
    expect(dump).toContain('"extractable":false');
    expect(consoleLines.some((line) => line.includes('Sync') && line.includes('started'))).toBe(
      true,
    );
    for (const secret of [API_KEY, CLIENT_ID, CLIENT_SECRET]) {
      for (const [where, text] of Object.entries({
        dump,
        csv,
        pageText,
        console: consoleLines.join('\n'),
      })) {
        expect(text.includes(secret), `${secret} in ${where}`).toBe(false);
        expect(text.includes(secret.slice(4, 20)), `part of ${secret} in ${where}`).toBe(false);
      }
    }
  } finally {
    await server.close();
  }
});
