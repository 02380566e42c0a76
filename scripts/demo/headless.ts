/**
 * The headless demo: every step a user takes, through the real UI, against the local servers.
 * It writes popup.png, agreement.png, sidepanel.png and counts.csv to the output folder and
 * prints the table. The README's screenshots come from this run:
 *
 *     npm start -- --headless --out docs/screenshots
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEMO_CREDENTIALS } from '../addigy-server/server';
import { launchWithExtension, type ExtensionBrowser } from '../browser/launch';
import {
  addProductMapping,
  authenticate,
  exportCsv,
  openExtensionPage,
  openSidePanel,
  readPopupTable,
  syncNow,
  waitForSyncToSettle,
  type ConnectionInput,
  type PopupRow,
} from '../browser/ui';
import type { Page } from '@playwright/test';

export interface HeadlessDemoOptions {
  outDir: string;
  apiVersion: 'v1' | 'v2';
  addigyUrl: string;
  psaUrl: string;
  step: <T>(name: string, action: () => Promise<T> | T) => Promise<T>;
}

/** The PSA products the demo maps, each to the Addigy count it bills. */
const DEMO_MAPPINGS = [
  { productId: 'MDM-MAC', label: 'macOS devices', os: 'macOS' },
  { productId: 'MDM-IOS', label: 'iOS devices', os: 'iOS' },
  { productId: 'MDM-TOTAL', label: 'Total devices', os: 'total' },
] as const;

function connectionFor(options: HeadlessDemoOptions): ConnectionInput {
  return options.apiVersion === 'v2'
    ? { apiVersion: 'v2', apiUrl: options.addigyUrl, apiKey: DEMO_CREDENTIALS.apiKey }
    : {
        apiVersion: 'v1',
        apiUrl: `${options.addigyUrl}/api`,
        clientId: DEMO_CREDENTIALS.clientId,
        clientSecret: DEMO_CREDENTIALS.clientSecret,
      };
}

export async function runHeadlessDemo(options: HeadlessDemoOptions): Promise<boolean> {
  const { step } = options;
  mkdirSync(options.outDir, { recursive: true });
  const browser: ExtensionBrowser = await step('Start Chromium with the extension', () =>
    launchWithExtension({ headless: true }),
  );
  try {
    const settings = await step('Open the options page', () =>
      openExtensionPage(browser.context, browser.extensionId, 'options.html'),
    );
    await step(`Authenticate with API ${options.apiVersion.toUpperCase()}`, async () => {
      const result = await authenticate(settings, connectionFor(options));
      if (!result.kind.includes('success')) throw new Error(result.text);
    });
    await step('Map the PSA products', async () => {
      for (const mapping of DEMO_MAPPINGS) {
        await addProductMapping(settings, mapping.productId, mapping.label);
      }
    });
    const popup = await step('Open the popup', () =>
      openExtensionPage(browser.context, browser.extensionId, 'popup.html'),
    );
    const rows = await step('Sync', async () => {
      const state = await waitForSyncToSettle(popup);
      if (state !== 'idle') throw new Error(await popup.getByTestId('sync-status').innerText());
      return readPopupTable(popup);
    });
    await step('Export the CSV', async () => {
      writeFileSync(path.join(options.outDir, 'counts.csv'), await exportCsv(popup));
    });
    const agreement = await step('Open the agreement page and screenshot it', () =>
      captureAgreement(browser, options, rows),
    );
    const panel = await step('Open the mapping side panel and screenshot it', async () => {
      const frame = await openSidePanel(agreement, browser.extensionId);
      await agreement.screenshot({ path: path.join(options.outDir, 'sidepanel.png') });
      return frame;
    });
    await step('Keep the exact-name match', async () => {
      await panel.getByTestId('keep-match').click();
      await panel.getByTestId('current-mapping').waitFor();
    });
    // A second sync gives the popup's trend two points, and the kept match gives the client the
    // billed quantity the overlay saw on the agreement.
    await step('Sync again', async () => {
      await popup.bringToFront();
      const state = await syncNow(popup);
      if (state !== 'idle') throw new Error(await popup.getByTestId('sync-status').innerText());
    });
    await step('Screenshot the popup', async () => {
      await popup.reload();
      await popup.getByTestId('policy-row').first().waitFor();
      await popup.locator('td.number[data-column="billed"]').first().waitFor();
      await popup.setViewportSize({ width: 780, height: 900 });
      await popup.screenshot({ path: path.join(options.outDir, 'popup.png'), fullPage: true });
    });
    printTable(rows);
    return true;
  } finally {
    await browser.close();
  }
}

/**
 * Opens the ConnectWise fixture for the largest client, with one line that matches, one that
 * bills more than Addigy counts and one that bills fewer, waits for the three badges and
 * returns the page.
 */
async function captureAgreement(
  browser: ExtensionBrowser,
  options: HeadlessDemoOptions,
  rows: PopupRow[],
): Promise<Page> {
  const client = [...rows]
    .filter((row) => row.name !== 'Unassigned' && row.name !== 'Not in a client policy')
    .sort((a, b) => (b.values.total ?? 0) - (a.values.total ?? 0))[0];
  if (!client) throw new Error('The popup lists no client policy to show on the agreement page.');
  const count = (os: string) => client.values[os] ?? 0;
  const lines = [
    { productId: 'MDM-MAC', description: 'Managed Mac', quantity: count('macOS') },
    { productId: 'MDM-IOS', description: 'Managed iPhone', quantity: count('iOS') + 2 },
    {
      productId: 'MDM-TOTAL',
      description: 'Apple device management',
      quantity: Math.max(0, count('total') - 3),
    },
    { productId: 'HELPDESK', description: 'Help desk (not mapped)', quantity: 1 },
  ];
  const query = new URLSearchParams({
    company: client.name,
    companyId: '250',
    agreementId: '9001',
    agreementName: `${client.name} - Managed Apple Devices`,
    lines: JSON.stringify(lines),
  });
  const page: Page = await browser.context.newPage();
  await page.setViewportSize({ width: 1100, height: 640 });
  await page.goto(`${options.psaUrl}/v4_6_release/ConnectWise.aspx?${query.toString()}`);
  await page.locator('[data-addigy-badge]').nth(2).waitFor({ timeout: 15_000 });
  await page.screenshot({ path: path.join(options.outDir, 'agreement.png'), fullPage: true });
  return page;
}

function printTable(rows: PopupRow[]): void {
  const columns = [
    'total',
    'macOS',
    'iOS',
    'iPadOS',
    'tvOS',
    'watchOS',
    'visionOS',
    'other',
    'stale',
  ];
  const present = columns.filter((column) => rows.some((row) => column in row.values));
  const nameWidth = Math.max(12, ...rows.map((row) => row.name.length));
  const header = ['Client policy'.padEnd(nameWidth), ...present.map((c) => c.padStart(8))].join(
    ' ',
  );
  console.log(`\n${header}\n${'-'.repeat(header.length)}`);
  for (const row of rows) {
    const cells = present.map((column) => String(row.values[column] ?? 0).padStart(8));
    console.log([row.name.padEnd(nameWidth), ...cells].join(' '));
  }
}
