/**
 * Export and import of the settings with every mapping, as one JSON file. The file never
 * contains credentials. An import is checked whole by the background, so an invalid file changes nothing
 * and the error names the entry that is wrong.
 */
import { request } from '../lib/messaging/client';
import {
  MAX_SETTINGS_FILE_BYTES,
  describeSettingsImport,
  parseSettingsFileText,
  settingsFileName,
} from '../lib/settings/settings-file';
import type { SettingsFile, SettingsImportResult } from '../lib/settings/settings-transfer';
import { useJsonFileTransfer } from './use-json-file-transfer';

async function importFile(file: File): Promise<string> {
  if (file.size > MAX_SETTINGS_FILE_BYTES) {
    throw new Error(
      `"${file.name}" is larger than ${MAX_SETTINGS_FILE_BYTES / 1024 / 1024} MB, so it is not a settings file. Nothing was imported.`,
    );
  }
  const json = parseSettingsFileText(file.name, await file.text());
  const result = await request<SettingsImportResult>({ type: 'settings/import', file: json });
  return describeSettingsImport(result);
}

export function SettingsTransfer({ onImported }: { onImported(): Promise<void> }) {
  const { result, exportAll, importChosenFile } = useJsonFileTransfer({
    exportFile: async () => ({
      name: settingsFileName(new Date()),
      value: await request<SettingsFile>({ type: 'settings/export' }),
      message: 'Exported the settings and every mapping.',
    }),
    importFile,
    onImported,
  });

  return (
    <section aria-labelledby="settings-file-title" data-testid="settings-transfer">
      <h2 id="settings-file-title">Settings file</h2>
      <p class="field-help">
        One JSON file with the sync settings, the PSA sites, and every account and product mapping,
        to copy them to another browser or keep a backup. It never contains the Addigy credentials,
        so connect each browser with its own.
      </p>
      <p>
        <button type="button" onClick={() => void exportAll()} data-testid="export-settings">
          Export settings
        </button>
      </p>
      <label for="settings-import">Import settings</label>
      <input
        id="settings-import"
        type="file"
        accept="application/json,.json"
        aria-describedby="settings-import-help"
        onChange={(event) => void importChosenFile(event.currentTarget)}
        data-testid="import-settings"
      />
      <p id="settings-import-help" class="field-help">
        An import replaces the sync settings, adds its mappings and replaces those for the same PSA
        records and product IDs. A file with any invalid entry changes nothing.
      </p>
      {result && (
        <p
          class={result.kind}
          role={result.kind === 'error' ? 'alert' : 'status'}
          data-testid="settings-transfer-result"
        >
          {result.text}
        </p>
      )}
    </section>
  );
}
