/**
 * The options page's diagnostics and settings file, end to end. A failed and a successful sync
 * against the local Addigy server appear in the sync history, and the downloaded log contains
 * none of the distinctive credentials. A settings file round trips, and an invalid one changes
 * nothing.
 */
import { readFile, writeFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { DEMO_CREDENTIALS, startAddigyServer } from '../../scripts/addigy-server/server';
import {
  addProductMapping,
  authenticate,
  openExtensionPage,
  waitForSyncToSettle,
} from '../../scripts/browser/ui';
import { expect, test } from './fixtures';

const API_KEY = 'zq7-DISTINCTIVE-diag-key-83c2e1';
const CLIENT_ID = 'cid-DISTINCTIVE-diag-client-52';
const CLIENT_SECRET = 'sec-DISTINCTIVE-diag-secret-64';

/** Clicks `testId` and returns the downloaded file's text. */
async function downloadFrom(page: Page, testId: string): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId(testId).click(),
  ]);
  const file = await download.path();
  return { name: download.suggestedFilename(), text: await readFile(file, 'utf8') };
}

test('history and log after two syncs', async ({ extension, fleet }) => {
  let failDevices = true;
  const server = await startAddigyServer({
    fleet,
    apiKey: API_KEY,
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    // A 403 is not retried, so the first sync fails at once with Addigy's permission error.
    faults: (request) =>
      failDevices && request.path.endsWith('/devices') ? { status: 403 } : undefined,
  });
  try {
    const options = await openExtensionPage(
      extension.context,
      extension.extensionId,
      'options.html',
    );
    // V1 first, so that its client id and secret pass through the background too.
    const v1 = await authenticate(options, {
      apiVersion: 'v1',
      apiUrl: `${server.url}/api`,
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
    });
    expect(v1.kind).toContain('success');
    const popup = await openExtensionPage(extension.context, extension.extensionId, 'popup.html');
    expect(await waitForSyncToSettle(popup)).toBe('failed');

    failDevices = false;
    const v2 = await authenticate(options, {
      apiVersion: 'v2',
      apiUrl: server.url,
      apiKey: API_KEY,
    });
    expect(v2.kind).toContain('success');
    await expect(options.getByTestId('api-permissions').getByRole('listitem')).toHaveText([
      'View Devices',
      'View Device List',
    ]);
    // The sync that authenticating started succeeds now; only a success shows a last sync.
    await expect(popup.getByTestId('last-sync')).toBeVisible({ timeout: 60_000 });

    // The list refreshes by itself when a sync finishes; newest first.
    const rows = options.getByTestId('sync-history-row');
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(0)).toHaveAttribute('data-outcome', 'succeeded');
    await expect(rows.nth(0).locator('td').nth(3)).toHaveText(String(fleet.devices.length));
    await expect(rows.nth(0).locator('td').nth(4)).toHaveText('Succeeded');
    await expect(rows.nth(1)).toHaveAttribute('data-outcome', 'failed');
    await expect(rows.nth(1).locator('td').nth(4)).toHaveText('Failed');
    await expect(rows.nth(1).locator('td').nth(5)).toContainText('403');

    const log = await downloadFrom(options, 'download-log');
    expect(log.name).toMatch(/^addigy-counts-log-\d{4}-\d{2}-\d{2}\.txt$/);
    expect(log.text).toContain('Addigy Counts for PSA: diagnostic log');
    expect(log.text).toMatch(/^Extension version: \d+\.\d+\.\d+$/m);
    expect(log.text).toContain('Stored credentials: removed from this file');
    expect(log.text).toMatch(/INFO Sync \w+ started\./);
    expect(log.text).toMatch(/ERROR Sync \w+ failed\./);
    for (const secret of [API_KEY, CLIENT_ID, CLIENT_SECRET]) {
      expect(log.text.includes(secret), secret).toBe(false);
      expect(log.text.includes(secret.slice(4, 20)), `part of ${secret}`).toBe(false);
    }
  } finally {
    await server.close();
  }
});

test('settings file round trip and rejection', async ({ extension, addigy }, testInfo) => {
  const options = await openExtensionPage(extension.context, extension.extensionId, 'options.html');
  await authenticate(options, {
    apiVersion: 'v2',
    apiUrl: addigy.url,
    apiKey: DEMO_CREDENTIALS.apiKey,
  });
  await addProductMapping(options, 'MDM-MAC', 'macOS devices');
  const interval = options.getByLabel('Sync every (minutes)');
  await interval.fill('120');
  await options.getByTestId('save-sync-settings').click();
  await expect(options.getByTestId('sync-settings-result')).toHaveText(/^Saved\./);

  const exported = await downloadFrom(options, 'export-settings');
  expect(exported.name).toMatch(/^addigy-settings-\d{4}-\d{2}-\d{2}\.json$/);
  const file = JSON.parse(exported.text) as Record<string, unknown>;
  expect(file).toMatchObject({
    format: 'addigy-psa-counts/settings',
    version: 1,
    settings: { syncIntervalMinutes: 120 },
    productMappings: [{ productId: 'MDM-MAC', service: 'macOS' }],
  });
  expect(exported.text).not.toContain(DEMO_CREDENTIALS.apiKey);

  // Change the settings and the mappings, then import the file back.
  await interval.fill('300');
  await options.getByTestId('save-sync-settings').click();
  await expect(options.getByTestId('sync-settings-result')).toHaveText(/^Saved\./);
  await options.getByRole('button', { name: 'Remove MDM-MAC' }).click();
  await expect(options.getByTestId('mapping-row')).toHaveCount(0);

  const good = testInfo.outputPath('settings.json');
  await writeFile(good, exported.text);
  await options.getByTestId('import-settings').setInputFiles(good);
  await expect(options.getByTestId('settings-transfer-result')).toHaveText(
    'Imported the sync settings, 0 account mappings and 1 product mapping.',
  );
  await expect(options.getByLabel('Sync every (minutes)')).toHaveValue('120');
  await expect(options.getByTestId('mapping-row')).toHaveCount(1);

  const bad = testInfo.outputPath('bad-settings.json');
  const invalid = {
    ...file,
    settings: { ...(file.settings as object), syncIntervalMinutes: 45 },
    productMappings: [
      { productId: 'MDM-IOS', service: 'iOS' },
      { productId: '', service: 'x' },
    ],
  };
  await writeFile(bad, JSON.stringify(invalid));
  await options.getByTestId('import-settings').setInputFiles(bad);
  const alert = options.getByTestId('settings-transfer-result');
  await expect(alert).toHaveAttribute('role', 'alert');
  await expect(alert).toContainText(
    'The settings file is invalid at productMappings[1].productId (product mapping 2):',
  );
  await expect(alert).toContainText('Nothing was imported.');
  await options.reload();
  await expect(options.getByLabel('Sync every (minutes)')).toHaveValue('120');
  await expect(options.getByTestId('mapping-row')).toHaveCount(1);
  await expect(options.getByTestId('mapping-row')).toContainText('MDM-MAC');
});
