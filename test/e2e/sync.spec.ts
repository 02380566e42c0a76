import { DEMO_CREDENTIALS } from '../../scripts/addigy-server/server';
import {
  authenticate,
  exportCsv,
  openExtensionPage,
  readPopupTable,
  syncNow,
  waitForSyncToSettle,
  type ConnectionInput,
} from '../../scripts/browser/ui';
import { expect, test } from './fixtures';
import { expectedCsvRows, expectedRootCounts } from './support/expected-counts';

function v2(url: string, apiKey: string = DEMO_CREDENTIALS.apiKey): ConnectionInput {
  return { apiVersion: 'v2', apiUrl: url, apiKey };
}

test('V2 sync shows the fleet counts in the popup', async ({ extension, addigy, fleet }) => {
  const options = await openExtensionPage(extension.context, extension.extensionId, 'options.html');
  const result = await authenticate(options, v2(addigy.url));
  expect(result.kind).toContain('success');

  const popup = await openExtensionPage(extension.context, extension.extensionId, 'popup.html');
  expect(await waitForSyncToSettle(popup)).toBe('idle');
  const shown = await readPopupTable(popup);
  const expected = expectedRootCounts(fleet);
  expect(shown.map((row) => row.name)).toEqual(expected.map((row) => row.name));
  for (const [index, row] of expected.entries()) {
    expect(shown[index]?.values.total, row.name).toBe(row.total);
    for (const [os, count] of Object.entries(row.byOs)) {
      expect(shown[index]?.values[os], `${row.name} ${os}`).toBe(count);
    }
  }
  await expect(popup.getByTestId('last-sync')).toHaveText('just now');
});

test('CSV export matches the fleet', async ({ extension, addigy, fleet }) => {
  const options = await openExtensionPage(extension.context, extension.extensionId, 'options.html');
  await authenticate(options, v2(addigy.url));
  const popup = await openExtensionPage(extension.context, extension.extensionId, 'popup.html');
  await waitForSyncToSettle(popup);
  const csv = await exportCsv(popup);
  const lines = csv.trimEnd().split('\r\n');
  expect(lines[0]).toBe('policy_id,policy_name,os_type,devices');
  expect(lines.slice(1)).toEqual(expectedCsvRows(expectedRootCounts(fleet)));
});

test('V1 sync gives the same counts as V2', async ({ extension, addigy, fleet }) => {
  const options = await openExtensionPage(extension.context, extension.extensionId, 'options.html');
  const result = await authenticate(options, {
    apiVersion: 'v1',
    apiUrl: `${addigy.url}/api`,
    clientId: DEMO_CREDENTIALS.clientId,
    clientSecret: DEMO_CREDENTIALS.clientSecret,
  });
  expect(result.kind).toContain('success');
  await expect(options.getByTestId('v1-notice')).toContainText('31 March 2026');
  const popup = await openExtensionPage(extension.context, extension.extensionId, 'popup.html');
  expect(await waitForSyncToSettle(popup)).toBe('idle');
  const shown = await readPopupTable(popup);
  const expected = expectedRootCounts(fleet);
  expect(shown.map((row) => [row.name, row.values.total])).toEqual(
    expected.map((row) => [row.name, row.total]),
  );
  expect(addigy.requests.some((request) => request.path === '/api/devices')).toBe(true);
});

test('wrong API key shows the error and stores nothing', async ({ extension, addigy }) => {
  const options = await openExtensionPage(extension.context, extension.extensionId, 'options.html');
  const result = await authenticate(options, v2(addigy.url, 'not-the-key'));
  expect(result.kind).toContain('error');
  expect(result.text).toContain('Addigy rejected the credentials (401)');
  expect(result.text).toContain('Account > Integrations');
  await expect(options.getByTestId('credentials-configured')).toHaveCount(0);

  const popup = await openExtensionPage(extension.context, extension.extensionId, 'popup.html');
  await expect(popup.getByTestId('not-connected')).toBeVisible();
  await expect(popup.getByTestId('sync-now')).toBeDisabled();
});

test('failed sync keeps the last snapshot and shows why', async ({ extension, addigy, fleet }) => {
  const options = await openExtensionPage(extension.context, extension.extensionId, 'options.html');
  await authenticate(options, v2(addigy.url));
  const popup = await openExtensionPage(extension.context, extension.extensionId, 'popup.html');
  await waitForSyncToSettle(popup);
  const before = await readPopupTable(popup);

  await addigy.close();
  expect(await syncNow(popup)).toBe('failed');
  await expect(popup.getByTestId('sync-error')).toContainText('Could not reach Addigy');
  await expect(popup.getByTestId('sync-error')).toContainText('last successful sync');
  expect(await readPopupTable(popup)).toEqual(before);
  expect(before.length).toBe(expectedRootCounts(fleet).length);
});
