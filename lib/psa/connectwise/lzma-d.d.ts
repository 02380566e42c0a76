/**
 * Types for the decompress-only build of LZMA-JS (the `lzma` package, 2.3.2), which ships none.
 * The file is a script that assigns `this.LZMA`, so it has to be loaded with require(), which
 * returns its `module.exports`.
 */
declare module 'lzma/src/lzma-d.js' {
  export interface LzmaDecoder {
    /**
     * Decompresses an LZMA "alone" stream synchronously when given the stream alone, and throws
     * on a corrupt or truncated stream. Returns a string when the output is UTF-8 with no NUL
     * byte and no 4-byte sequence, and otherwise the output as an array of signed bytes.
     */
    decompress(stream: ArrayLike<number>): string | number[];
  }

  /** The file's `module.exports`, as require() returns it. */
  export interface LzmaDecompressOnlyModule {
    LZMA: LzmaDecoder;
  }
}
