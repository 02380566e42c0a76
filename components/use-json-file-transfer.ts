/**
 * The export and import steps shared by the options page's JSON files (mappings, settings): the
 * download, the file input that can take the same file again, and the result line to show.
 */
import { useState } from 'preact/hooks';
import { downloadText } from '../lib/export/download';

export type TransferResult = { kind: 'success' | 'error'; text: string };

export interface JsonFileTransfer {
  /** Fetches the file's content and returns its name, its JSON value and the success message. */
  exportFile(): Promise<{ name: string; value: unknown; message: string }>;
  /** Checks and imports the chosen file, and returns the success message. */
  importFile(file: File): Promise<string>;
  onImported(): void | Promise<void>;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function useJsonFileTransfer(transfer: JsonFileTransfer) {
  const [result, setResult] = useState<TransferResult | null>(null);

  const exportAll = async () => {
    try {
      const { name, value, message } = await transfer.exportFile();
      downloadText(name, `${JSON.stringify(value, null, 2)}\n`, 'application/json');
      setResult({ kind: 'success', text: message });
    } catch (error) {
      setResult({ kind: 'error', text: messageOf(error) });
    }
  };

  const importChosenFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    try {
      const text = await transfer.importFile(file);
      await transfer.onImported();
      setResult({ kind: 'success', text });
    } catch (error) {
      setResult({ kind: 'error', text: messageOf(error) });
    } finally {
      // Lets the same file be chosen again after it was fixed.
      input.value = '';
    }
  };

  return { result, exportAll, importChosenFile };
}
