/**
 * Lists the files each built entry point loads: an HTML page's scripts, module preloads and
 * stylesheets, and every module a script imports, followed to the end. Works on Vite's output,
 * where imports are written as `from"./chunk.js"` or `import"./chunk.js"` with relative paths.
 */
import { posix } from 'node:path';

const HTML_REFERENCE = /(?:src|href)="\/([^"]+\.(?:js|css))"/g;
const MODULE_IMPORT = /(?:\bfrom|\bimport)\s*\(?\s*["'`](\.{1,2}\/[^"'`]+\.js)["'`]/g;

/** Returns the entry file and everything it loads, in the order found. */
export function entryFiles(entry: string, files: Map<string, Buffer>): string[] {
  const found: string[] = [];
  const pending = [entry];
  while (pending.length > 0) {
    const name = pending.shift()!;
    if (found.includes(name)) continue;
    const content = files.get(name);
    if (!content) {
      throw new Error(`${name}, loaded by entry point ${entry}, is not in the package.`);
    }
    found.push(name);
    pending.push(...references(name, content.toString('utf8')));
  }
  return found;
}

function references(name: string, text: string): string[] {
  if (name.endsWith('.html')) return [...text.matchAll(HTML_REFERENCE)].map((match) => match[1]!);
  if (!name.endsWith('.js')) return [];
  const directory = posix.dirname(name);
  return [...text.matchAll(MODULE_IMPORT)].map((match) => posix.join(directory, match[1]!));
}
