/**
 * PSA sites: the content script runs only on sites the user added and granted. The e2e build's
 * manifest grants http://localhost, so adding it raises no prompt; 127.0.0.1 is built in.
 */
import type { Page } from '@playwright/test';
import { DEMO_CREDENTIALS } from '../../scripts/addigy-server/server';
import {
  addProductMapping,
  authenticate,
  openExtensionPage,
  waitForSyncToSettle,
} from '../../scripts/browser/ui';
import { expect, test } from './fixtures';

async function openAgreement(page: Page, origin: string): Promise<void> {
  const query = new URLSearchParams({
    company: 'Acme Dental',
    lines: JSON.stringify([{ productId: 'MDM-TOTAL', quantity: 3 }]),
  });
  await page.goto(`${origin}/v4_6_release/ConnectWise.aspx?${query.toString()}`);
  await expect(page.locator('#cw-app')).toHaveAttribute('data-fixture-state', 'rendered');
}

test('content script follows the PSA sites list', async ({ extension, addigy, psa }) => {
  const options = await openExtensionPage(extension.context, extension.extensionId, 'options.html');
  await authenticate(options, {
    apiVersion: 'v2',
    apiUrl: addigy.url,
    apiKey: DEMO_CREDENTIALS.apiKey,
  });
  await addProductMapping(options, 'MDM-TOTAL', 'Total devices');
  const popup = await openExtensionPage(extension.context, extension.extensionId, 'popup.html');
  expect(await waitForSyncToSettle(popup)).toBe('idle');

  const localhost = psa.url.replace('127.0.0.1', 'localhost');
  const page = await extension.context.newPage();
  await openAgreement(page, localhost);
  await page.waitForTimeout(1_000);
  await expect(page.locator('[data-addigy-badge]')).toHaveCount(0);

  await options.getByLabel('Other PSA host', { exact: true }).fill('http://localhost');
  await options.getByTestId('add-psa-site').click();
  await expect(options.getByTestId('psa-sites-result')).toHaveText(
    'Added http://localhost. Reload its open pages to see the counts.',
  );
  await expect(options.getByTestId('psa-site')).toHaveText(['http://localhost Remove']);

  await openAgreement(page, localhost);
  await expect(page.locator('[data-addigy-badge]')).toHaveCount(1);

  await options.getByRole('button', { name: 'Remove http://localhost' }).click();
  await expect(options.getByTestId('psa-site')).toHaveCount(0);
  await openAgreement(page, localhost);
  await page.waitForTimeout(1_000);
  await expect(page.locator('[data-addigy-badge]')).toHaveCount(0);
});

test('invalid PSA host is named', async ({ extension }) => {
  const options = await openExtensionPage(extension.context, extension.extensionId, 'options.html');
  await options.getByLabel('Other PSA host', { exact: true }).fill('intranet');
  await options.getByTestId('add-psa-site').click();
  await expect(options.getByTestId('psa-sites-result')).toHaveText(
    '"intranet" is not a full host name. Enter it with its domain, such as psa.example.com.',
  );
  await expect(options.getByTestId('psa-site')).toHaveCount(0);
});
