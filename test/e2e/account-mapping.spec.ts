/**
 * Account mapping in the side panel on the ConnectWise agreement fixture. The tests confirm a
 * suggestion, map by drag and drop and by keyboard, and check the review step. They check that
 * mappings are kept by record id across renames and same-named companies, and that the options
 * page exports and imports them.
 */
import { readFile } from 'node:fs/promises';
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
import {
  badgeOf,
  openMappingPanel,
  policyRow,
  recordUrl,
  type FixtureRecord,
} from './support/mapping-panel';

/** A company name that no policy has exactly; "Acme Dental" is the close one. */
const NEAR_NAME = 'Acme Dental, Inc.';
const NORMALIZED_REASON =
  'Same name apart from case, punctuation, accents or a suffix such as Inc. or LLC';

function record(companyId: string, changes: Partial<FixtureRecord> = {}): FixtureRecord {
  return {
    company: NEAR_NAME,
    companyId,
    agreementId: `9${companyId}`,
    lines: [{ productId: 'MDM-TOTAL', quantity: 1 }],
    ...changes,
  };
}

async function openRecord(page: Page, psaUrl: string, fixture: FixtureRecord): Promise<void> {
  await page.goto(recordUrl(psaUrl, fixture));
  await expect(page.locator('#cw-app')).toHaveAttribute('data-fixture-state', 'rendered');
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
  const popup = await openExtensionPage(extension.context, extension.extensionId, 'popup.html');
  expect(await waitForSyncToSettle(popup)).toBe('idle');
  await options.close();
  await popup.close();
});

test('confirmed suggestion shows the badges', async ({ extension, psa, fleet }) => {
  const acme = expectedRootCounts(fleet).find((row) => row.name === 'Acme Dental')!;
  const page = await extension.context.newPage();
  await openRecord(page, psa.url, record('250', { agreementId: '4107' }));
  await expect(badgeOf(page, 'MDM-TOTAL')).toHaveCount(0);

  const frame = await openMappingPanel(page, extension.extensionId);
  const suggestion = frame.getByTestId('policy-suggestion');
  await expect(suggestion).toHaveCount(1);
  await expect(suggestion.getByTestId('suggestion-name')).toHaveText('Acme Dental');
  await expect(suggestion.getByTestId('suggestion-reason')).toHaveText(NORMALIZED_REASON);
  // A suggestion is not applied before the user confirms it.
  await expect(frame.getByTestId('current-mapping')).toHaveCount(0);
  await expect(badgeOf(page, 'MDM-TOTAL')).toHaveCount(0);

  await suggestion.getByRole('button', { name: 'Map to this policy' }).click();
  await expect(frame.getByTestId('current-mapping-policy')).toHaveText('Acme Dental');
  await expect(frame.getByTestId('current-mapping-scope')).toHaveText('whole company (ID 250)');
  await expect(badgeOf(page, 'MDM-TOTAL')).toHaveAttribute('data-count', String(acme.total));
});

test('drag and drop maps the company', async ({ extension, psa, fleet }) => {
  const oakridge = expectedRootCounts(fleet).find((row) => row.name === 'Oakridge Academy')!;
  const page = await extension.context.newPage();
  await openRecord(page, psa.url, record('310'));
  const frame = await openMappingPanel(page, extension.extensionId);

  // A real mouse drag through the browser's input pipeline, so that Chromium starts a native
  // drag in the panel, an out-of-process frame. The drag only lands when the row and the target
  // are both in view, so the list is filtered down to the row first.
  await frame.getByLabel('Search policies').fill('oakridge');
  const source = policyRow(frame, 'Oakridge Academy');
  const target = frame.getByTestId('mapping-drop-target');
  await target.scrollIntoViewIfNeeded();
  const from = (await source.boundingBox())!;
  const to = (await target.boundingBox())!;
  await page.mouse.move(from.x + 20, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + 30, from.y + from.height / 2, { steps: 5 });
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 20 });
  await expect(target).toHaveClass(/drag-over/);
  await expect(frame.getByTestId('current-mapping')).toHaveCount(0);
  await page.mouse.up();

  await expect(frame.getByTestId('current-mapping-policy')).toHaveText('Oakridge Academy');
  await expect(target).toHaveCount(0);
  await expect(badgeOf(page, 'MDM-TOTAL')).toHaveAttribute('data-count', String(oakridge.total));
});

test('dropping outside the target maps nothing', async ({ extension, psa }) => {
  const page = await extension.context.newPage();
  await openRecord(page, psa.url, record('311'));
  const frame = await openMappingPanel(page, extension.extensionId);
  await frame.getByLabel('Search policies').fill('oakridge');
  const source = policyRow(frame, 'Oakridge Academy');
  const target = frame.getByTestId('mapping-drop-target');

  await source.dragTo(frame.getByLabel('Search policies'));

  await expect(target).not.toHaveClass(/drag-over/);
  await expect(frame.getByTestId('current-mapping')).toHaveCount(0);
  await expect(badgeOf(page, 'MDM-TOTAL')).toHaveCount(0);
});

test('keyboard picks up and maps a policy', async ({ extension, psa, fleet }) => {
  const oakridge = expectedRootCounts(fleet).find((row) => row.name === 'Oakridge Academy')!;
  const page = await extension.context.newPage();
  await openRecord(page, psa.url, record('320'));
  const frame = await openMappingPanel(page, extension.extensionId);
  const target = frame.getByTestId('mapping-drop-target');

  // Escape puts a picked policy back and keeps the panel open.
  await policyRow(frame, 'Oakridge Academy').focus();
  await page.keyboard.press('Enter');
  await expect(target).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(policyRow(frame, 'Oakridge Academy')).toBeFocused();
  await expect(page.locator('[data-addigy-summary]')).toHaveAttribute('data-panel', 'open');

  await page.keyboard.press('Space');
  await expect(target).toBeFocused();
  await expect(target).toContainText('Map Oakridge Academy to this company');
  await page.keyboard.press('Enter');
  await expect(frame.getByTestId('current-mapping-policy')).toHaveText('Oakridge Academy');
  await expect(badgeOf(page, 'MDM-TOTAL')).toHaveAttribute('data-count', String(oakridge.total));
});

test('Finish needs an account and a service mapping', async ({ extension, psa, fleet }) => {
  const acme = expectedRootCounts(fleet).find((row) => row.name === 'Acme Dental')!;
  const page = await extension.context.newPage();
  await openRecord(
    page,
    psa.url,
    record('330', { lines: [{ productId: 'MDM-IPAD', quantity: 2 }] }),
  );
  const frame = await openMappingPanel(page, extension.extensionId);
  const finish = frame.getByTestId('finish');
  const missing = frame.getByTestId('finish-missing').getByRole('listitem');

  await expect(finish).toBeDisabled();
  await expect(missing).toHaveText([
    'Map this company or agreement to an Addigy policy.',
    'Map at least one product on this agreement (MDM-IPAD) to an Addigy count under PSA products.',
  ]);

  await frame.getByRole('button', { name: 'Map to Acme Dental' }).click();
  await expect(frame.getByTestId('review-account')).toHaveText(
    'Addigy policy: Acme Dental, whole company (ID 330)',
  );
  await expect(finish).toBeDisabled();
  await expect(missing).toHaveText([
    'Map at least one product on this agreement (MDM-IPAD) to an Addigy count under PSA products.',
  ]);

  await addProductMapping(frame, 'MDM-IPAD', 'iPadOS devices');
  await expect(frame.getByTestId('review-line')).toHaveText(['MDM-IPADiPadOS devices']);
  await expect(finish).toBeEnabled();
  await expect(frame.getByTestId('finish-missing')).toHaveCount(0);
  await expect(badgeOf(page, 'MDM-IPAD')).toHaveAttribute(
    'data-count',
    String(acme.byOs.iPadOS ?? 0),
  );

  await finish.click();
  await expect(page.locator('[data-addigy-summary]')).toHaveAttribute('data-panel', 'closed');
});

test('mapping survives a company rename', async ({ extension, psa, fleet }) => {
  const acme = expectedRootCounts(fleet).find((row) => row.name === 'Acme Dental')!;
  const page = await extension.context.newPage();
  await openRecord(page, psa.url, record('340'));
  const frame = await openMappingPanel(page, extension.extensionId);
  await frame.getByRole('button', { name: 'Map to Acme Dental' }).click();
  await expect(badgeOf(page, 'MDM-TOTAL')).toHaveAttribute('data-count', String(acme.total));

  await openRecord(page, psa.url, record('340', { company: 'Acme Holdings Group' }));
  await expect(badgeOf(page, 'MDM-TOTAL')).toHaveAttribute('data-count', String(acme.total));

  // The mapping is kept by id: the new name on another company id matches nothing.
  await openRecord(page, psa.url, record('341', { company: 'Acme Holdings Group' }));
  await expect(page.locator('[data-addigy-summary]')).toBeVisible();
  await expect(badgeOf(page, 'MDM-TOTAL')).toHaveCount(0);
});

test('same-named companies keep separate mappings', async ({ extension, psa, fleet }) => {
  const rows = expectedRootCounts(fleet);
  const acme = rows.find((row) => row.name === 'Acme Dental')!;
  const oakridge = rows.find((row) => row.name === 'Oakridge Academy')!;
  expect(acme.total).not.toBe(oakridge.total);
  const page = await extension.context.newPage();

  await openRecord(page, psa.url, record('501'));
  let frame = await openMappingPanel(page, extension.extensionId);
  await frame.getByRole('button', { name: 'Map to Acme Dental' }).click();
  await expect(badgeOf(page, 'MDM-TOTAL')).toHaveAttribute('data-count', String(acme.total));

  await openRecord(page, psa.url, record('502'));
  frame = await openMappingPanel(page, extension.extensionId);
  await expect(frame.getByTestId('current-mapping')).toHaveCount(0);
  await frame.getByRole('button', { name: 'Map to Oakridge Academy' }).click();
  await expect(badgeOf(page, 'MDM-TOTAL')).toHaveAttribute('data-count', String(oakridge.total));

  await openRecord(page, psa.url, record('501'));
  await expect(badgeOf(page, 'MDM-TOTAL')).toHaveAttribute('data-count', String(acme.total));
});

test('panel follows an in-page move to a same-named record', async ({ extension, psa, fleet }) => {
  const rows = expectedRootCounts(fleet);
  const acme = rows.find((row) => row.name === 'Acme Dental')!;
  const oakridge = rows.find((row) => row.name === 'Oakridge Academy')!;
  const page = await extension.context.newPage();
  await openRecord(page, psa.url, record('801'));
  const frame = await openMappingPanel(page, extension.extensionId);
  await frame.getByRole('button', { name: 'Map to Acme Dental' }).click();
  await expect(frame.getByTestId('current-mapping-scope')).toHaveText('whole company (ID 801)');
  await expect(badgeOf(page, 'MDM-TOTAL')).toHaveAttribute('data-count', String(acme.total));

  // The app moves to another company of the same name and updates its banner in place.
  const moveTo = (fixture: FixtureRecord) =>
    page.evaluate(
      (url) => {
        const app = window as unknown as {
          cwFixture: { navigate(url: string, options: { inPlace: boolean }): void };
        };
        app.cwFixture.navigate(url, { inPlace: true });
      },
      recordUrl(psa.url, fixture),
    );
  await moveTo(record('802'));
  await expect(badgeOf(page, 'MDM-TOTAL')).toHaveCount(0);
  const chip = page.locator('[data-addigy-summary]');
  await expect(chip).toHaveAttribute('data-panel', 'open');
  await expect(frame.getByTestId('account-mapping')).toBeVisible();
  await expect(frame.getByTestId('current-mapping')).toHaveCount(0);
  await expect(frame.getByTestId('panel-company')).toHaveText(`Company on this page: ${NEAR_NAME}`);

  await frame.getByRole('button', { name: 'Map to Oakridge Academy' }).click();
  await expect(frame.getByTestId('current-mapping-scope')).toHaveText('whole company (ID 802)');
  await expect(badgeOf(page, 'MDM-TOTAL')).toHaveAttribute('data-count', String(oakridge.total));

  await moveTo(record('801'));
  await expect(frame.getByTestId('current-mapping-policy')).toHaveText('Acme Dental');
  await expect(frame.getByTestId('current-mapping-scope')).toHaveText('whole company (ID 801)');
  await expect(badgeOf(page, 'MDM-TOTAL')).toHaveAttribute('data-count', String(acme.total));
  await expect(chip).toHaveAttribute('data-panel', 'open');
});

test('export then import round-trips', async ({ extension, psa, fleet }) => {
  const acme = expectedRootCounts(fleet).find((row) => row.name === 'Acme Dental')!;
  const page = await extension.context.newPage();
  await openRecord(page, psa.url, record('600'));
  const frame = await openMappingPanel(page, extension.extensionId);
  await frame.getByRole('button', { name: 'Map to Acme Dental' }).click();
  await expect(badgeOf(page, 'MDM-TOTAL')).toHaveAttribute('data-count', String(acme.total));

  const options = await openExtensionPage(extension.context, extension.extensionId, 'options.html');
  const manager = options.getByTestId('mappings-manager');
  const records = manager.getByTestId('manager-record');
  await expect(records).toHaveCount(1);
  await expect(records).toHaveAttribute('data-state', 'mapped');
  await expect(records).toContainText(NEAR_NAME);
  await expect(
    manager.getByTestId('manager-policy').filter({ hasText: /^Acme Dental/ }),
  ).toHaveAttribute('data-state', 'mapped');

  const [download] = await Promise.all([
    options.waitForEvent('download'),
    manager.getByTestId('export-mappings').click(),
  ]);
  const exportPath = await download.path();
  const text = await readFile(exportPath, 'utf8');
  expect(text).not.toContain(DEMO_CREDENTIALS.apiKey);
  const file = JSON.parse(text) as Record<string, unknown>;
  expect(file.format).toBe('addigy-psa-counts/mappings');
  expect(file.accountMappings).toEqual([
    {
      psa: 'connectwise',
      host: '127.0.0.1',
      companyId: '600',
      agreementId: null,
      companyName: NEAR_NAME,
      policyId: acme.policyId,
      policyName: 'Acme Dental',
    },
  ]);
  expect(file.productMappings).toEqual([
    { productId: 'MDM-MAC', service: 'macOS' },
    { productId: 'MDM-TOTAL', service: 'total' },
  ]);

  await records.getByRole('button', { name: `Remove the mapping of ${NEAR_NAME}` }).click();
  await expect(records).toHaveCount(0);

  await manager.getByLabel('Import mappings').setInputFiles(exportPath);
  await expect(manager.getByTestId('transfer-result')).toHaveText(
    'Imported 1 account mapping and 2 product mappings.',
  );
  await expect(records).toHaveCount(1);
  await openRecord(page, psa.url, record('600'));
  await expect(badgeOf(page, 'MDM-TOTAL')).toHaveAttribute('data-count', String(acme.total));
});

test('invalid import changes nothing', async ({ extension, fleet }) => {
  const acme = expectedRootCounts(fleet).find((row) => row.name === 'Acme Dental')!;
  const entry = {
    psa: 'connectwise',
    host: '127.0.0.1',
    companyId: '700',
    agreementId: null,
    companyName: NEAR_NAME,
    policyId: acme.policyId,
    policyName: 'Acme Dental',
  };
  const mappingsFile = (accountMappings: object[], productMappings: object[]) => ({
    name: 'mappings.json',
    mimeType: 'application/json',
    buffer: Buffer.from(
      JSON.stringify({
        format: 'addigy-psa-counts/mappings',
        version: 1,
        accountMappings,
        productMappings,
      }),
    ),
  });
  const options = await openExtensionPage(extension.context, extension.extensionId, 'options.html');
  const manager = options.getByTestId('mappings-manager');
  const importInput = manager.getByLabel('Import mappings');
  const result = manager.getByTestId('transfer-result');
  const records = manager.getByTestId('manager-record');
  await importInput.setInputFiles(mappingsFile([entry], []));
  await expect(result).toHaveText('Imported 1 account mapping and 0 product mappings.');
  await expect(records).toHaveCount(1);

  await importInput.setInputFiles(
    mappingsFile(
      [
        { ...entry, companyId: '701' },
        { ...entry, companyId: '702', policyId: '' },
      ],
      [{ productId: 'MDM-NEW', service: 'total' }],
    ),
  );
  await expect(result).toContainText('The mappings file is invalid at accountMappings.1.policyId:');
  await expect(result).toContainText('Nothing was imported.');
  await expect(records).toHaveCount(1);
  await expect(records).toContainText('company 700');
  await expect(options.getByTestId('mapping-row')).toHaveText([/MDM-MAC/, /MDM-TOTAL/]);

  await importInput.setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format": '),
  });
  await expect(result).toContainText('"broken.json" is not a JSON file');
  await expect(records).toHaveCount(1);
});
