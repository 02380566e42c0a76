/**
 * Export and import of the settings together with every mapping, as one versioned JSON file. The
 * file never contains credentials, their hint or anything from the vault. An import is checked
 * whole before anything is written, so an invalid file changes nothing, and the error names the
 * entry and field that are wrong and what to do about it.
 *
 * PSA sites are listed in the file but not added by an import, because each site needs the
 * user's permission, which the browser grants only from a click on that site's Add button.
 */
import { z } from 'zod';
import { exportMappings, mappingListsShape, writeMappings } from '../mapping/transfer';
import { MAX_PSA_SITES, parseSiteOrigin } from '../psa-sites/sites';
import { loadSettings, syncSettingsSchema, updateSettings } from './settings';

export const SETTINGS_FILE_FORMAT = 'addigy-psa-counts/settings';
export const SETTINGS_FILE_VERSION = 1;

/** Key names that suggest a credential. A file with one is rejected with its own message. */
const CREDENTIAL_KEY = /key|secret|client|credential|token|passphrase|vault|hint/i;

const psaSiteSchema = z.string().refine((site) => {
  try {
    return parseSiteOrigin(site) === site;
  } catch {
    return false;
  }
}, 'Expected a PSA site origin such as "https://na.myconnectwise.net".');

const settingsFileSchema = z.strictObject({
  format: z.literal(SETTINGS_FILE_FORMAT),
  version: z.literal(SETTINGS_FILE_VERSION),
  exportedAt: z.string().optional(),
  settings: z.strictObject(syncSettingsSchema.shape),
  psaSites: z.array(psaSiteSchema).max(MAX_PSA_SITES),
  ...mappingListsShape,
});

export type SettingsFile = z.infer<typeof settingsFileSchema>;

export interface SettingsImportResult {
  accounts: number;
  products: number;
  /** PSA sites in the file that are not added yet. The user adds each, granting its permission. */
  sitesToAdd: string[];
}

/** Returns the current settings and mappings as a settings file. */
export async function exportSettingsFile(now = Date.now()): Promise<SettingsFile> {
  const settings = await loadSettings();
  const mappings = await exportMappings();
  const sync: Record<string, unknown> = {};
  for (const key of Object.keys(syncSettingsSchema.shape)) {
    sync[key] = settings[key as keyof typeof settings];
  }
  return {
    format: SETTINGS_FILE_FORMAT,
    version: SETTINGS_FILE_VERSION,
    exportedAt: new Date(now).toISOString(),
    settings: sync as SettingsFile['settings'],
    psaSites: settings.psaSites,
    accountMappings: mappings.accountMappings,
    productMappings: mappings.productMappings,
  };
}

/** Checks `json` whole and, only when every part is valid, applies its settings and mappings. */
export async function importSettingsFile(
  json: unknown,
  now = Date.now(),
): Promise<SettingsImportResult> {
  const file = parseSettingsFile(json);
  const counts = await writeMappings(file, now);
  const current = await updateSettings(file.settings);
  const sitesToAdd = file.psaSites.filter((site) => !current.psaSites.includes(site));
  return { ...counts, sitesToAdd };
}

/** Returns the checked file, or throws an Error that names the wrong entry and the fix. */
export function parseSettingsFile(json: unknown): SettingsFile {
  rejectFileOfOtherKind(json);
  const parsed = settingsFileSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  // A key that looks like a credential is reported first, whatever else is wrong.
  for (const issue of parsed.error.issues) {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
    const credentialKey = keys.find((key) => CREDENTIAL_KEY.test(key));
    if (credentialKey === undefined) continue;
    throw new Error(
      `The settings file is invalid at ${describePath(issue.path)}: it contains "${credentialKey}". Settings files never contain credentials. Remove that entry, or export the settings again. Nothing was imported.`,
    );
  }
  const issue = parsed.error.issues[0]!;
  const where = describePath(issue.path);
  throw new Error(
    `The settings file is invalid at ${where}: ${issue.message.replace(/\.$/, '')}. Correct that value in the file, or export the settings again. Nothing was imported.`,
  );
}

function rejectFileOfOtherKind(json: unknown): void {
  if (!json || typeof json !== 'object') return;
  const { format, version } = json as { format?: unknown; version?: unknown };
  if (format === 'addigy-psa-counts/mappings') {
    throw new Error(
      'This is a mappings file, not a settings file. Import it under Mappings with "Import mappings". Nothing was imported.',
    );
  }
  if (format === SETTINGS_FILE_FORMAT && typeof version === 'number') {
    if (version > SETTINGS_FILE_VERSION) {
      throw new Error(
        `The settings file has version ${version}, made by a newer release of the extension; this one reads version ${SETTINGS_FILE_VERSION}. Update the extension, then import again. Nothing was imported.`,
      );
    }
  }
}

const LIST_NAMES: Record<string, string> = {
  accountMappings: 'account mapping',
  productMappings: 'product mapping',
  psaSites: 'PSA site',
};

/** Describes an issue's path, such as `accountMappings[2].host (account mapping 3)`. */
export function describePath(path: ReadonlyArray<PropertyKey>): string {
  if (path.length === 0) return 'the top level';
  let text = '';
  for (const part of path) {
    text += typeof part === 'number' ? `[${part}]` : `${text ? '.' : ''}${String(part)}`;
  }
  const [list, index] = path;
  const noun = typeof list === 'string' ? LIST_NAMES[list] : undefined;
  return noun && typeof index === 'number' ? `${text} (${noun} ${index + 1})` : text;
}
