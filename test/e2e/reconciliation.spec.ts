/**
 * Reconciliation across the overlay, the popup and the toolbar: the billed quantities the
 * overlay reads on a mapped agreement are stored, the popup shows them beside the Addigy counts,
 * the toolbar badge counts the agreements that are off, and an optional notification lists
 * mapped clients whose count changed.
 */
import type { Page } from '@playwright/test';
import { DEMO_CREDENTIALS } from '../../scripts/addigy-server/server';
import {
  addProductMapping,
  authenticate,
  openExtensionPage,
  syncNow,
  waitForSyncToSettle,
} from '../../scripts/browser/ui';
import { expect, test, type E2eFixtures } from './fixtures';
import { expectedRootCounts, type ExpectedRow } from './support/expected-counts';
import { badgeOf, recordUrl } from './support/mapping-panel';

const COMPANY = 'Acme Dental, Inc.';

/** The part of the `chrome` namespace these tests call inside the extension's contexts. */
interface ChromeApi {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  action: { getBadgeText(details: object): Promise<string> };
  permissions: { contains(request: { permissions?: string[] }): Promise<boolean> };
  notifications?: { create(...args: unknown[]): Promise<string> };
  storage: { local: { set(items: object): Promise<void> } };
}
type WithChrome = { chrome: ChromeApi };

/** Maps PSA company 250 on the fixture server to Acme Dental, as an imported mappings file. */
async function mapAcme(popup: Page, acme: ExpectedRow): Promise<void> {
  const file = {
    format: 'addigy-psa-counts/mappings',
    version: 1,
    accountMappings: [
      {
        psa: 'connectwise',
        host: '127.0.0.1',
        companyId: '250',
        agreementId: null,
        companyName: COMPANY,
        policyId: acme.policyId,
        policyName: acme.name,
      },
    ],
    productMappings: [],
  };
  const reply = await popup.evaluate(
    (message) => (globalThis as unknown as WithChrome).chrome.runtime.sendMessage(message),
    {
      type: 'mappings/import',
      file,
    },
  );
  expect(reply).toMatchObject({ ok: true });
}

async function openAgreement(
  page: Page,
  psaUrl: string,
  lines: Array<{ productId: string; quantity: number }>,
) {
  await page.goto(
    recordUrl(psaUrl, { company: COMPANY, companyId: '250', agreementId: '9250', lines }),
  );
  await expect(badgeOf(page, 'MDM-TOTAL')).toHaveCount(1);
}

function badgeText(extension: E2eFixtures['extension']): Promise<string> {
  return extension.serviceWorker.evaluate(() =>
    (globalThis as unknown as WithChrome).chrome.action.getBadgeText({}),
  );
}

test.beforeEach(async ({ extension, addigy }) => {
  const options = await openExtensionPage(extension.context, extension.extensionId, 'options.html');
  await authenticate(options, {
    apiVersion: 'v2',
    apiUrl: addigy.url,
    apiKey: DEMO_CREDENTIALS.apiKey,
  });
  await addProductMapping(options, 'MDM-MAC', 'macOS devices');
  await addProductMapping(options, 'MDM-TOTAL', 'Total devices');
  await options.close();
});

test('popup and badge show billed quantities', async ({ extension, psa, fleet }) => {
  const popup = await openExtensionPage(extension.context, extension.extensionId, 'popup.html');
  expect(await waitForSyncToSettle(popup)).toBe('idle');
  const acme = expectedRootCounts(fleet).find((row) => row.name === 'Acme Dental')!;
  const macs = acme.byOs.macOS ?? 0;
  await mapAcme(popup, acme);
  expect(await badgeText(extension)).toBe('');

  const page = await extension.context.newPage();
  await openAgreement(page, psa.url, [
    { productId: 'MDM-MAC', quantity: macs - 1 },
    { productId: 'MDM-MAC', quantity: 3 },
    { productId: 'MDM-TOTAL', quantity: acme.total },
  ]);
  await expect.poll(() => badgeText(extension)).toBe('1');

  await popup.reload();
  const row = popup.locator(`[data-policy-id="${acme.policyId}"]`);
  await expect(row.locator('[data-column="billed"]')).toHaveText(String(macs + 2 + acme.total));
  await expect(row.locator('[data-column="difference"]')).toHaveText('-2');
  await popup.getByTestId('policy-filter').selectOption({ label: 'Mapped and off' });
  await expect(popup.getByTestId('policy-row').locator('th')).toHaveText(['Acme Dental']);

  await openAgreement(page, psa.url, [
    { productId: 'MDM-MAC', quantity: macs },
    { productId: 'MDM-TOTAL', quantity: acme.total },
  ]);
  await expect.poll(() => badgeText(extension)).toBe('');
  await popup.reload();
  await expect(row.locator('[data-column="difference"]')).toHaveText('0');
  await popup.getByTestId('policy-filter').selectOption({ label: 'Mapped and off' });
  await expect(popup.getByTestId('policy-row')).toHaveCount(0);
});

test('badge follows a sync that changes counts', async ({ extension, psa, fleet }) => {
  const popup = await openExtensionPage(extension.context, extension.extensionId, 'popup.html');
  expect(await waitForSyncToSettle(popup)).toBe('idle');
  const acme = expectedRootCounts(fleet).find((row) => row.name === 'Acme Dental')!;
  await mapAcme(popup, acme);
  const page = await extension.context.newPage();
  await openAgreement(page, psa.url, [{ productId: 'MDM-TOTAL', quantity: acme.total }]);
  await expect.poll(() => badgeText(extension)).toBe('');

  const acmeDevice = fleet.devices.findIndex(
    (device) => device.facts.policy_id?.value === acme.policyId,
  );
  expect(acmeDevice).toBeGreaterThanOrEqual(0);
  fleet.devices.splice(acmeDevice, 1);
  expect(await syncNow(popup)).toBe('idle');
  await expect.poll(() => badgeText(extension)).toBe('1');
});

test('notification lists changed mapped clients', async ({ extension, fleet }) => {
  const popup = await openExtensionPage(extension.context, extension.extensionId, 'popup.html');
  expect(await waitForSyncToSettle(popup)).toBe('idle');
  const acme = expectedRootCounts(fleet).find((row) => row.name === 'Acme Dental')!;
  await mapAcme(popup, acme);
  const options = await openExtensionPage(extension.context, extension.extensionId, 'options.html');
  await expect(options.getByTestId('notify-count-changes')).not.toBeChecked();

  // NOTE: headless Chromium leaves permissions.request pending on a prompt that Playwright
  // cannot answer, and shows no notification a test could read. So the service worker gets the
  // granted permission and a recording notifications.create in place of the real ones. The
  // setting is then stored as the options page stores it.
  await extension.serviceWorker.evaluate(() => {
    const scope = globalThis as unknown as WithChrome & {
      browser?: Partial<ChromeApi>;
      createdNotifications: unknown[][];
    };
    const contains = scope.chrome.permissions.contains.bind(scope.chrome.permissions);
    scope.chrome.permissions.contains = async (request) =>
      request.permissions?.includes('notifications') ? true : contains(request);
    scope.createdNotifications = [];
    const notifications = {
      create: async (...args: unknown[]) => {
        scope.createdNotifications.push(args);
        return String(args[0]);
      },
    };
    // Chromium 156 has a `browser` namespace beside `chrome`, with its own API properties.
    scope.chrome.notifications = notifications;
    if (scope.browser) scope.browser.notifications = notifications;
  });
  const created = () =>
    extension.serviceWorker.evaluate(
      () => (globalThis as unknown as { createdNotifications: unknown[][] }).createdNotifications,
    );
  const removeAcmeDevice = () => {
    const index = fleet.devices.findIndex(
      (device) => device.facts.policy_id?.value === acme.policyId,
    );
    expect(index).toBeGreaterThanOrEqual(0);
    fleet.devices.splice(index, 1);
  };

  removeAcmeDevice();
  expect(await syncNow(popup)).toBe('idle');
  expect(await created()).toEqual([]);

  await extension.serviceWorker.evaluate(() =>
    (globalThis as unknown as WithChrome).chrome.storage.local.set({
      countChangeNotifications: true,
    }),
  );
  expect(await syncNow(popup)).toBe('idle');
  expect(await created()).toEqual([]);

  removeAcmeDevice();
  expect(await syncNow(popup)).toBe('idle');
  await expect.poll(async () => (await created()).length).toBe(1);
  const [id, notification] = (await created())[0]!;
  expect(id).toBe('addigy-count-changes');
  expect(notification).toMatchObject({
    type: 'basic',
    title: 'Device counts changed for 1 mapped client',
    message: `Acme Dental: ${acme.total - 1} → ${acme.total - 2} devices`,
  });
});
