import type { Page } from '@playwright/test';
import { DEMO_CREDENTIALS } from '../../scripts/addigy-server/server';
import {
  addProductMapping,
  authenticate,
  openExtensionPage,
  waitForSyncToSettle,
} from '../../scripts/browser/ui';
import { expect, test } from './fixtures';
import { expectedRootCounts } from './support/expected-counts';

interface FixtureLine {
  productId: string;
  quantity: number;
  description?: string;
  lessIncluded?: number;
  bill?: string;
  cancelled?: string;
}

function agreementUrl(psaUrl: string, company: string, lines: FixtureLine[]): string {
  const query = new URLSearchParams({ company, lines: JSON.stringify(lines) });
  return `${psaUrl}/v4_6_release/ConnectWise.aspx?${query.toString()}`;
}

/** The badge attributes of the line with `productId`, or null when it has no badge. */
async function badgeOf(page: Page, productId: string) {
  const row = page.locator('tr.cw-ml-row', { hasText: productId });
  const badge = row.locator('[data-addigy-badge]');
  if ((await badge.count()) === 0) return null;
  return {
    status: await badge.getAttribute('data-status'),
    count: Number(await badge.getAttribute('data-count')),
    billed: Number(await badge.getAttribute('data-billed')),
  };
}

test.beforeEach(async ({ extension, addigy }) => {
  const options = await openExtensionPage(extension.context, extension.extensionId, 'options.html');
  await authenticate(options, {
    apiVersion: 'v2',
    apiUrl: addigy.url,
    apiKey: DEMO_CREDENTIALS.apiKey,
  });
  await addProductMapping(options, 'MDM-MAC', 'macOS devices');
  await addProductMapping(options, 'MDM-IOS', 'iOS devices');
  await addProductMapping(options, 'MDM-TOTAL', 'Total devices');
  const popup = await openExtensionPage(extension.context, extension.extensionId, 'popup.html');
  expect(await waitForSyncToSettle(popup)).toBe('idle');
});

test('agreement badges compare mapped lines', async ({ extension, psa, fleet }) => {
  const client = expectedRootCounts(fleet).find((row) => row.name === 'Acme Dental')!;
  const macs = client.byOs.macOS ?? 0;
  const phones = client.byOs.iOS ?? 0;
  const page = await extension.context.newPage();
  await page.goto(
    agreementUrl(psa.url, 'Acme Dental', [
      { productId: 'MDM-MAC', quantity: macs + 2, lessIncluded: 2 },
      { productId: 'MDM-IOS', quantity: phones + 4 },
      { productId: 'MDM-TOTAL', quantity: client.total - 1 },
      { productId: 'HELPDESK', quantity: 3 },
    ]),
  );
  await expect(page.locator('[data-addigy-badge]')).toHaveCount(3);
  expect(await badgeOf(page, 'MDM-MAC')).toEqual({ status: 'match', count: macs, billed: macs });
  expect(await badgeOf(page, 'MDM-IOS')).toEqual({
    status: 'under',
    count: phones,
    billed: phones + 4,
  });
  expect(await badgeOf(page, 'MDM-TOTAL')).toEqual({
    status: 'over',
    count: client.total,
    billed: client.total - 1,
  });
  expect(await badgeOf(page, 'HELPDESK')).toBeNull();
});

test('cancelled and unbilled lines get no badge', async ({ extension, psa }) => {
  const page = await extension.context.newPage();
  await page.goto(
    agreementUrl(psa.url, 'Acme Dental', [
      { productId: 'MDM-MAC', quantity: 5, cancelled: '12/31/2024' },
      { productId: 'MDM-IOS', quantity: 5, bill: 'Do Not Bill' },
      { productId: 'MDM-TOTAL', quantity: 5 },
    ]),
  );
  await expect(page.locator('[data-addigy-badge]')).toHaveCount(1);
  expect(await badgeOf(page, 'MDM-TOTAL')).not.toBeNull();
});

test('company without an exact policy name gets no badges', async ({ extension, psa }) => {
  const page = await extension.context.newPage();
  await page.goto(agreementUrl(psa.url, 'acme dental', [{ productId: 'MDM-TOTAL', quantity: 5 }]));
  await expect(page.locator('#cw-app')).toHaveAttribute('data-fixture-state', 'rendered');
  // Give the overlay's debounce and message round trip time to act before checking for nothing.
  await page.waitForTimeout(1_000);
  await expect(page.locator('[data-addigy-badge]')).toHaveCount(0);
});

test('badges follow a move to another agreement', async ({ extension, psa, fleet }) => {
  const rows = expectedRootCounts(fleet);
  const first = rows.find((row) => row.name === 'Acme Dental')!;
  const second = rows.find((row) => row.name === 'Oakridge Academy')!;
  const page = await extension.context.newPage();
  await page.goto(
    agreementUrl(psa.url, first.name, [{ productId: 'MDM-TOTAL', quantity: first.total }]),
  );
  await expect(page.locator('[data-addigy-badge]')).toHaveAttribute(
    'data-count',
    String(first.total),
  );

  const hash = new URLSearchParams({
    company: second.name,
    lines: JSON.stringify([{ productId: 'MDM-TOTAL', quantity: 1 }]),
  });
  await page.evaluate((value) => {
    location.hash = value;
  }, hash.toString());
  await expect(page.locator('[data-addigy-badge]')).toHaveAttribute(
    'data-count',
    String(second.total),
  );
  await expect(page.locator('[data-addigy-badge]')).toHaveAttribute('data-status', 'over');
});

test('lines sharing a service are summed', async ({ extension, psa, fleet }) => {
  const client = expectedRootCounts(fleet).find((row) => row.name === 'Acme Dental')!;
  const macs = client.byOs.macOS ?? 0;
  const page = await extension.context.newPage();
  await page.goto(
    agreementUrl(psa.url, 'Acme Dental', [
      { productId: 'MDM-MAC', quantity: macs - 2 },
      { productId: 'MDM-MAC', quantity: 2 },
    ]),
  );
  const badges = page.locator('[data-addigy-badge]');
  await expect(badges).toHaveCount(2);
  for (const index of [0, 1]) {
    await expect(badges.nth(index)).toHaveAttribute('data-status', 'match');
    await expect(badges.nth(index)).toHaveAttribute('data-billed', String(macs));
    await expect(badges.nth(index)).toHaveAttribute('data-shared-lines', '2');
  }
});

test('Apply fills the quantity in edit mode', async ({ extension, psa, fleet }) => {
  const client = expectedRootCounts(fleet).find((row) => row.name === 'Acme Dental')!;
  const phones = client.byOs.iOS ?? 0;
  const page = await extension.context.newPage();
  const url = `${agreementUrl(psa.url, 'Acme Dental', [
    { productId: 'MDM-IOS', quantity: phones + 4, lessIncluded: 1 },
    { productId: 'MDM-TOTAL', quantity: client.total },
  ])}&edit=1`;
  await page.goto(url);
  const badge = page.locator('tr.cw-ml-row', { hasText: 'MDM-IOS' }).locator('[data-addigy-badge]');
  await expect(badge).toHaveAttribute('data-status', 'under');
  await expect(badge).toHaveAttribute('data-can-apply', '');
  const matching = page
    .locator('tr.cw-ml-row', { hasText: 'MDM-TOTAL' })
    .locator('[data-addigy-badge]');
  await expect(matching).toHaveAttribute('data-status', 'match');
  await expect(matching).not.toHaveAttribute('data-can-apply', '');

  // The Apply button is the last thing in the badge's closed shadow root.
  const box = (await badge.boundingBox())!;
  await page.mouse.click(box.x + box.width - 8, box.y + box.height / 2);

  const input = page.locator('tr.cw-ml-row', { hasText: 'MDM-IOS' }).locator('input');
  // Billed is quantity less included, so the quantity becomes the count plus the included unit.
  await expect(input).toHaveValue(String(phones + 1));
  await expect(input).toHaveAttribute('data-model-value', String(phones + 1));
  await expect(input).toHaveAttribute('data-input-events', '1');
  await expect(input).toHaveAttribute('data-change-events', '1');
  await expect(badge).toHaveAttribute('data-status', 'match');
  await expect(page.locator('#cw-app')).toHaveAttribute('data-save-count', '0');
  expect(page.url()).toBe(url);
});

test('agreement inside an iframe gets badges', async ({ extension, psa, fleet }) => {
  const client = expectedRootCounts(fleet).find((row) => row.name === 'Acme Dental')!;
  const page = await extension.context.newPage();
  await page.goto(
    `${agreementUrl(psa.url, 'Acme Dental', [{ productId: 'MDM-TOTAL', quantity: client.total }])}&framed=1`,
  );
  await expect(page.locator('#cw-app')).toHaveAttribute('data-fixture-state', 'framed');
  const frame = page.frameLocator('#cw-frame');
  const badge = frame.locator('[data-addigy-badge]');
  await expect(badge).toHaveCount(1);
  await expect(badge).toHaveAttribute('data-count', String(client.total));
  await expect(badge).toHaveAttribute('data-status', 'match');
  await expect(page.locator('[data-addigy-badge]')).toHaveCount(0);
});
