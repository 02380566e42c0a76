/**
 * Tests for decoding ConnectWise URL hashes. Real hashes with their decoded states are read in
 * place from the shared PSA reference folder. When it is absent, those tests are skipped with a
 * warning. Other streams are made with the compress-only build of LZMA-JS in mode 3, which writes
 * the same header as ConnectWise: properties 0x5D, a 512 KiB dictionary and the declared size.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  decodeConnectWiseHash,
  MAX_HASH_LENGTH,
  MAX_STATE_BYTES,
} from '../../../lib/psa/connectwise/hash-state';

interface HashSample {
  label: string;
  suffix: string;
  hash: string;
  decoded_state: Record<string, unknown>;
}

const SAMPLES_FILE = path.resolve(
  import.meta.dirname,
  '../../../../shared/reference/psa/connectwise-hash-samples.json',
);
const samplesAvailable = existsSync(SAMPLES_FILE);
if (!samplesAvailable)
  console.warn(`ConnectWise hash sample tests skipped: ${SAMPLES_FILE} is absent.`);

function readSamples(): HashSample[] {
  return (JSON.parse(readFileSync(SAMPLES_FILE, 'utf8')) as { samples: HashSample[] }).samples;
}

const requireCommonJs = createRequire(import.meta.url);
const { LZMA: compressor } = requireCommonJs('lzma/src/lzma-c.js') as {
  LZMA: { compress(input: string | Uint8Array, mode: number): number[] };
};

/** Compresses text (LZMA-JS encodes it as CESU-8) or bytes into an LZMA "alone" stream. */
function compress(input: string | Uint8Array): Uint8Array {
  return Uint8Array.from(compressor.compress(input, 3));
}

/** Encodes bytes as ConnectWise does: base64 with `$` for `+` and `_` for `/`. */
function toHash(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64').replaceAll('+', '$').replaceAll('/', '_');
}

function stateHash(json: string): string {
  return toHash(compress(json));
}

/** Returns a copy of `stream` with the bytes from `offset` replaced by `bytes`. */
function patchStream(stream: Uint8Array, offset: number, bytes: number[]): Uint8Array {
  const patched = stream.slice();
  patched.set(bytes, offset);
  return patched;
}

/** Returns the first state `{"p":"agreement","s":"<n x's>"}` whose hash passes `accept`. */
function findStateHash(accept: (hash: string) => boolean): { json: string; hash: string } {
  for (let length = 0; length < 200; length++) {
    const json = JSON.stringify({ p: 'agreement', s: 'x'.repeat(length) });
    const hash = stateHash(json);
    if (accept(hash)) return { json, hash };
  }
  throw new Error('No generated state produced a hash that the test needs.');
}

const MINIMAL_JSON = '{"pid":4,"p":"agreement","s":{"p":{"pid":9}},"rnd":0.25}';
const MINIMAL_STATE = JSON.parse(MINIMAL_JSON) as Record<string, unknown>;
const MINIMAL_HASH = stateHash(MINIMAL_JSON);

describe.skipIf(!samplesAvailable)('decodeConnectWiseHash on real samples', () => {
  const samples = samplesAvailable ? readSamples() : [];

  it.each(samples.map((sample) => [sample.label, sample] as const))('decodes %s', (_, sample) => {
    const result = decodeConnectWiseHash(`#${sample.hash}${sample.suffix}`);
    expect(result?.state).toStrictEqual(sample.decoded_state);
    expect(result?.screen).toBe(sample.decoded_state.p);
    expect(result?.screenName).toBe(sample.suffix === '' ? null : sample.suffix.slice(2));
  });

  it('samples contain both $ and _', () => {
    expect(samples.some((sample) => sample.hash.includes('$'))).toBe(true);
    expect(samples.some((sample) => sample.hash.includes('_'))).toBe(true);
  });

  it('decodes samples without # or padding', () => {
    for (const sample of samples) {
      const bare = sample.hash.replace(/=+$/, '');
      expect(bare).not.toBe(sample.hash);
      expect(decodeConnectWiseHash(bare)?.state).toStrictEqual(sample.decoded_state);
    }
  });

  it('rejects samples cut in half', () => {
    for (const sample of samples) {
      const payload = sample.hash.replace(/=+$/, '');
      expect(decodeConnectWiseHash(payload.slice(0, payload.length / 2))).toBeNull();
    }
  });

  it('truncated sample decodes unchanged or null', () => {
    // A stream missing only its last bytes, the range coder's flush, can still decode in full.
    for (const sample of samples) {
      const payload = sample.hash.replace(/=+$/, '');
      for (let length = 1; length < payload.length; length++) {
        const state = decodeConnectWiseHash(payload.slice(0, length))?.state ?? null;
        expect([null, sample.decoded_state]).toContainEqual(state);
      }
    }
  });

  it('rejects samples in the standard alphabet', () => {
    for (const sample of samples) {
      const standard = sample.hash.replaceAll('$', '+').replaceAll('_', '/');
      expect(decodeConnectWiseHash(standard)).toBeNull();
    }
  });
});

describe('decodeConnectWiseHash', () => {
  it('decodes a generated state', () => {
    expect(decodeConnectWiseHash(`#${MINIMAL_HASH}`)).toStrictEqual({
      screen: 'agreement',
      state: MINIMAL_STATE,
      screenName: null,
    });
  });

  it('maps $ and _ to + and /', () => {
    const { json, hash } = findStateHash((hash) => hash.includes('$') && hash.includes('_'));
    expect(decodeConnectWiseHash(hash)?.state).toStrictEqual(JSON.parse(json));
  });

  it.each([0, 1, 2])('decodes with or without %i padding', (padding) => {
    const { json, hash } = findStateHash(
      (hash) => hash.length - hash.replace(/=+$/, '').length === padding,
    );
    const bare = hash.replace(/=+$/, '');
    expect(decodeConnectWiseHash(hash)?.state).toStrictEqual(JSON.parse(json));
    expect(decodeConnectWiseHash(bare)?.state).toStrictEqual(JSON.parse(json));
  });

  it.each([
    ['', null],
    ['??ProductList', 'ProductList'],
    ['??Service_Ticket2', 'Service_Ticket2'],
    ['??', null],
    ['??Product List', null],
    ['??<img src=x>', null],
    ['??ProductList??Other', null],
    ['??2Fast', null],
    [`??${'A'.repeat(101)}`, null],
  ])('reads the screen name of suffix "%s"', (suffix, screenName) => {
    const result = decodeConnectWiseHash(`#${MINIMAL_HASH}${suffix}`);
    expect(result?.screenName).toBe(screenName);
    expect(result?.state).toStrictEqual(MINIMAL_STATE);
  });

  it('decodes 4-byte UTF-8', () => {
    const json = '{"p":"agreement","s":"Café 😀"}';
    const hash = toHash(compress(new TextEncoder().encode(json)));
    expect(decodeConnectWiseHash(hash)?.state).toStrictEqual({ p: 'agreement', s: 'Café 😀' });
  });

  it('decodes CESU-8 from LZMA-JS', () => {
    // LZMA-JS writes each UTF-16 surrogate as its own 3-byte sequence.
    const hash = stateHash('{"p":"agreement","s":"😀"}');
    expect(decodeConnectWiseHash(hash)?.state).toStrictEqual({ p: 'agreement', s: '😀' });
  });

  it('decodes a state of MAX_STATE_BYTES', () => {
    const json = `{"p":"agreement","s":"${'a'.repeat(MAX_STATE_BYTES - 24)}"}`;
    expect(json.length).toBe(MAX_STATE_BYTES);
    expect(decodeConnectWiseHash(stateHash(json))?.screen).toBe('agreement');
  });

  it('rejects a state above MAX_STATE_BYTES', () => {
    const json = `{"p":"agreement","s":"${'a'.repeat(MAX_STATE_BYTES - 23)}"}`;
    const hash = stateHash(json);
    expect(hash.length).toBeLessThan(MAX_HASH_LENGTH);
    expect(decodeConnectWiseHash(hash)).toBeNull();
  });

  it('decodes a hash of MAX_HASH_LENGTH', () => {
    const suffix = `??${'A'.repeat(MAX_HASH_LENGTH - MINIMAL_HASH.length - 3)}`;
    const hash = `#${MINIMAL_HASH}${suffix}`;
    expect(hash.length).toBe(MAX_HASH_LENGTH);
    expect(decodeConnectWiseHash(hash)?.state).toStrictEqual(MINIMAL_STATE);
  });

  it('rejects a hash above MAX_HASH_LENGTH', () => {
    const suffix = `??${'A'.repeat(MAX_HASH_LENGTH - MINIMAL_HASH.length - 2)}`;
    const hash = `#${MINIMAL_HASH}${suffix}`;
    expect(hash.length).toBe(MAX_HASH_LENGTH + 1);
    expect(decodeConnectWiseHash(hash)).toBeNull();
  });

  const stream = compress(MINIMAL_JSON);
  const bytes = (values: number[]) => toHash(Uint8Array.from(values));

  it.each([
    ['an empty hash', ''],
    ['a bare #', '#'],
    ['a suffix alone', '#??ProductList'],
    ['text', '#agreement=4107'],
    ['a space', `#${MINIMAL_HASH.slice(0, 8)} ${MINIMAL_HASH.slice(8)}`],
    ['standard base64', `#${MINIMAL_HASH}+/`],
    [
      'a lone character in the last group',
      `#${MINIMAL_HASH.replace(/=+$/, '').slice(0, 4 * 5 + 1)}`,
    ],
    ['three padding characters', `#${MINIMAL_HASH.replace(/=+$/, '')}===`],
    ['padding inside the payload', `#${MINIMAL_HASH.slice(0, 8)}==${MINIMAL_HASH.slice(8)}`],
    ['a header alone', toHash(stream.slice(0, 13))],
    ['base64 of JSON', toHash(new TextEncoder().encode(MINIMAL_JSON))],
    ['random bytes', bytes(Array.from({ length: 64 }, (_, index) => (index * 97 + 13) % 256))],
    ['an unknown declared size', toHash(patchStream(stream, 5, Array(8).fill(0xff)))],
    ['a declared size of zero', toHash(patchStream(stream, 5, Array(8).fill(0)))],
    ['a declared size above 2^32', toHash(patchStream(stream, 9, [1]))],
    ['a declared size below the output', toHash(patchStream(stream, 5, [10]))],
    ['a properties byte above 224', toHash(patchStream(stream, 0, [225]))],
    ['lc + lp above 4', toHash(patchStream(stream, 0, [8 + 9 * 5 * 2]))],
    ['text that is not JSON', stateHash('agreement 4107')],
    ['JSON with trailing text', stateHash('{"p":"agreement"} 4107')],
    ['a JSON array', stateHash('["agreement"]')],
    ['a JSON string', stateHash('"agreement"')],
    ['JSON null', stateHash('null')],
    ['no screen key', stateHash('{"pid":4,"s":{}}')],
    ['an empty screen key', stateHash('{"p":""}')],
    ['a numeric screen key', stateHash('{"p":4}')],
    ['invalid UTF-8', toHash(compress(Uint8Array.from([0x7b, 0x22, 0x70, 0x22, 0xff, 0x7d])))],
    ['a raw NUL', toHash(compress(new TextEncoder().encode('{"p":"a\u0000"}')))],
  ])('rejects %s', (_, hash) => {
    expect(decodeConnectWiseHash(hash)).toBeNull();
  });
});
