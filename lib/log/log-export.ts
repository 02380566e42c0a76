/**
 * The downloadable log: a header that identifies the extension, the browser and the settings,
 * then the kept log lines. The background builds it, because only the background can read the
 * stored credentials, whose values are removed from the whole text as a second line of defence
 * after the logger's own redaction.
 */
import type { Settings } from '../settings/settings';
import { redact, withoutSecrets } from './logger';
import type { LogEntry } from './log-store';

export interface LogExportInput {
  extensionVersion: string;
  userAgent: string;
  settings: Settings;
  entries: readonly LogEntry[];
  /** The stored credential values, or null when they could not be read (vault locked). */
  secrets: readonly string[] | null;
  now: number;
}

/** Returns the settings for the header without `credentialHint`, which is part of a secret. */
export function settingsForLog(settings: Settings): Omit<Settings, 'credentialHint'> {
  const { credentialHint: _hint, ...rest } = settings;
  return rest;
}

/** Returns the log file's text, scrubbed of every stored credential value. */
export function buildLogExport(input: LogExportInput): string {
  const scrubNote =
    input.secrets === null
      ? 'Stored credentials: not read (locked); pattern redaction only.'
      : 'Stored credentials: removed from this file wherever they appear.';
  const header = [
    'Addigy Counts for PSA: diagnostic log',
    `Exported: ${new Date(input.now).toISOString()}`,
    `Extension version: ${input.extensionVersion}`,
    `Browser: ${input.userAgent}`,
    scrubNote,
    `Settings: ${JSON.stringify(settingsForLog(input.settings), null, 2)}`,
    `Log lines: ${input.entries.length} (oldest first)`,
    '',
  ];
  const lines = input.entries.map(
    (entry) => `${new Date(entry.at).toISOString()} ${entry.level.toUpperCase()} ${entry.text}`,
  );
  const text = redact([...header, ...lines].join('\n'));
  return `${withoutSecrets(text, input.secrets ?? [])}\n`;
}

/** Returns the log file's name for `date`, such as "addigy-counts-log-2026-12-04.txt". */
export function logFileName(date: Date): string {
  return `addigy-counts-log-${date.toISOString().slice(0, 10)}.txt`;
}
