/**
 * Non-secret settings in `storage.local`. Every read goes through the zod schema, so a value
 * written by an older release, or edited by hand, falls back to its default instead of breaking
 * the extension.
 */
import { browser } from 'wxt/browser';
import { z } from 'zod';
import { BUDGET_BOUNDS, DEFAULT_BUDGET } from '../addigy/budget';
import { DEFAULT_V2_URL } from '../vault/credentials';

const SETTINGS_KEY = 'settings';

export const MIN_SYNC_INTERVAL_MINUTES = 30;

const accountLevelSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('roots') }),
  z.object({ kind: z.literal('children'), parentId: z.string().min(1).max(200) }),
]);

/** The settings a page may change through a message; out-of-range values are rejected. */
export const syncSettingsSchema = z.object({
  syncIntervalMinutes: z.number().int().min(MIN_SYNC_INTERVAL_MINUTES).max(1440),
  accountLevel: accountLevelSchema,
  staleAfterDays: z.number().int().min(1).max(365),
  /** Completed syncs kept for history. */
  snapshotsKept: z.number().int().min(1).max(1000),
  /** Request starts allowed in any 10-second window; Addigy blocks a key above 1,000. */
  maxRequestsPerWindow: z
    .number()
    .int()
    .min(BUDGET_BOUNDS.maxRequestsPerWindow.min)
    .max(BUDGET_BOUNDS.maxRequestsPerWindow.max),
  maxInFlight: z
    .number()
    .int()
    .min(BUDGET_BOUNDS.maxInFlight.min)
    .max(BUDGET_BOUNDS.maxInFlight.max),
});

/** The stored settings; a stored value that no longer parses falls back to its default. */
export const settingsSchema = z.object({
  apiVersion: z.enum(['v1', 'v2']).catch('v2'),
  apiUrl: z.string().catch(DEFAULT_V2_URL),
  /** Whether credentials are stored; the credentials themselves live only in the vault. */
  credentialsConfigured: z.boolean().catch(false),
  /** The last four characters of the API key or client secret, such as "…3f9a", or "…". */
  credentialHint: z.string().max(8).nullable().catch(null),
  /**
   * The V2 key's permissions as `GET /configuration/permissions` listed them when it was
   * authenticated; null for V1, which reports none, and before the first authentication.
   */
  apiPermissions: z.array(z.string().max(200)).max(500).nullable().catch(null),
  syncIntervalMinutes: syncSettingsSchema.shape.syncIntervalMinutes.catch(60),
  accountLevel: accountLevelSchema.catch({ kind: 'roots' }),
  staleAfterDays: syncSettingsSchema.shape.staleAfterDays.catch(30),
  snapshotsKept: syncSettingsSchema.shape.snapshotsKept.catch(90),
  maxRequestsPerWindow: syncSettingsSchema.shape.maxRequestsPerWindow.catch(
    DEFAULT_BUDGET.maxRequestsPerWindow,
  ),
  maxInFlight: syncSettingsSchema.shape.maxInFlight.catch(DEFAULT_BUDGET.maxInFlight),
  /** Origins of the user's PSA sites, such as "https://na.myconnectwise.net". */
  psaSites: z.array(z.string()).catch([]),
});

export type Settings = z.infer<typeof settingsSchema>;

export async function loadSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  return settingsSchema.parse(stored[SETTINGS_KEY] ?? {});
}

/** Merges `changes` into the stored settings and returns the result. */
export async function updateSettings(changes: Partial<Settings>): Promise<Settings> {
  const next = settingsSchema.parse({ ...(await loadSettings()), ...changes });
  await browser.storage.local.set({ [SETTINGS_KEY]: next });
  return next;
}
