/**
 * Steps through the extension's real UI, shared by the headless demo and the end-to-end tests so
 * that both drive the product exactly as a user would.
 */
import type { BrowserContext, Frame, Page } from '@playwright/test';

export type ConnectionInput =
  | { apiVersion: 'v2'; apiUrl: string; apiKey: string }
  | { apiVersion: 'v1'; apiUrl: string; clientId: string; clientSecret: string };

export async function openExtensionPage(
  context: BrowserContext,
  extensionId: string,
  page: 'options.html' | 'popup.html',
): Promise<Page> {
  const tab = await context.newPage();
  await tab.goto(`chrome-extension://${extensionId}/${page}`);
  return tab;
}

/** Fills in the options page's connection form, clicks Authenticate and returns the result. */
export async function authenticate(
  options: Page,
  input: ConnectionInput,
): Promise<{ kind: string; text: string }> {
  await options
    .getByRole('radio', { name: input.apiVersion === 'v2' ? /API V2/ : /API V1/ })
    .check();
  await options.getByLabel('API URL', { exact: true }).fill(input.apiUrl);
  if (input.apiVersion === 'v2') {
    await options.getByLabel('API key', { exact: true }).fill(input.apiKey);
  } else {
    await options.getByLabel('Client ID', { exact: true }).fill(input.clientId);
    await options.getByLabel('Client secret', { exact: true }).fill(input.clientSecret);
  }
  await options.getByTestId('authenticate').click();
  const result = options.getByTestId('connection-result');
  await result.waitFor({ timeout: 30_000 });
  return {
    kind: (await result.getAttribute('class')) ?? '',
    text: (await result.textContent()) ?? '',
  };
}

/** Adds a product mapping in the options page or in the side panel's frame. */
export async function addProductMapping(
  options: Page | Frame,
  productId: string,
  serviceLabel: string,
): Promise<void> {
  const rows = options.getByTestId('mapping-row');
  const before = await rows.count();
  await options.getByLabel('Product ID', { exact: true }).fill(productId);
  await options.getByLabel('Addigy count', { exact: true }).selectOption({ label: serviceLabel });
  await options.getByTestId('add-mapping').click();
  await rows.nth(before).waitFor();
}

/** Waits until the popup shows a finished sync (or a failure) and returns the sync state. */
export async function waitForSyncToSettle(popup: Page, timeout = 60_000): Promise<string> {
  const status = popup.getByTestId('sync-status');
  await popup.waitForFunction(
    () => {
      const element = document.querySelector('[data-testid="sync-status"]');
      const state = element?.getAttribute('data-state');
      return (
        state === 'failed' ||
        (state === 'idle' && document.querySelector('[data-testid="last-sync"]'))
      );
    },
    undefined,
    { timeout },
  );
  return (await status.getAttribute('data-state')) ?? '';
}

/** Clicks "Sync now" and waits for that sync to finish. */
export async function syncNow(popup: Page): Promise<string> {
  const lastSync = await popup
    .getByTestId('last-sync')
    .getAttribute('datetime')
    .catch(() => null);
  await popup.getByTestId('sync-now').click();
  await popup.waitForFunction(
    (previous) => {
      const state = document
        .querySelector('[data-testid="sync-status"]')
        ?.getAttribute('data-state');
      const time = document.querySelector('[data-testid="last-sync"]')?.getAttribute('datetime');
      return state === 'failed' || (state === 'idle' && time && time !== previous);
    },
    lastSync,
    { timeout: 60_000 },
  );
  return (await popup.getByTestId('sync-status').getAttribute('data-state')) ?? '';
}

export interface PopupRow {
  name: string;
  /** Column values by OS type key ("total", "macOS", ..., "stale"). */
  values: Record<string, number>;
}

export async function readPopupTable(popup: Page): Promise<PopupRow[]> {
  // A long list renders its first rows only; "Show all" renders the rest.
  const showAll = popup.getByTestId('show-all-rows');
  if (await showAll.isVisible()) {
    await showAll.click();
    await showAll.waitFor({ state: 'detached' });
  }
  return popup.getByTestId('policy-row').evaluateAll((rows) =>
    rows.map((row) => {
      const values: Record<string, number> = {};
      for (const cell of row.querySelectorAll('td[data-os]')) {
        values[cell.getAttribute('data-os') ?? ''] = Number(cell.textContent);
      }
      return { name: row.querySelector('th')?.textContent ?? '', values };
    }),
  );
}

/** Clicks "Export CSV" and returns the downloaded file's text. */
export async function exportCsv(popup: Page): Promise<string> {
  const [download] = await Promise.all([
    popup.waitForEvent('download'),
    popup.getByTestId('export-csv').click(),
  ]);
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Opens the mapping side panel from the summary chip on a PSA page and returns the panel's
 * frame once it lists policies. The chip's "Mappings" button sits in a closed shadow root, which
 * locators cannot enter, so the click goes to the button's place at the right end of the chip,
 * and the frame is found by its URL.
 */
export async function openSidePanel(page: Page, extensionId: string): Promise<Frame> {
  const chip = page.locator('[data-addigy-summary]');
  await chip.waitFor({ timeout: 15_000 });
  const box = await chip.boundingBox();
  if (!box) throw new Error('The summary chip on the agreement page is not visible.');
  await page.mouse.click(box.x + box.width - 25, box.y + box.height / 2);
  const prefix = `chrome-extension://${extensionId}/sidepanel.html`;
  const deadline = Date.now() + 15_000;
  let frame = page.frames().find((candidate) => candidate.url().startsWith(prefix));
  while (!frame) {
    if (Date.now() > deadline) throw new Error('The mapping side panel did not open in 15 s.');
    await page.waitForTimeout(100);
    frame = page.frames().find((candidate) => candidate.url().startsWith(prefix));
  }
  await frame.getByTestId('panel-policy').first().waitFor({ timeout: 15_000 });
  return frame;
}
