/**
 * The unlocked state of passphrase mode, kept in `browser.storage.session`: the raw data key as
 * base64 and the auto-lock deadline. Chrome keeps that area in memory and, at the default access
 * level, out of reach of content scripts, so a restarted service worker stays unlocked while the
 * browser runs. Never call `setAccessLevel` on it. The area takes only JSON, hence raw bytes.
 */
import { browser } from 'wxt/browser';
import { z } from 'zod';
import { log } from '../log/logger';

const SESSION_KEY = 'vaultUnlocked';
const DATA_KEY_BYTES = 32;

const unlockedSessionSchema = z.object({
  version: z.literal(1),
  /** Base64 of the 32-byte AES-GCM data key. */
  dataKey: z.string().regex(/^[A-Za-z0-9+/]{43}=$/),
  /** Milliseconds since the epoch after which the vault locks. */
  unlockedUntil: z.number(),
});

export type UnlockedSession = z.infer<typeof unlockedSessionSchema>;

let sessionKey: { encoded: string; key: Promise<CryptoKey> } | undefined;

/** Generates the 32 random bytes of a passphrase-mode data key. */
export function generateDataKeyBytes(): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(DATA_KEY_BYTES));
}

/** Imports raw data key bytes as a non-extractable AES-GCM key. */
export function importDataKey(bytes: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', bytes, 'AES-GCM', false, ['encrypt', 'decrypt']);
}

/**
 * Returns the unlocked session, or undefined when locked. A session whose deadline has passed,
 * or that does not parse, is removed here, so every caller locks the vault when it is due.
 */
export async function readUnlockedSession(): Promise<UnlockedSession | undefined> {
  const stored = await browser.storage.session.get(SESSION_KEY);
  if (stored[SESSION_KEY] === undefined) return undefined;
  const parsed = unlockedSessionSchema.safeParse(stored[SESSION_KEY]);
  if (!parsed.success) {
    log.warn('The unlocked-session record in storage.session is invalid, so the vault locks.');
  } else if (Date.now() < parsed.data.unlockedUntil) {
    return parsed.data;
  } else {
    log.info('The auto-lock deadline has passed, so the vault locks.');
  }
  await clearUnlockedSession();
  return undefined;
}

/** Stores the raw data key and the deadline, replacing any session before. */
export async function writeUnlockedSession(
  dataKey: Uint8Array<ArrayBuffer>,
  unlockedUntil: number,
): Promise<void> {
  const session: UnlockedSession = { version: 1, dataKey: encodeBase64(dataKey), unlockedUntil };
  await browser.storage.session.set({ [SESSION_KEY]: session });
}

/** Removes the session, which locks the vault in passphrase mode. */
export async function clearUnlockedSession(): Promise<void> {
  sessionKey = undefined;
  await browser.storage.session.remove(SESSION_KEY);
}

/** Returns the session's data key as a `CryptoKey`, importing it once per key. */
export function getSessionKey(session: UnlockedSession): Promise<CryptoKey> {
  if (sessionKey?.encoded !== session.dataKey) {
    sessionKey = { encoded: session.dataKey, key: importDataKey(decodeBase64(session.dataKey)) };
  }
  return sessionKey.key;
}

/** Forgets the imported session key, as a restarted service worker would. */
export function resetSessionKeyCache(): void {
  sessionKey = undefined;
}

function encodeBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function decodeBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}
