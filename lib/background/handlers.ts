/**
 * The background's handler for each message type. The router has already parsed the message and
 * checked that its sender may send it.
 */
import { createAddigyClient } from '../addigy/client';
import {
  deleteProductMapping,
  listProductMappings,
  saveProductMapping,
} from '../mapping/product-mapping';
import type { HandlerContext, Handlers } from '../messaging/router';
import { hasHostPermission, originPattern } from '../permissions/host-permissions';
import { loadSettings, updateSettings, type Settings } from '../settings/settings';
import { sharedBudget } from '../addigy/budget';
import { cancelSync, runSync } from '../sync/run-sync';
import { scheduleSync } from '../sync/scheduler';
import { loadLatestSnapshot } from '../sync/snapshot-store';
import { loadSyncStatus, saveSyncStatus } from '../sync/sync-status';
import { credentialHint, deleteCredentials, getVaultState, saveCredentials } from '../vault/vault';
import { vaultHandlers } from './vault-handlers';
import { createDiagnosticsHandlers } from './diagnostics-handlers';
import { mappingHandlers } from './mapping-handlers';
import { overlayCountsFor } from './overlay-counts';
import { findAccountMapping } from '../mapping/account-mapping';
import { panelPoliciesOf } from './panel-policies';
import { browserScripting, reconcileContentScripts } from '../psa-sites/content-scripts';
import { MAX_PSA_SITES, parseSiteOrigin, sitePattern } from '../psa-sites/sites';
import { log } from '../log/logger';
import { refreshActionBadge } from '../reconciliation/action-badge';
import { popupHandlers, recordObservation } from './popup-handlers';

/**
 * Registers the content script for the granted PSA sites and drops sites whose permission the
 * user revoked. Returns the sites kept.
 */
export async function syncPsaSites(): Promise<string[]> {
  const settings = await loadSettings();
  const { revoked } = await reconcileContentScripts(settings.psaSites);
  if (revoked.length === 0) return settings.psaSites;
  const kept = settings.psaSites.filter((site) => !revoked.includes(site));
  await updateSettings({ psaSites: kept });
  return kept;
}

/** Applies the stored request budget to every Addigy request from this worker. */
export function applyBudgetSettings(settings: Settings): void {
  sharedBudget.setLimits({
    ...sharedBudget.getLimits(),
    maxRequestsPerWindow: settings.maxRequestsPerWindow,
    maxInFlight: settings.maxInFlight,
  });
}

export const handlers: Handlers = {
  'sync/start': async () => {
    const snapshot = await runSync();
    return { snapshotId: snapshot.id ?? null };
  },

  'state/get': async () => {
    const [settings, status, snapshot, vault] = await Promise.all([
      loadSettings(),
      loadSyncStatus(),
      loadLatestSnapshot(),
      getVaultState(),
    ]);
    return { settings, status, snapshot, vault };
  },

  'credentials/authenticate': async ({ credentials }) => {
    if (!(await hasHostPermission(credentials.apiUrl))) {
      throw new Error(
        `The extension has no permission to reach ${originPattern(credentials.apiUrl)}. Click Authenticate again and allow access when the browser asks.`,
      );
    }
    const result = await createAddigyClient(credentials).authenticate();
    await cancelSync('The sync was stopped because new credentials were entered.');
    // A block applies to the old key; new credentials may sync at once.
    await saveSyncStatus({ ...(await loadSyncStatus()), blockedUntil: null });
    await saveCredentials(credentials);
    await updateSettings({
      apiVersion: credentials.apiVersion,
      apiUrl: credentials.apiUrl,
      credentialsConfigured: true,
      credentialHint: credentialHint(credentials),
      apiPermissions: result.permissions,
    });
    // The first sync starts at once so the popup has numbers; its errors show in the popup.
    runSync().catch(() => log.info('The first sync after authenticating failed.'));
    return result;
  },

  'credentials/forget': async () => {
    await cancelSync('The sync was stopped because the credentials were forgotten.');
    await deleteCredentials();
    await updateSettings({
      credentialsConfigured: false,
      credentialHint: null,
      apiPermissions: null,
    });
    return null;
  },

  ...vaultHandlers,

  'settings/update': async ({ changes }) => {
    const settings = await updateSettings(changes);
    applyBudgetSettings(settings);
    await scheduleSync(settings.syncIntervalMinutes);
    return settings;
  },

  'panel/policies': async () => panelPoliciesOf(await loadLatestSnapshot()),

  'mappings/list': async () => listProductMappings(),

  'mappings/save': async ({ mapping }) => {
    await saveProductMapping(mapping);
    return null;
  },

  'mappings/delete': async ({ productId }) => {
    await deleteProductMapping(productId);
    return null;
  },

  ...mappingHandlers,

  ...popupHandlers,

  'psaSites/add': async ({ origin }) => {
    const site = parseSiteOrigin(origin);
    if (!(await browserScripting.isGranted(sitePattern(site)))) {
      throw new Error(
        `The extension has no permission for ${site}. Click Add again and choose Allow.`,
      );
    }
    const settings = await loadSettings();
    if (!settings.psaSites.includes(site)) {
      if (settings.psaSites.length >= MAX_PSA_SITES) {
        throw new Error(`At most ${MAX_PSA_SITES} PSA sites can be added. Remove one first.`);
      }
      await updateSettings({ psaSites: [...settings.psaSites, site] });
    }
    return syncPsaSites();
  },

  'psaSites/remove': async ({ origin }) => {
    const settings = await loadSettings();
    await updateSettings({ psaSites: settings.psaSites.filter((site) => site !== origin) });
    return syncPsaSites();
  },

  'overlay/counts': async (
    { psa, companyName, companyId, agreementId, productIds, quantities },
    { origin },
  ) => {
    const snapshot = await loadLatestSnapshot();
    if (!snapshot) return null;
    // The site comes from the sender, which the browser sets, so a page cannot ask for the
    // mappings of another PSA site.
    const host = origin && URL.canParse(origin) ? new URL(origin).hostname : null;
    const mapping = host ? await findAccountMapping({ psa, host, companyId, agreementId }) : null;
    if (mapping) await recordObservation(mapping, productIds, quantities);
    const target = { companyName, mappedPolicyId: mapping?.policyId ?? null };
    return overlayCountsFor(snapshot, target, productIds, await listProductMappings());
  },

  ...createDiagnosticsHandlers(applyBudgetSettings),
};

/** Messages that change which agreements are mapped, after which the toolbar badge may change. */
const MAPPING_CHANGES = [
  'accountMappings/save',
  'accountMappings/delete',
  'mappings/import',
  'settings/import',
] as const;

// The wrapper passes each message on unchanged, so the loose types here lose no checking.
const mutableHandlers = handlers as unknown as Record<
  string,
  (message: unknown, context: HandlerContext) => Promise<unknown>
>;
for (const type of MAPPING_CHANGES) {
  const handle = mutableHandlers[type]!;
  mutableHandlers[type] = async (message, context) => {
    const result = await handle(message, context);
    await refreshActionBadge().catch((error: unknown) =>
      log.warn('Could not update the toolbar badge after a mapping change.', error),
    );
    return result;
  };
}
