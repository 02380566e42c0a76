/**
 * Every PSA's fixture page with the extension loaded: the adapter detects the page, the badges
 * show the Addigy count of the mapped service, and they follow the page when it re-renders or
 * moves to another record without a reload.
 */
import type { Frame, Page } from '@playwright/test';
import { DEMO_CREDENTIALS } from '../../scripts/addigy-server/server';
import {
  addProductMapping,
  authenticate,
  openExtensionPage,
  waitForSyncToSettle,
} from '../../scripts/browser/ui';
import { expect, test } from './fixtures';
import { expectedRootCounts } from './support/expected-counts';

test.beforeEach(async ({ extension, addigy }) => {
  const options = await openExtensionPage(extension.context, extension.extensionId, 'options.html');
  await authenticate(options, {
    apiVersion: 'v2',
    apiUrl: addigy.url,
    apiKey: DEMO_CREDENTIALS.apiKey,
  });
  await addProductMapping(options, 'MDM-TOTAL', 'Total devices');
  const popup = await openExtensionPage(extension.context, extension.extensionId, 'popup.html');
  expect(await waitForSyncToSettle(popup)).toBe('idle');
});

function lines(quantity: number): string {
  return JSON.stringify([
    { productId: 'MDM-TOTAL', description: 'Apple devices', quantity },
    { productId: 'HELPDESK', description: 'Help desk', quantity: 1 },
  ]);
}

async function expectOneBadge(target: Page | Frame, count: number, status: string): Promise<void> {
  const badge = target.locator('[data-addigy-badge]');
  await expect(badge).toHaveCount(1, { timeout: 15_000 });
  await expect(badge).toHaveAttribute('data-count', String(count));
  await expect(badge).toHaveAttribute('data-status', status);
}

const pages: Array<[string, (total: number) => string]> = [
  [
    'HaloPSA recurring invoice',
    (total) =>
      `/recurringinvoice?id=1042&company=Acme%20Dental&lines=${encodeURIComponent(lines(total))}`,
  ],
  [
    'Syncro schedule',
    (total) =>
      `/schedules/3310?company=Acme%20Dental&lines=${encodeURIComponent(lines(total - 1))}`,
  ],
  [
    'Kaseya BMS contract',
    (total) =>
      `/MSP/ContractDetail.aspx?ID=5521&company=Acme%20Dental&lines=${encodeURIComponent(lines(total + 1))}`,
  ],
];

for (const [name, path] of pages) {
  test(`${name} shows the count`, async ({ extension, psa, fleet }) => {
    const total = expectedRootCounts(fleet).find((row) => row.name === 'Acme Dental')!.total;
    const page = await extension.context.newPage();
    await page.goto(`${psa.url}${path(total)}`);
    const status = name.startsWith('HaloPSA')
      ? 'match'
      : name.startsWith('Syncro')
        ? 'over'
        : 'under';
    await expectOneBadge(page, total, status);
  });
}

test('HaloPSA badges survive sorting', async ({ extension, psa, fleet }) => {
  const total = expectedRootCounts(fleet).find((row) => row.name === 'Acme Dental')!.total;
  const page = await extension.context.newPage();
  await page.goto(`${psa.url}${pages[0]![1](total)}`);
  await expectOneBadge(page, total, 'match');
  await page.locator('.rt-th', { hasText: 'Item' }).first().click();
  await page.locator('.rt-th', { hasText: 'Item' }).first().click();
  await expectOneBadge(page, total, 'match');
  const row = page.locator('.rt-tr', { hasText: 'MDM-TOTAL' });
  await expect(row.locator('[data-addigy-badge]')).toHaveCount(1);
});

test('Autotask legacy contract frame shows the count', async ({ extension, psa, fleet }) => {
  const total = expectedRootCounts(fleet).find((row) => row.name === 'Acme Dental')!.total;
  const services = JSON.stringify([{ id: 'MDM-TOTAL', name: 'Apple devices', units: total }]);
  const page = await extension.context.newPage();
  await page.goto(
    `${psa.url}/Contracts/Views/ContractView.asp?contractID=29683964&ClientName=Acme%20Dental&services=${encodeURIComponent(services)}`,
  );
  await expect
    .poll(() => page.frames().some((frame) => /contractsummary/i.test(frame.url())))
    .toBe(true);
  const summary = page.frames().find((frame) => /contractsummary/i.test(frame.url()))!;
  await expectOneBadge(summary, total, 'match');
});

test('Autotask new interface follows pushState', async ({ extension, psa, fleet }) => {
  const rows = expectedRootCounts(fleet);
  const acme = rows.find((row) => row.name === 'Acme Dental')!;
  const oakridge = rows.find((row) => row.name === 'Oakridge Academy')!;
  const viewData = (id: number) =>
    Buffer.from(JSON.stringify({ contractId: id })).toString('base64');
  const url = (id: number, company: string, units: number) =>
    `/AutotaskOnyx/LandingPage?view=umbrella-contract-details&view-data=${encodeURIComponent(viewData(id))}` +
    `&company=${encodeURIComponent(company)}&services=${encodeURIComponent(JSON.stringify([{ id: 'MDM-TOTAL', name: 'Apple devices', units }]))}`;
  const page = await extension.context.newPage();
  await page.goto(`${psa.url}${url(29683964, 'Acme Dental', acme.total)}`);
  await expectOneBadge(page, acme.total, 'match');

  await page.evaluate(
    (next) => {
      (window as unknown as { atFixture: { navigate(url: string): void } }).atFixture.navigate(
        next,
      );
    },
    url(29683980, 'Oakridge Academy', 1),
  );
  await expectOneBadge(page, oakridge.total, 'over');
});
