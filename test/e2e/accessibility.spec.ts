/**
 * Accessibility of the popup, the options page and the mapping side panel, in the light and the
 * dark color scheme. Axe-core finds no serious or critical violation, color contrast included.
 * The keyboard reaches every control of the options page, each with a visible focus ring.
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
import { contrastCheckedNodes, describeFindings, runAxe, seriousFindings } from './support/axe';
import { openMappingPanel, recordUrl } from './support/mapping-panel';

const SCHEMES = ['light', 'dark'] as const;

/** Runs axe on `target` and fails on serious or critical findings, printing every finding. */
async function expectNoSeriousViolations(target: Page | Frame, name: string): Promise<void> {
  const findings = await runAxe(target);
  // Color contrast must have been checked on real text, not skipped as undecidable.
  const contrastNodes = await contrastCheckedNodes(target);
  expect(contrastNodes, `${name}: nodes checked for contrast`).toBeGreaterThan(0);
  if (findings.length > 0) console.log(`axe findings in ${name}:\n${describeFindings(findings)}`);
  const serious = seriousFindings(findings);
  expect(serious, `${name}:\n${describeFindings(serious)}`).toEqual([]);
}

async function expectScheme(target: Page | Frame, scheme: string): Promise<void> {
  expect(
    await target.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches),
    `the page is in the ${scheme} scheme`,
  ).toBe(scheme === 'dark');
}

for (const scheme of SCHEMES) {
  test.describe(`${scheme} scheme`, () => {
    let options: Page;

    test.beforeEach(async ({ extension, addigy }) => {
      options = await openExtensionPage(extension.context, extension.extensionId, 'options.html');
      await options.emulateMedia({ colorScheme: scheme });
      await authenticate(options, {
        apiVersion: 'v2',
        apiUrl: addigy.url,
        apiKey: DEMO_CREDENTIALS.apiKey,
      });
      await addProductMapping(options, 'MDM-MAC', 'macOS devices');
      const popup = await openExtensionPage(extension.context, extension.extensionId, 'popup.html');
      expect(await waitForSyncToSettle(popup)).toBe('idle');
      await popup.close();
    });

    test('options page', async () => {
      await options.reload();
      await options.getByTestId('sync-history-row').first().waitFor();
      await expectScheme(options, scheme);
      await expectNoSeriousViolations(options, `options (${scheme})`);
    });

    test('popup', async ({ extension }) => {
      const popup = await extension.context.newPage();
      await popup.emulateMedia({ colorScheme: scheme });
      await popup.goto(`chrome-extension://${extension.extensionId}/popup.html`);
      await popup.getByTestId('policy-row').first().waitFor();
      await expectScheme(popup, scheme);
      await expectNoSeriousViolations(popup, `popup (${scheme})`);
    });

    test('side panel', async ({ extension, psa }) => {
      const page = await extension.context.newPage();
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(
        recordUrl(psa.url, {
          company: 'Acme Dental',
          companyId: '250',
          agreementId: '9001',
          lines: [{ productId: 'MDM-MAC', quantity: 3 }],
        }),
      );
      const frame = await openMappingPanel(page, extension.extensionId);
      await expectScheme(frame, scheme);
      await expectNoSeriousViolations(frame, `side panel (${scheme})`);
    });
  });
}

for (const scheme of SCHEMES) {
  test(`first run and an error, ${scheme} scheme`, async ({ extension, addigy }) => {
    const popup = await extension.context.newPage();
    await popup.emulateMedia({ colorScheme: scheme });
    await popup.goto(`chrome-extension://${extension.extensionId}/popup.html`);
    await popup.getByTestId('not-connected').waitFor();
    await expectNoSeriousViolations(popup, `popup before connecting (${scheme})`);

    const options = await extension.context.newPage();
    await options.emulateMedia({ colorScheme: scheme });
    await options.goto(`chrome-extension://${extension.extensionId}/options.html`);
    await options.getByRole('radio', { name: /API V1/ }).check();
    const result = await authenticate(options, {
      apiVersion: 'v1',
      apiUrl: `${addigy.url}/api`,
      clientId: 'wrong-client-id',
      clientSecret: 'wrong-client-secret',
    });
    expect(result.kind).toBe('error');
    await options.getByTestId('v1-notice').waitFor();
    await expectNoSeriousViolations(options, `options with an error (${scheme})`);
  });
}

test('axe check fails on a planted violation', async ({ extension }) => {
  const options = await openExtensionPage(extension.context, extension.extensionId, 'options.html');
  await options.getByRole('heading', { level: 1 }).waitFor();
  await options.evaluate(() => {
    const main = document.querySelector('main')!;
    main.insertAdjacentHTML(
      'beforeend',
      '<p style="color:#bbb;background:#fff">Faint text</p><input id="planted" type="text">',
    );
  });
  const rules = seriousFindings(await runAxe(options)).map((finding) => finding.rule);
  expect(rules).toContain('color-contrast');
  expect(rules).toContain('label');
});

test('keyboard reaches every options control with a visible focus ring', async ({
  extension,
  addigy,
}) => {
  const options = await openExtensionPage(extension.context, extension.extensionId, 'options.html');
  await authenticate(options, {
    apiVersion: 'v2',
    apiUrl: addigy.url,
    apiKey: DEMO_CREDENTIALS.apiKey,
  });
  await options.reload();
  await options.getByTestId('diagnostics').waitFor();
  const focusable = await options.evaluate(
    () =>
      document.querySelectorAll(
        'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), summary',
      ).length,
  );
  const reached: string[] = [];
  // Radio buttons of one group take a single Tab stop, so a few stops fewer than controls.
  for (let step = 0; step < focusable + 5; step++) {
    await options.keyboard.press('Tab');
    const focus = await options.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      if (!element || element === document.body) return null;
      const style = getComputedStyle(element);
      return {
        name: `${element.tagName.toLowerCase()}#${element.id || element.textContent?.trim().slice(0, 30)}`,
        ring: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
        visible: element.matches(':focus-visible'),
      };
    });
    if (!focus) break;
    expect(focus.visible, `${focus.name} matches :focus-visible`).toBe(true);
    expect(focus.ring, `${focus.name} shows a focus ring`).toBe(true);
    reached.push(focus.name);
  }
  for (const control of ['a#Diagnostics', 'input#api-url', 'select#account-level']) {
    expect(reached, control).toContain(control);
  }
  expect(reached.some((name) => name.startsWith('button#Download log'))).toBe(true);

  // A link of the section navigation moves the focus target to its section.
  await options.getByRole('link', { name: 'Diagnostics' }).press('Enter');
  await expect(options).toHaveURL(/#diagnostics-title$/);
  await expect(options.getByRole('heading', { name: 'Diagnostics', level: 2 })).toBeInViewport();
});
