/**
 * Handlers for the options page's diagnostics and settings file: the sync history, the
 * downloadable log, and export and import of settings with mappings. The log is built here,
 * where the stored credentials can be read and removed from it, so the options page never receives them.
 */
import { browser } from 'wxt/browser';
import { buildLogExport } from '../log/log-export';
import { listLogEntries } from '../log/log-store';
import { log } from '../log/logger';
import type { Handlers } from '../messaging/router';
import { loadSettings } from '../settings/settings';
import { exportSettingsFile, importSettingsFile } from '../settings/settings-transfer';
import { scheduleSync } from '../sync/scheduler';
import { listSyncHistory } from '../sync/sync-history';
import type { Credentials } from '../vault/credentials';
import { loadCredentials } from '../vault/vault';

type DiagnosticsHandlers = Pick<
  Handlers,
  'settings/export' | 'settings/import' | 'diagnostics/history' | 'diagnostics/log'
>;

/** Returns the credential values to scrub from the log, or null when the vault is locked. */
async function storedSecrets(): Promise<string[] | null> {
  let credentials: Credentials | null;
  try {
    credentials = await loadCredentials();
  } catch (error) {
    log.info('The log export could not read the credentials to scrub them.', error);
    return null;
  }
  if (!credentials) return [];
  return credentials.apiVersion === 'v2'
    ? [credentials.apiKey]
    : [credentials.clientId, credentials.clientSecret];
}

export function createDiagnosticsHandlers(
  applySettings: (settings: Awaited<ReturnType<typeof loadSettings>>) => void,
): DiagnosticsHandlers {
  return {
    'settings/export': () => exportSettingsFile(),

    'settings/import': async ({ file }) => {
      const result = await importSettingsFile(file);
      const settings = await loadSettings();
      applySettings(settings);
      await scheduleSync(settings.syncIntervalMinutes);
      return result;
    },

    'diagnostics/history': () => listSyncHistory(),

    'diagnostics/log': async () => {
      const [settings, entries, secrets] = await Promise.all([
        loadSettings(),
        listLogEntries(),
        storedSecrets(),
      ]);
      return buildLogExport({
        extensionVersion: browser.runtime.getManifest().version,
        userAgent: globalThis.navigator?.userAgent ?? 'unknown',
        settings,
        entries,
        secrets,
        now: Date.now(),
      });
    },
  };
}
