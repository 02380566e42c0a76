/**
 * The popup as a reconciliation workspace on a tenant of 2,000 client policies: search, sort,
 * filter, expanding a client by keyboard, copying a row, the wide CSV export, the progress bar,
 * and the devices added and removed between two syncs.
 */
import type { Page } from '@playwright/test';
import { DEMO_CREDENTIALS, startAddigyServer } from '../../scripts/addigy-server/server';
import {
  authenticate,
  openExtensionPage,
  readPopupTable,
  syncNow,
  waitForSyncToSettle,
} from '../../scripts/browser/ui';
import { expect, test } from './fixtures';
import { clientName, device, expectedClient, generateClientFleet } from './support/client-fleet';

const CLIENTS = 2_000;
const clientNumbers = Array.from({ length: CLIENTS }, (_, index) => index + 1);

async function openSyncedPopup(
  extension: { context: import('@playwright/test').BrowserContext; extensionId: string },
  url: string,
): Promise<Page> {
  const options = await openExtensionPage(extension.context, extension.extensionId, 'options.html');
  await authenticate(options, { apiVersion: 'v2', apiUrl: url, apiKey: DEMO_CREDENTIALS.apiKey });
  await options.close();
  const popup = await openExtensionPage(extension.context, extension.extensionId, 'popup.html');
  expect(await waitForSyncToSettle(popup)).toBe('idle');
  return popup;
}

async function shownNames(popup: Page): Promise<string[]> {
  return (await readPopupTable(popup)).map((row) => row.name);
}

test.describe('2,000 client policies', () => {
  test.use({ fleet: async ({}, use) => use(generateClientFleet(CLIENTS, Date.now())) });

  test('search, sort and filter give the right rows', async ({ extension, addigy }) => {
    const popup = await openSyncedPopup(extension, addigy.url);
    const all = await readPopupTable(popup);
    expect(all).toHaveLength(CLIENTS);
    expect(all[49]).toEqual({
      name: 'Client 0050',
      values: { total: 2, macOS: 0, iOS: 0, iPadOS: 2, stale: 0 },
    });
    await expect(popup.getByTestId('row-count')).toHaveText('2000 clients');

    await popup.getByTestId('policy-search').fill('client 012');
    const searched = clientNumbers.filter((n) =>
      clientName(n).toLowerCase().includes('client 012'),
    );
    expect(await shownNames(popup)).toEqual(searched.map(clientName));
    for (const row of await readPopupTable(popup)) {
      const n = Number(row.name.slice(-4));
      expect(row.values.total, row.name).toBe(expectedClient(n).total);
    }
    await expect(popup.getByTestId('row-count')).toHaveText(`${searched.length} of 2000 clients`);
    await popup.getByTestId('policy-search').fill('');

    const totalHeader = popup.locator('th', { has: popup.locator('[data-sort-key="total"]') });
    await popup.locator('[data-sort-key="total"]').click();
    await expect(totalHeader).toHaveAttribute('aria-sort', 'descending');
    const byTotal = [...clientNumbers].sort(
      (a, b) => expectedClient(b).total - expectedClient(a).total || a - b,
    );
    expect(await shownNames(popup)).toEqual(byTotal.map(clientName));

    await popup.locator('[data-sort-key="name"]').click();
    await popup.locator('[data-sort-key="name"]').click();
    await expect(totalHeader).not.toHaveAttribute('aria-sort');
    expect((await shownNames(popup)).slice(0, 2)).toEqual(['Client 2000', 'Client 1999']);

    await popup.getByTestId('policy-filter').selectOption({ label: 'Has stale devices' });
    const stale = clientNumbers.filter((n) => expectedClient(n).stale > 0).reverse();
    expect(await shownNames(popup)).toEqual(stale.map(clientName));

    await popup.getByTestId('policy-filter').selectOption({ label: 'Unmapped' });
    expect(await readPopupTable(popup)).toHaveLength(CLIENTS);

    await popup.getByTestId('policy-filter').selectOption({ label: 'Mapped and off' });
    await expect(popup.getByTestId('policy-row')).toHaveCount(0);
    await expect(popup.getByTestId('no-rows')).toBeVisible();
  });

  test('expand by keyboard, copy a row, export wide CSV', async ({ extension, addigy }) => {
    const popup = await openSyncedPopup(extension, addigy.url);
    await popup.getByTestId('policy-search').fill('Client 0050');
    const toggle = popup.getByRole('button', { name: 'Client 0050', exact: true });
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await toggle.focus();
    await popup.keyboard.press('Enter');
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const children = popup.getByTestId('child-policy-row');
    await expect(children.locator('th')).toHaveText(['Client 0050 itself', 'Client 0050 Site']);
    await expect(children.nth(1).locator('[data-os="iPadOS"]')).toHaveText('2');
    await expect(children.nth(0).locator('[data-os="total"]')).toHaveText('0');
    await popup.keyboard.press('Space');
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(children).toHaveCount(0);

    // Chromium rejects a grant for the extension's origin, so the grant covers every origin.
    await extension.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await popup.getByTestId('policy-search').fill('Client 0004');
    await popup.getByTestId('copy-row').click();
    await expect(popup.getByTestId('copy-row')).toHaveText('Copied');
    // Columns: name, total, macOS, iOS, iPadOS, stale, PSA quantity, difference.
    expect(await popup.evaluate(() => navigator.clipboard.readText())).toBe(
      'Client 0004\t4\t2\t2\t0\t0\t\t',
    );

    const [download] = await Promise.all([
      popup.waitForEvent('download'),
      popup.getByTestId('export-wide-csv').click(),
    ]);
    const chunks: Buffer[] = [];
    for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
    const lines = Buffer.concat(chunks).toString('utf8').trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'policy_id,policy_name,total,macOS,iOS,iPadOS,tvOS,watchOS,visionOS,other,stale',
    );
    expect(lines).toHaveLength(CLIENTS + 1);
    expect(lines).toContain('client-50,Client 0050,2,0,0,2,0,0,0,0,0');
    expect(lines).toContain('client-11,Client 0011,1,1,0,0,0,0,0,0,1');
  });
});

test.describe('changes between syncs', () => {
  test.use({ fleet: async ({}, use) => use(generateClientFleet(20, Date.now())) });

  test('second sync shows added and removed devices', async ({ extension, addigy, fleet }) => {
    const popup = await openSyncedPopup(extension, addigy.url);
    const row = popup.locator('[data-policy-id="client-4"]');
    await expect(row.locator('[data-column="change"]')).toHaveText('');

    fleet.devices.splice(
      fleet.devices.findIndex((entry) => entry.agentid === '4-0'),
      1,
    );
    const now = Date.now();
    fleet.devices.push(device('new-1', 'client-4', 'Mac14,2', now, 'New Mac A'));
    fleet.devices.push(device('new-2', 'client-4', 'Mac14,2', now, 'New Mac B'));
    expect(await syncNow(popup)).toBe('idle');

    const change = row.locator('[data-column="change"]');
    await expect(change).toHaveText('+2 −1');
    await expect(change).toHaveAttribute(
      'title',
      'Added: New Mac A, New Mac B\nRemoved: Client 0004 device 0',
    );
    await expect(row.locator('[data-os="total"]')).toHaveText('5');
    await expect(row.getByRole('img')).toHaveAttribute(
      'aria-label',
      'Total over the last 2 syncs: 4, 5',
    );
    await expect(popup.locator('[data-policy-id="client-3"] [data-column="change"]')).toHaveText(
      '–',
    );
  });
});

test.describe('progress', () => {
  test.use({ fleet: async ({}, use) => use(generateClientFleet(400, Date.now())) });

  test('progress bar counts device pages', async ({ extension, fleet }) => {
    // Each response waits, so the sync stays running long enough to be seen.
    const slow = await startAddigyServer({ fleet, latencyMs: 600 });
    try {
      const popup = await openSyncedPopup(extension, slow.url);
      await popup.getByTestId('sync-now').click();
      const pages = Math.ceil(fleet.devices.length / 100);
      await expect(popup.getByTestId('sync-progress')).toHaveAttribute('max', String(pages));
      await expect(popup.getByTestId('sync-status')).toContainText(`of ${pages}`);
      expect(await waitForSyncToSettle(popup)).toBe('idle');
    } finally {
      await slow.close();
    }
  });
});
