/**
 * Decompresses LZMA "alone" (.lzma) streams of UTF-8 text with the decompress-only build of
 * LZMA-JS. The stream's 13-byte header is checked before the library runs: byte 0 contains the
 * lc, lp and pb properties, bytes 1-4 the dictionary size and bytes 5-12 the uncompressed size,
 * both little-endian. Only streams that declare their size, up to the caller's limit, are decoded.
 * LZMA-JS stops at the declared size, which bounds both the output and the work, whereas a stream
 * of unknown size runs until its end marker, and hostile input can put that arbitrarily far away.
 *
 * NOTE: lzma-d.js assigns a global `onmessage` handler when it loads in a scope that has
 * `onmessage` but no `window.document`, such as the background service worker. Import this
 * module only from content scripts and extension pages.
 */
import type { LzmaDecompressOnlyModule } from 'lzma/src/lzma-d.js';

// lzma-d.js has neither import/export nor module.exports: it publishes its decoder by assigning
// `this.LZMA`. Rolldown (Vite 8) treats such a file as an ES module when it is imported, so the
// build fails for want of a default export and the file's top-level `this` becomes undefined.
// Rolldown bundles a required file as CommonJS instead, with `this` bound to `module.exports`,
// and Vitest runs require() through Node, so require() works in the extension and in the tests.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const lzmaDecompressOnly: LzmaDecompressOnlyModule = require('lzma/src/lzma-d.js');

const HEADER_BYTES = 13;

/** Highest lc + lp that liblzma's decoder (xz, lzma_decoder.c) accepts. More only costs memory. */
const MAX_LITERAL_CONTEXT_BITS = 4;

/** Highest properties byte: (pb * 5 + lp) * 9 + lc with pb = 4, lp = 4 and lc = 8. */
const MAX_PROPERTIES = 224;

function hasSupportedProperties(stream: Uint8Array): boolean {
  const properties = stream[0] ?? MAX_PROPERTIES + 1;
  if (properties > MAX_PROPERTIES) return false;
  const lc = properties % 9;
  const lp = Math.floor(properties / 9) % 5;
  return lc + lp <= MAX_LITERAL_CONTEXT_BITS;
}

/** Reads the declared uncompressed size, or returns null when it is unknown or above 2^32 - 1. */
function readDeclaredSize(stream: Uint8Array): number | null {
  for (let index = 9; index < HEADER_BYTES; index++) {
    if (stream[index] !== 0) return null;
  }
  let size = 0;
  for (let index = 8; index >= 5; index--) size = size * 256 + (stream[index] ?? 0);
  return size;
}

function decodeUtf8(bytes: number[]): string | null {
  try {
    // Uint8Array.from turns the library's signed bytes into unsigned ones (-1 becomes 255).
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bytes));
  } catch {
    return null;
  }
}

/**
 * Decompresses `stream` and decodes the output as UTF-8. Returns null, and never throws, when the
 * header is invalid, when the declared size is unknown, zero or above `maxOutputBytes`, when the
 * stream is corrupt or truncated, or when the output is not valid UTF-8. LZMA-JS does not check
 * where the stream ends, so a stream missing only its last few bytes can still decode in full.
 */
export function decompressLzmaAloneText(stream: Uint8Array, maxOutputBytes: number): string | null {
  if (stream.length <= HEADER_BYTES || !hasSupportedProperties(stream)) return null;
  const size = readDeclaredSize(stream);
  if (size === null || size === 0 || size > maxOutputBytes) return null;

  let output: string | number[];
  try {
    output = lzmaDecompressOnly.LZMA.decompress(stream);
  } catch {
    return null;
  }
  return typeof output === 'string' ? output : decodeUtf8(output);
}
