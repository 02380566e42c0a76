/**
 * Export and import of every mapping as a JSON file. The file holds account and product mappings
 * only, never credentials. An import is checked whole by the background, so an invalid file
 * changes nothing and the error names the entry that is wrong.
 */
import {
  describeExport,
  describeImport,
  MAX_MAPPINGS_FILE_BYTES,
  mappingsFileName,
  parseMappingsFileText,
} from '../lib/mapping/mappings-file';
import type { MappingsFile } from '../lib/mapping/transfer';
import { request } from '../lib/messaging/client';
import { useJsonFileTransfer } from './use-json-file-transfer';

async function importFile(file: File): Promise<string> {
  if (file.size > MAX_MAPPINGS_FILE_BYTES) {
    throw new Error(
      `"${file.name}" is larger than ${MAX_MAPPINGS_FILE_BYTES / 1024 / 1024} MB, so it is not a mappings file. Nothing was imported.`,
    );
  }
  const json = parseMappingsFileText(file.name, await file.text());
  return describeImport(
    await request<{ accounts: number; products: number }>({ type: 'mappings/import', file: json }),
  );
}

export function MappingsTransfer({ onImported }: { onImported(): void }) {
  const { result, exportAll, importChosenFile } = useJsonFileTransfer({
    exportFile: async () => {
      const file = await request<MappingsFile>({ type: 'mappings/export' });
      return { name: mappingsFileName(new Date()), value: file, message: describeExport(file) };
    },
    importFile,
    onImported,
  });

  return (
    <div class="mappings-transfer">
      <button type="button" onClick={() => void exportAll()} data-testid="export-mappings">
        Export mappings
      </button>
      <label for="mappings-import">Import mappings</label>
      <input
        id="mappings-import"
        type="file"
        accept="application/json,.json"
        onChange={(event) => void importChosenFile(event.currentTarget)}
        data-testid="import-mappings"
      />
      <p class="field-help">
        The file holds the account and product mappings, never the Addigy credentials. An import
        adds its mappings and replaces those for the same PSA records and product IDs.
      </p>
      {result && (
        <p
          class={result.kind}
          role={result.kind === 'error' ? 'alert' : 'status'}
          data-testid="transfer-result"
        >
          {result.text}
        </p>
      )}
    </div>
  );
}
