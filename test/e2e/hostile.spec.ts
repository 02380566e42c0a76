/**
 * Hostile input from either side: a policy name that is HTML, a PSA page whose text is HTML and
 * whose scripts try to reach the extension or read the badges.
 */
import { DEMO_CREDENTIALS, startAddigyServer } from '../../scripts/addigy-server/server';
import {
  addProductMapping,
  authenticate,
  exportCsv,
  openExtensionPage,
  readPopupTable,
  waitForSyncToSettle,
} from '../../scripts/browser/ui';
import { expect, test } from './fixtures';

const HOSTILE_NAME = '<img src=x onerror="window.__pwned=1">=cmd|calc & Co';

test('HTML in names stays text', async ({ extension, fleet, psa }) => {
  const acme = fleet.policies.find((policy) => policy.name === 'Acme Dental')!;
  const hostileFleet = {
    ...fleet,
    policies: fleet.policies.map((policy) =>
      policy.policyId === acme.policyId ? { ...policy, name: HOSTILE_NAME } : policy,
    ),
  };
  const server = await startAddigyServer({ fleet: hostileFleet });
  try {
    const options = await openExtensionPage(
      extension.context,
      extension.extensionId,
      'options.html',
    );
    await authenticate(options, {
      apiVersion: 'v2',
      apiUrl: server.url,
      apiKey: DEMO_CREDENTIALS.apiKey,
    });
    await addProductMapping(options, 'MDM-TOTAL', 'Total devices');
    await addProductMapping(options, '<b>MDM</b>', 'Total devices');
    await expect(options.getByTestId('mapping-row').filter({ hasText: '<b>MDM</b>' })).toHaveCount(
      1,
    );
    expect(await options.locator('b').count()).toBe(0);
    const popup = await openExtensionPage(extension.context, extension.extensionId, 'popup.html');
    expect(await waitForSyncToSettle(popup)).toBe('idle');

    expect((await readPopupTable(popup)).map((row) => row.name)).toContain(HOSTILE_NAME);
    expect(await popup.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await popup.locator('img').count()).toBe(0);
    const csv = await exportCsv(popup);
    // Quoted because the name holds quotes; no apostrophe, as it does not start like a formula.
    expect(csv).toContain(`,"${HOSTILE_NAME.replaceAll('"', '""')}",total,`);

    const page = await extension.context.newPage();
    const query = new URLSearchParams({
      company: HOSTILE_NAME,
      lines: JSON.stringify([
        { productId: 'MDM-TOTAL', quantity: 1 },
        {
          productId: '<b>MDM</b>',
          quantity: 1,
          description: '<img src=y onerror="window.__pwned=2">',
        },
      ]),
    });
    await page.goto(`${psa.url}/v4_6_release/ConnectWise.aspx?${query.toString()}`);
    await expect(page.locator('[data-addigy-badge]')).toHaveCount(2);
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();

    // The page's own scripts can neither read the closed badge nor message the extension.
    const probe = await page.evaluate((extensionId) => {
      const host = document.querySelector('[data-addigy-badge]')!;
      const runtime = (window as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome
        ?.runtime;
      let messaging = 'unavailable';
      if (runtime && typeof runtime.sendMessage === 'function') {
        try {
          (runtime.sendMessage as (id: string, message: unknown) => void)(extensionId, {
            type: 'state/get',
          });
          messaging = 'sent';
        } catch {
          messaging = 'rejected';
        }
      }
      return { shadowRoot: host.shadowRoot, text: host.textContent, messaging };
    }, extension.extensionId);
    expect(probe.shadowRoot).toBeNull();
    expect(probe.text).toBe('');
    expect(probe.messaging).not.toBe('sent');
  } finally {
    await server.close();
  }
});
