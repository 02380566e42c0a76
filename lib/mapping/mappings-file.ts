/**
 * The options page's side of the mappings file: its name, reading a chosen file as JSON, and
 * the sentence that reports an import. The background checks the file's content.
 */

/**
 * The largest file read, in bytes. It is an estimate above any real export: 20,000 account
 * mappings (the import's limit) of typical length take about 6 MB. A larger file, such as a
 * wrongly chosen disk image, is rejected before it is read into memory.
 */
export const MAX_MAPPINGS_FILE_BYTES = 10 * 1024 * 1024;

/** Returns the export's file name for `date`, such as "addigy-mappings-2025-06-30.json". */
export function mappingsFileName(date: Date): string {
  return `addigy-mappings-${date.toISOString().slice(0, 10)}.json`;
}

/** Parses the text of a chosen file, or throws an Error that names the problem and the fix. */
export function parseMappingsFileText(fileName: string, text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new Error(
      `"${fileName}" is not a JSON file (${detail}). Choose a file made by Export mappings. Nothing was imported.`,
    );
  }
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** Describes a finished import, such as "Imported 1 account mapping and 2 product mappings." */
export function describeImport(result: { accounts: number; products: number }): string {
  return `Imported ${plural(result.accounts, 'account mapping')} and ${plural(result.products, 'product mapping')}.`;
}

/** Describes a finished export in the same words. */
export function describeExport(file: { accountMappings: unknown[]; productMappings: unknown[] }) {
  const accounts = plural(file.accountMappings.length, 'account mapping');
  return `Exported ${accounts} and ${plural(file.productMappings.length, 'product mapping')}.`;
}
