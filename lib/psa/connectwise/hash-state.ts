/**
 * Decodes the page state that the ConnectWise PSA web client keeps in the URL hash. The hash is
 * base64, with `$` for `+`, `_` for `/` and optional padding, of an LZMA "alone" stream of a JSON
 * object `{pid, p, s, rnd}` whose `p` is the screen key, such as "setup_tables" or "sr200". A
 * `??<ScreenName>` suffix may follow, as in `#XQAACAB...??ProductList`. Anyone can write a link
 * with any hash, so decoding is bounded by MAX_HASH_LENGTH and MAX_STATE_BYTES, and every
 * malformed hash yields null.
 */
import { decompressLzmaAloneText } from './lzma-alone';

/** Maximum length of a hash, in characters. Longer hashes are rejected before any decoding. */
export const MAX_HASH_LENGTH = 8192;

/**
 * Maximum size of the decompressed JSON, in bytes. Streams that declare a larger size are not
 * decompressed.
 * The largest state seen on a real page is under 1 KiB, and LZMA-JS slows down faster than
 * linearly as the output grows, so the limit stays near what the page needs.
 */
export const MAX_STATE_BYTES = 16384;

/** ConnectWise's base64 alphabet, in which `$` and `_` replace `+` and `/`. */
const PAYLOAD = /^[A-Za-z0-9$_]+={0,2}$/;

const SCREEN_NAME_SEPARATOR = '??';

/** Screen names such as "ProductList" or "ServiceTicket". Other suffixes are not returned. */
const SCREEN_NAME = /^[A-Za-z][A-Za-z0-9_]{0,99}$/;

/** A decoded ConnectWise URL hash. */
export interface ConnectWiseHashState {
  /** The screen key, the state's `p`, such as "product_setup". */
  screen: string;
  /** The whole decoded JSON object, `{pid, p, s, rnd}`. */
  state: Record<string, unknown>;
  /** The name after `??`, such as "ProductList", or null when the hash has no valid one. */
  screenName: string | null;
}

function decodeBase64(payload: string): Uint8Array | null {
  const standard = payload.replaceAll('$', '+').replaceAll('_', '/').replace(/=+$/, '');
  // Four characters carry three bytes, so a lone character in the last group carries none.
  if (standard.length % 4 === 1) return null;
  let binary: string;
  try {
    // atob accepts base64 without padding (the WHATWG "forgiving-base64 decode").
    binary = atob(standard);
  } catch {
    return null;
  }
  return Uint8Array.from(binary, (character) => character.charCodeAt(0));
}

/** Parses the JSON state, which must be an object with a non-empty screen key `p`. */
function parseState(json: string): Omit<ConnectWiseHashState, 'screenName'> | null {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const state = value as Record<string, unknown>;
  const screen = state.p;
  return typeof screen === 'string' && screen !== '' ? { screen, state } : null;
}

function readScreenName(suffix: string | undefined): string | null {
  return suffix !== undefined && SCREEN_NAME.test(suffix) ? suffix : null;
}

/**
 * Decodes a ConnectWise URL hash, such as `location.hash`, with or without its leading `#`.
 * Returns null, and never throws, for anything that is not a ConnectWise page state.
 */
export function decodeConnectWiseHash(hash: string): ConnectWiseHashState | null {
  if (hash.length > MAX_HASH_LENGTH) return null;

  const fragment = hash.startsWith('#') ? hash.slice(1) : hash;
  const separatorIndex = fragment.indexOf(SCREEN_NAME_SEPARATOR);
  const payload = separatorIndex === -1 ? fragment : fragment.slice(0, separatorIndex);
  const suffix =
    separatorIndex === -1
      ? undefined
      : fragment.slice(separatorIndex + SCREEN_NAME_SEPARATOR.length);
  if (!PAYLOAD.test(payload)) return null;

  const stream = decodeBase64(payload);
  const json = stream && decompressLzmaAloneText(stream, MAX_STATE_BYTES);
  const parsed = json ? parseState(json) : null;
  if (!parsed) return null;

  return { ...parsed, screenName: readScreenName(suffix) };
}
