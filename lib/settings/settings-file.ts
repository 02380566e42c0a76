/**
 * The options page's side of the settings file: its name, reading a chosen file as JSON, and the
 * sentences that report an export or import. The background checks the file's content.
 */
import { MAX_MAPPINGS_FILE_BYTES } from '../mapping/mappings-file';
import type { SettingsImportResult } from './settings-transfer';

/** The largest settings file read, in bytes: the mappings dominate its size. */
export const MAX_SETTINGS_FILE_BYTES = MAX_MAPPINGS_FILE_BYTES;

/** Returns the export's file name for `date`, such as "addigy-settings-2026-12-04.json". */
export function settingsFileName(date: Date): string {
  return `addigy-settings-${date.toISOString().slice(0, 10)}.json`;
}

/** Parses the text of a chosen file, or throws an Error that names the problem and the fix. */
export function parseSettingsFileText(fileName: string, text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new Error(
      `"${fileName}" is not a JSON file (${detail}). Choose a file made by Export settings. Nothing was imported.`,
    );
  }
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** Describes a finished import, naming the PSA sites the user still has to add. */
export function describeSettingsImport(result: SettingsImportResult): string {
  const mappings = `${plural(result.accounts, 'account mapping')} and ${plural(result.products, 'product mapping')}`;
  const imported = `Imported the sync settings, ${mappings}.`;
  if (result.sitesToAdd.length === 0) return imported;
  return `${imported} Add these PSA sites under PSA sites, so the browser can ask for access: ${result.sitesToAdd.join(', ')}.`;
}
