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

/** A PSA page that can show its lines read-only or in edit mode. */
interface EditablePage {
  name: string;
  /** The page's path with one MDM-TOTAL line of `quantity` and a HELPDESK line of 3. */
  path(quantity: number, edit: boolean): string;
  /** The element that counts the page's submissions and saves. */
  root: string;
  /** The document that shows the lines: the page's own, or a frame's whose URL matches. */
  frameUrl?: RegExp;
}

function editLines(quantity: number): string {
  return encodeURIComponent(
    JSON.stringify([
      { productId: 'MDM-TOTAL', description: 'Apple devices', quantity },
      { productId: 'HELPDESK', description: 'Help desk', quantity: 3 },
    ]),
  );
}

function autotaskServices(quantity: number): string {
  return encodeURIComponent(
    JSON.stringify([
      { id: 'MDM-TOTAL', name: 'Apple devices', units: quantity },
      { id: 'HELPDESK', name: 'Help desk', units: 3 },
    ]),
  );
}

const editablePages: EditablePage[] = [
  {
    name: 'Autotask legacy',
    path: (quantity, edit) =>
      `/Contracts/Views/ContractView.asp?contractID=29683964&ClientName=Acme%20Dental` +
      `&services=${autotaskServices(quantity)}${edit ? '&edit=1' : ''}`,
    root: '#at-summary',
    frameUrl: /contractsummary/i,
  },
  {
    name: 'Autotask new interface',
    path: (quantity, edit) => {
      const viewData = Buffer.from(JSON.stringify({ contractId: 29683964 })).toString('base64');
      return (
        `/AutotaskOnyx/LandingPage?view=umbrella-contract-details` +
        `&view-data=${encodeURIComponent(viewData)}&company=Acme%20Dental` +
        `&services=${autotaskServices(quantity)}${edit ? '&edit=1' : ''}`
      );
    },
    root: '#onyx-app',
  },
  {
    name: 'HaloPSA',
    path: (quantity, edit) =>
      `/recurringinvoice?id=1042&company=Acme%20Dental&lines=${editLines(quantity)}` +
      (edit ? '&edit=1' : ''),
    root: '#halo-app',
  },
  {
    name: 'Syncro',
    path: (quantity, edit) =>
      `/schedules/3310?company=Acme%20Dental&lines=${editLines(quantity)}` +
      (edit ? '&edit=1' : ''),
    root: '#syncro-app',
  },
  {
    name: 'Kaseya BMS',
    path: (quantity, edit) =>
      `/MSP/ContractDetail.aspx?ID=5521&company=Acme%20Dental&lines=${editLines(quantity)}` +
      (edit ? '&edit=1' : ''),
    root: '#bms-app',
  },
];

/** Returns the document that shows the lines, waiting for its frame when it has one. */
async function linesDocument(page: Page, entry: EditablePage): Promise<Page | Frame> {
  const frameUrl = entry.frameUrl;
  if (!frameUrl) return page;
  await expect.poll(() => page.frames().some((frame) => frameUrl.test(frame.url()))).toBe(true);
  return page.frames().find((frame) => frameUrl.test(frame.url()))!;
}

for (const entry of editablePages) {
  test(`${entry.name} Apply fills the quantity field`, async ({ extension, psa, fleet }) => {
    const total = expectedRootCounts(fleet).find((row) => row.name === 'Acme Dental')!.total;
    const page = await extension.context.newPage();

    // Read-only, the line shows its quantity as text and the badge offers no Apply.
    await page.goto(`${psa.url}${entry.path(total + 3, false)}`);
    let target = await linesDocument(page, entry);
    await expectOneBadge(target, total, 'under');
    await expect(target.locator('[data-addigy-badge]')).not.toHaveAttribute('data-can-apply', '');
    await expect(target.locator(`${entry.root} input[data-model-value]`)).toHaveCount(0);

    const url = `${psa.url}${entry.path(total + 3, true)}`;
    await page.goto(url);
    target = await linesDocument(page, entry);
    await expectOneBadge(target, total, 'under');
    const badge = target.locator('[data-addigy-badge]');
    await expect(badge).toHaveAttribute('data-can-apply', '');
    const field = target.getByLabel(/^(Quantity|Units) of MDM-TOTAL\b/);
    const other = target.getByLabel(/^(Quantity|Units) of HELPDESK\b/);
    await expect(field).toHaveAttribute('data-input-events', '0');

    // The Apply button is the last thing in the badge's closed shadow root.
    const box = (await badge.boundingBox())!;
    await page.mouse.click(box.x + box.width - 8, box.y + box.height / 2);

    await expect(field).toHaveValue(String(total));
    await expect(field).toHaveAttribute('data-model-value', String(total));
    await expect(field).toHaveAttribute('data-input-events', '1');
    await expect(field).toHaveAttribute('data-change-events', '1');
    await expect(badge).toHaveAttribute('data-status', 'match');
    await expect(badge).not.toHaveAttribute('data-can-apply', '');
    await expect(other).toHaveAttribute('data-input-events', '0');
    await expect(other).toHaveValue(/^3(\.00)?$/);
    const root = target.locator(entry.root);
    await expect(root).toHaveAttribute('data-submit-count', '0');
    await expect(root).toHaveAttribute('data-save-count', '0');
    expect(page.url()).toBe(url);
  });
}
