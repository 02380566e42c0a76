/**
 * The bundle benchmark: the size of each entry point of the release build in `.output/chrome-mv3`,
 * raw and gzip-compressed with node:zlib at level 9. An HTML page's size is the page
 * plus every script and stylesheet it loads, following static and dynamic imports between
 * chunks, so a chunk shared by several pages counts in each of them.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BenchmarkResult, Figure } from './figures';

const RELEASE_DIR = resolve('.output/chrome-mv3');
/**
 * The content script's path in the build, where WXT writes `entrypoints/psa.content.ts`. It
 * repeats `CONTENT_SCRIPT_FILE` of lib/psa-sites/content-scripts.ts, because that module reads
 * `import.meta.env`, which only the WXT build defines, so it cannot be imported here.
 */
export const CONTENT_SCRIPT_FILE = 'content-scripts/psa.js';
const CONTENT_SCRIPT_MAX_GZIP_BYTES = 30 * 1024;
const GZIP_LEVEL = 9;
/** Matches `from"./x.js"`, `import"./x.js"` and `import("./x.js")` in Vite's minified output. */
const IMPORT_PATTERN = /(?:\bfrom|\bimport)\s*\(?\s*["']([^"']+\.js)["']/g;
const HTML_ASSET_PATTERN = /<(?:script|link)\b[^>]*\b(?:src|href)="([^"]+\.(?:js|css))"/g;

interface EntrySize {
  files: number;
  rawBytes: number;
  gzipBytes: number;
}

/** Resolves `reference` from a file in the build, where "/" is the build's root. */
function resolveInBuild(fromFile: string, reference: string): string {
  return reference.startsWith('/')
    ? join(RELEASE_DIR, reference)
    : resolve(dirname(fromFile), reference);
}

/** Returns `entry` and every file it loads, each once. */
function collectFiles(entry: string): string[] {
  const seen = new Set<string>();
  const pending = [entry];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    const pattern = file.endsWith('.html') ? HTML_ASSET_PATTERN : IMPORT_PATTERN;
    if (!file.endsWith('.html') && !file.endsWith('.js')) continue;
    for (const match of text.matchAll(pattern)) pending.push(resolveInBuild(file, match[1]!));
  }
  return [...seen];
}

/** Formats bytes in KiB of 1,024 bytes. */
function formatKibibytes(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

function measureEntry(entry: string): EntrySize {
  const files = collectFiles(join(RELEASE_DIR, entry));
  let rawBytes = 0;
  let gzipBytes = 0;
  for (const file of files) {
    const content = readFileSync(file);
    rawBytes += content.length;
    gzipBytes += gzipSync(content, { level: GZIP_LEVEL }).length;
  }
  return { files: files.length, rawBytes, gzipBytes };
}

/** Lists the entry points the manifest names, plus the content script that the background registers. */
function listEntries(): string[] {
  const manifest = JSON.parse(readFileSync(join(RELEASE_DIR, 'manifest.json'), 'utf8')) as {
    background?: { service_worker?: string };
    action?: { default_popup?: string };
    options_ui?: { page?: string };
    web_accessible_resources?: Array<{ resources: string[] }>;
  };
  const pages = manifest.web_accessible_resources?.flatMap((entry) => entry.resources) ?? [];
  return [
    manifest.background?.service_worker,
    CONTENT_SCRIPT_FILE,
    manifest.action?.default_popup,
    manifest.options_ui?.page,
    ...pages.filter((page) => page.endsWith('.html')),
  ].filter((entry): entry is string => entry !== undefined);
}

export function runBundleBenchmark(): Promise<BenchmarkResult> {
  const figures: Figure[] = listEntries().map((entry) => {
    const size = measureEntry(entry);
    const files = size.files === 1 ? '1 file' : `${size.files} files`;
    const value = `${formatKibibytes(size.gzipBytes)} gzip, ${formatKibibytes(size.rawBytes)} raw, ${files}`;
    if (entry !== CONTENT_SCRIPT_FILE) return { name: entry, value };
    return {
      name: `${entry} (content script)`,
      value,
      target: `< ${formatKibibytes(CONTENT_SCRIPT_MAX_GZIP_BYTES)} gzip`,
      passed: size.gzipBytes < CONTENT_SCRIPT_MAX_GZIP_BYTES,
    };
  });
  return Promise.resolve({
    title: 'Bundle sizes',
    method: [
      'Sizes of the release build (`npx wxt build`, `.output/chrome-mv3`), per entry point: the file itself and, for a page or a module, every script and stylesheet it loads through HTML tags and `import` statements.',
      'Chunks shared between entry points count in each. Gzip sizes are `zlib.gzipSync` at level 9, per file, and KiB is 1,024 bytes.',
    ].join(' '),
    figures,
  });
}
