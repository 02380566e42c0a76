/**
 * The summary chip and the side panel on the ConnectWise agreement fixture: the chip's numbers,
 * the panel's policy list and product mappings, and the boundary between the panel and the PSA
 * page's own scripts. The panel is an extension page in an iframe inside a closed shadow root.
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
import { expectedRootCounts, type ExpectedRow } from './support/expected-counts';

const COMPANY = 'Acme Dental';

function agreementUrl(psaUrl: string, lines: object[]): string {
  const query = new URLSearchParams({ company: COMPANY, lines: JSON.stringify(lines) });
  return `${psaUrl}/v4_6_release/ConnectWise.aspx?${query.toString()}`;
}

/** The account policies the panel should list: every root policy, without "Unassigned". */
function accountPolicies(rows: ExpectedRow[]): Array<{ name: string; total: number }> {
  return rows
    .filter((row) => row.policyId !== '')
    .map((row) => ({ name: row.name, total: row.total }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Clicks the chip's "Mappings" button. The button is in a closed shadow root, which locators
 * cannot enter, so the click goes to the button's place: the right end of the chip.
 */
async function clickMappings(page: Page): Promise<void> {
  const box = await page.locator('[data-addigy-summary]').boundingBox();
  if (!box) throw new Error('The summary chip is not visible.');
  await page.mouse.click(box.x + box.width - 25, box.y + box.height / 2);
}

/**
 * Returns the side panel's frame. `frameLocator` cannot reach an iframe in a closed shadow root,
 * so the frame is found among the page's frames by its URL.
 */
async function panelFrame(page: Page, extensionId: string): Promise<Frame> {
  const prefix = `chrome-extension://${extensionId}/sidepanel.html`;
  let frame: Frame | undefined;
  await expect
    .poll(() => (frame = page.frames().find((candidate) => candidate.url().startsWith(prefix))))
    .toBeDefined();
  await frame!.getByTestId('account-policies').waitFor();
  return frame!;
}

/**
 * Returns how many frames the page has below its main frame, as the browser reports them.
 * Playwright's `page.frames()` can keep listing a frame that the page navigated to about:blank
 * after the frame was removed, so the DevTools protocol is asked instead.
 */
async function childFrameCount(page: Page): Promise<number> {
  const session = await page.context().newCDPSession(page);
  try {
    const { frameTree } = await session.send('Page.getFrameTree');
    return frameTree.childFrames?.length ?? 0;
  } finally {
    await session.detach();
  }
}

async function readPanelPolicies(frame: Frame) {
  return frame.getByTestId('panel-policy').evaluateAll((rows) =>
    rows.map((row) => ({
      name: row.querySelector('[data-testid="panel-policy-name"]')?.textContent ?? '',
      total: Number(row.querySelector('[data-testid="panel-policy-total"]')?.textContent),
      exact: row.getAttribute('data-exact') === 'true',
    })),
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
  const popup = await openExtensionPage(extension.context, extension.extensionId, 'popup.html');
  expect(await waitForSyncToSettle(popup)).toBe('idle');
  await options.close();
  await popup.close();
});

test('summary chip counts matching and off lines', async ({ extension, psa, fleet }) => {
  const client = expectedRootCounts(fleet).find((row) => row.name === COMPANY)!;
  const page = await extension.context.newPage();
  await page.goto(
    agreementUrl(psa.url, [
      { productId: 'MDM-MAC', quantity: client.byOs.macOS ?? 0 },
      { productId: 'MDM-TOTAL', quantity: client.total - 2 },
      { productId: 'MDM-IOS', quantity: 1 },
    ]),
  );
  const chip = page.locator('[data-addigy-summary]');

  await expect(chip).toHaveAttribute('data-matching', '1');
  await expect(chip).toHaveAttribute('data-off', '1');
  await expect(chip).toHaveAttribute('data-over', '1');
  await expect(chip).toHaveAttribute('data-under', '0');
  await expect(chip).toHaveAttribute('data-difference', '2');
  await expect(chip).toHaveAttribute('data-panel', 'closed');
  // The chip sits in the banner, right after the company name.
  expect(
    await chip.evaluate((host) => host.previousElementSibling?.classList.contains('detailLabel')),
  ).toBe(true);
  await expect(page.locator('[data-addigy-badge]')).toHaveCount(2);
});

test('side panel lists policies and maps a product', async ({ extension, psa, fleet }) => {
  const rows = expectedRootCounts(fleet);
  const client = rows.find((row) => row.name === COMPANY)!;
  const phones = client.byOs.iOS ?? 0;
  const page = await extension.context.newPage();
  await page.goto(
    agreementUrl(psa.url, [
      { productId: 'MDM-TOTAL', quantity: client.total },
      { productId: 'MDM-IOS', quantity: phones + 1 },
    ]),
  );
  const chip = page.locator('[data-addigy-summary]');
  await expect(chip).toHaveAttribute('data-matching', '1');

  await clickMappings(page);
  await expect(chip).toHaveAttribute('data-panel', 'open');
  const frame = await panelFrame(page, extension.extensionId);
  await expect(frame.getByTestId('panel-company')).toHaveText(`Company on this page: ${COMPANY}`);

  const listed = await readPanelPolicies(frame);
  expect(listed[0]).toEqual({ name: COMPANY, total: client.total, exact: true });
  expect(listed.filter((policy) => policy.exact)).toHaveLength(1);
  expect(
    listed.map(({ name, total }) => ({ name, total })).sort((a, b) => a.name.localeCompare(b.name)),
  ).toEqual(accountPolicies(rows));

  await frame.getByLabel('Search policies').fill('oakridge');
  expect((await readPanelPolicies(frame)).map((policy) => policy.name)).toEqual([
    'Oakridge Academy',
  ]);

  await expect(
    page.locator('tr.cw-ml-row', { hasText: 'MDM-IOS' }).locator('[data-addigy-badge]'),
  ).toHaveCount(0);
  await addProductMapping(frame, 'MDM-IOS', 'iOS devices');
  const badge = page.locator('tr.cw-ml-row', { hasText: 'MDM-IOS' }).locator('[data-addigy-badge]');
  await expect(badge).toHaveAttribute('data-count', String(phones));
  await expect(badge).toHaveAttribute('data-status', 'under');
  await expect(chip).toHaveAttribute('data-off', '1');
  await expect(chip).toHaveAttribute('data-difference', '-1');
  await expect(chip).toHaveAttribute('data-panel', 'open');

  // The panel follows the browser's colour scheme with the extension's own stylesheet.
  const background = () =>
    frame.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  await page.emulateMedia({ colorScheme: 'light' });
  await expect.poll(background).toBe('rgb(255, 255, 255)');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(background).toBe('rgb(27, 30, 36)');
});

test('page cannot read the panel or its policies', async ({ extension, psa, fleet }) => {
  const otherNames = accountPolicies(expectedRootCounts(fleet))
    .map((policy) => policy.name)
    .filter((name) => !COMPANY.includes(name));
  const page = await extension.context.newPage();
  await page.goto(agreementUrl(psa.url, [{ productId: 'MDM-TOTAL', quantity: 1 }]));
  // The page's own script keeps the source window of each message it receives, as a hostile page would.
  await page.evaluate(() => {
    window.addEventListener('message', (event) => {
      (window as { panelWindow?: unknown }).panelWindow = event.source;
    });
  });
  await clickMappings(page);
  const frame = await panelFrame(page, extension.extensionId);
  await expect(frame.getByTestId('panel-policy')).toHaveCount(otherNames.length + 1);
  await addProductMapping(frame, 'MDM-IPAD', 'iPadOS devices');

  const probe = await page.evaluate((names) => {
    const html = document.documentElement.outerHTML;
    const text = document.body.innerText;
    const host = document.querySelector('[data-addigy-summary]')!;
    const panelWindow = (window as { panelWindow?: Window }).panelWindow;
    let panelDocument = 'readable';
    try {
      void panelWindow!.document.body;
    } catch (error) {
      panelDocument = (error as Error).name;
    }
    return {
      namesFound: names.filter((name) => html.includes(name) || text.includes(name)),
      shadowRoot: host.shadowRoot,
      hostText: host.textContent,
      iframesInDom: document.querySelectorAll('iframe').length,
      framesReachable: window.length,
      gotPanelWindow: panelWindow !== undefined && panelWindow !== window,
      panelDocument,
    };
  }, otherNames);

  expect(otherNames.length).toBeGreaterThan(3);
  expect(probe.namesFound).toEqual([]);
  expect(probe.shadowRoot).toBeNull();
  expect(probe.hostText).toBe('');
  expect(probe.iframesInDom).toBe(0);
  expect(probe.framesReachable).toBe(0);
  expect(probe.gotPanelWindow).toBe(true);
  expect(probe.panelDocument).toBe('SecurityError');
});

test('panel works from the keyboard', async ({ extension, psa }) => {
  const page = await extension.context.newPage();
  await page.goto(agreementUrl(psa.url, [{ productId: 'MDM-TOTAL', quantity: 1 }]));
  const chip = page.locator('[data-addigy-summary]');
  await expect(chip).toHaveAttribute('data-panel', 'closed');
  const focusedTag = () => page.evaluate(() => document.activeElement?.tagName);

  // The banner comes first on the fixture page, so the first Tab reaches the "Mappings" button.
  await page.keyboard.press('Tab');
  expect(await focusedTag()).toMatch(/^ADDIGY-SUMMARY-CHIP-[0-9A-F]{8}$/);
  await page.keyboard.press('Enter');
  await expect(chip).toHaveAttribute('data-panel', 'open');
  let frame = await panelFrame(page, extension.extensionId);
  await expect(frame.getByLabel('Search policies')).toBeFocused();
  await page.keyboard.type('oakridge');
  await expect(frame.getByTestId('panel-policy')).toHaveCount(1);

  // The frame closes on key-down, so the key comes up on the page. A single press() once hung
  // until the test timed out, sending the key-up to the frame that was gone.
  await page.keyboard.down('Escape');
  await expect(chip).toHaveAttribute('data-panel', 'closed');
  await page.keyboard.up('Escape');
  await expect.poll(() => childFrameCount(page)).toBe(0);
  expect(await focusedTag()).toMatch(/^ADDIGY-SUMMARY-CHIP-[0-9A-F]{8}$/);

  await page.keyboard.press('Enter');
  await expect(chip).toHaveAttribute('data-panel', 'open');
  frame = await panelFrame(page, extension.extensionId);
  await frame.getByTestId('close-panel').click();
  await expect(chip).toHaveAttribute('data-panel', 'closed');
  await expect.poll(() => childFrameCount(page)).toBe(0);
});

test('panel closes when the page navigates its frame', async ({ extension, psa }) => {
  const page = await extension.context.newPage();
  await page.goto(agreementUrl(psa.url, [{ productId: 'MDM-TOTAL', quantity: 1 }]));
  // A hostile page loads its own page into the panel's frame as soon as the panel posts.
  await page.evaluate(() => {
    window.addEventListener('message', (event) => {
      (event.source as Window).location.href = 'about:blank';
    });
  });
  await clickMappings(page);
  const frame = await panelFrame(page, extension.extensionId);
  await frame.getByLabel('Product ID', { exact: true }).fill('MDM-IPAD');
  await frame.getByTestId('add-mapping').click();

  await expect(page.locator('[data-addigy-summary]')).toHaveAttribute('data-panel', 'closed');
  await expect.poll(() => childFrameCount(page)).toBe(0);
});

test('panel cannot name another PSA site', async ({ extension, psa }) => {
  // localhost is a second PSA site, added as a user would; the panel opens on 127.0.0.1.
  const options = await openExtensionPage(extension.context, extension.extensionId, 'options.html');
  await options.getByLabel('Other PSA host', { exact: true }).fill('http://localhost');
  await options.getByTestId('add-psa-site').click();
  await expect(options.getByTestId('psa-site')).toHaveText(['http://localhost Remove']);
  const page = await extension.context.newPage();
  await page.goto(agreementUrl(psa.url, [{ productId: 'MDM-TOTAL', quantity: 1 }]));
  await clickMappings(page);
  const frame = await panelFrame(page, extension.extensionId);

  const send = (message: object) =>
    frame.evaluate(
      (sent) =>
        (
          globalThis as unknown as {
            chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };
          }
        ).chrome.runtime.sendMessage(sent),
      message,
    );
  const record = { psa: 'connectwise', companyId: '250', agreementId: null };
  const mapping = {
    ...record,
    companyName: COMPANY,
    policyId: 'p-any',
    policyName: COMPANY,
  };
  const rejection = {
    ok: false,
    error:
      'The side panel asked for the mappings of "localhost", but its tab shows "127.0.0.1", ' +
      'so the request was rejected. Reload the PSA page and open the panel again.',
  };

  expect(await send({ type: 'accountMappings/forRecord', ...record, host: 'localhost' })).toEqual(
    rejection,
  );
  expect(
    await send({ type: 'accountMappings/save', mapping: { ...mapping, host: 'localhost' } }),
  ).toEqual(rejection);
  expect(
    await send({ type: 'accountMappings/mappedPolicies', psa: 'connectwise', host: 'localhost' }),
  ).toEqual(rejection);
  // The same request about the panel's own site gets a reply.
  expect(await send({ type: 'accountMappings/forRecord', ...record, host: '127.0.0.1' })).toEqual({
    ok: true,
    data: null,
  });
  const stored = await options.evaluate(() =>
    (
      globalThis as unknown as {
        chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };
      }
    ).chrome.runtime.sendMessage({ type: 'accountMappings/list' }),
  );
  expect(stored).toEqual({ ok: true, data: [] });
});
