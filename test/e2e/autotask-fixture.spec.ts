/**
 * The Autotask fixture pages in Chromium, served by the PSA fixture server at Autotask's paths:
 * the legacy frameset loads its summary frame with the real URL parameters, and the newer
 * interface renders late and changes contracts with history.pushState. The extension is not
 * loaded, so this checks the fixtures, not the overlay.
 */
import { chromium, expect, test, type Browser, type Page } from '@playwright/test';
import { startPsaFixtureServer, type PsaFixtureServer } from '../../scripts/psa-fixtures/server';

let server: PsaFixtureServer;
let browser: Browser;

test.beforeAll(async () => {
  server = await startPsaFixtureServer();
  browser = await chromium.launch({
    executablePath: '/usr/lib/chromium/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
});

test.afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens a page that fails the test on a script error or a failed fixture request. */
async function openPage(): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
  });
  return { page, problems };
}

function viewData(contractId: number): string {
  return btoa(JSON.stringify({ contractId }));
}

test('legacy frameset loads the summary frame', async () => {
  const { page, problems } = await openPage();
  await page.goto(`${server.url}/Contracts/Views/ContractView.asp?contractID=29683980`);

  await expect(page.locator('html')).toHaveAttribute('data-fixture-state', 'rendered');
  const summary = page.frameLocator('frame[name="ContractSummary"]');
  await expect(summary.locator('#at-summary')).toHaveAttribute('data-fixture-state', 'rendered');
  await expect(summary.locator('td', { hasText: 'Globex Corporation' })).toHaveCount(1);
  await expect(summary.locator('td.FieldLabels', { hasText: 'Client' })).toHaveCount(1);

  const frameUrl = new URL(page.frame({ name: 'ContractSummary' })?.url() ?? 'about:blank');
  expect(frameUrl.pathname).toBe('/Contracts/Views/ContractSummary.asp');
  expect(frameUrl.searchParams.get('contractID')).toBe('29683980');
  expect(frameUrl.searchParams.get('ContractName')).toBe('Globex - Apple Fleet');
  expect(frameUrl.searchParams.get('ClientName')).toBe('Globex Corporation');
  await expect(
    page.frameLocator('frame[name="ContractMenu"]').locator('li', { hasText: 'Summary' }),
  ).toHaveCount(1);
  expect(problems).toEqual([]);
});

test('legacy summary shows the URL services', async () => {
  const { page, problems } = await openPage();
  const services = JSON.stringify([{ id: 'MDM-MAC', name: 'Macs', units: 7 }]);
  const query = new URLSearchParams({ contractID: '29683964', ClientName: 'Initech', services });
  await page.goto(`${server.url}/Contracts/Views/ContractSummary.asp?${query.toString()}`);

  await expect(page.locator('#at-summary')).toHaveAttribute('data-fixture-state', 'rendered');
  await expect(page).toHaveTitle('Acme Dental - Managed Apple Devices (ID: 29683964)');
  await expect(page.locator('td', { hasText: 'Initech' })).toHaveCount(1);
  await expect(page.locator('tr', { hasText: 'MDM-MAC' }).locator('td').nth(4)).toHaveText('7.00');
  expect(problems).toEqual([]);
});

test('newer interface renders late and follows pushState', async () => {
  const { page, problems } = await openPage();
  const query = new URLSearchParams({
    view: 'umbrella-contract-details',
    'view-data': viewData(29683964),
  });
  await page.goto(`${server.url}/AutotaskOnyx/LandingPage?${query.toString()}`);

  const app = page.locator('#onyx-app');
  await expect(app).toHaveAttribute('data-fixture-state', 'loading');
  await expect(app).toHaveAttribute('data-fixture-state', 'rendered');
  await expect(page.locator('h1')).toHaveText('Acme Dental - Managed Apple Devices (ID: 29683964)');
  await expect(page.getByRole('grid').getByRole('row')).toHaveCount(10);

  // A marker on window survives a pushState navigation and is lost on a reload.
  await page.evaluate(() => Object.assign(window, { notReloaded: true }));
  await page.getByRole('link', { name: 'Globex - Apple Fleet' }).click();
  await expect(page.locator('h1')).toHaveText('Globex - Apple Fleet (ID: 29683980)');
  expect(new URL(page.url()).searchParams.get('view-data')).toBe(viewData(29683980));
  expect(await page.evaluate(() => 'notReloaded' in window)).toBe(true);

  await page.goBack();
  await expect(page.locator('h1')).toHaveText('Acme Dental - Managed Apple Devices (ID: 29683964)');
  expect(problems).toEqual([]);
});
