/** Failures during a sync, in Chromium: the last good snapshot survives and the user is told. */
import type { Page } from '@playwright/test';
import type { Fault } from '../../scripts/addigy-server/faults';
import type { Fleet } from '../../scripts/addigy-server/fleet';
import { DEMO_CREDENTIALS, startAddigyServer } from '../../scripts/addigy-server/server';
import {
  authenticate,
  openExtensionPage,
  readPopupTable,
  syncNow,
  waitForSyncToSettle,
} from '../../scripts/browser/ui';
import { expect, test } from './fixtures';
import { expectedRootCounts } from './support/expected-counts';
import { stopServiceWorker } from './support/service-worker';

/** The demo fleet repeated `copies` times with fresh agent ids and serials: more pages. */
function enlarge(fleet: Fleet, copies: number): Fleet {
  const devices = Array.from({ length: copies }, (_, copy) =>
    fleet.devices.map((device) => {
      const serial = device.facts.serial_number?.value;
      const facts = { ...device.facts };
      if (typeof serial === 'string' && facts.serial_number) {
        facts.serial_number = { ...facts.serial_number, value: `${serial}-${copy}` };
      }
      return { ...device, agentid: `${device.agentid}-${copy}`, facts };
    }),
  ).flat();
  return { ...fleet, devices };
}

async function connect(page: Page, url: string): Promise<void> {
  const result = await authenticate(page, {
    apiVersion: 'v2',
    apiUrl: url,
    apiKey: DEMO_CREDENTIALS.apiKey,
  });
  expect(result.kind).toContain('success');
}

test('stopped worker resumes its sync', async ({ extension, fleet }) => {
  const large = enlarge(fleet, 6);
  const pageCount = Math.ceil(large.devices.length / 100);
  const server = await startAddigyServer({
    fleet: large,
    faults: ({ path }) => (path === '/api/v2/devices' ? { delayMs: 300 } : undefined),
  });
  const devicePages = () => server.requests.filter((r) => r.path === '/api/v2/devices').length;
  const policyQueries = () =>
    server.requests.filter((r) => r.path === '/api/v2/oa/policies/query').length;
  try {
    const options = await openExtensionPage(
      extension.context,
      extension.extensionId,
      'options.html',
    );
    await connect(options, server.url);
    await expect.poll(devicePages, { timeout: 20_000 }).toBeGreaterThanOrEqual(6);
    expect(devicePages()).toBeLessThan(pageCount);

    await stopServiceWorker(extension.context, options);
    // Requests already sent may still land; after that, a stopped worker sends nothing.
    await options.waitForTimeout(500);
    const pagesAtStop = devicePages();
    await options.waitForTimeout(1_500);
    expect(devicePages()).toBe(pagesAtStop);

    // Opening the popup sends a message, which starts the worker again.
    const popup = await openExtensionPage(extension.context, extension.extensionId, 'popup.html');
    expect(await waitForSyncToSettle(popup)).toBe('idle');
    const shown = await readPopupTable(popup);
    const expected = expectedRootCounts(large);
    expect(shown.map((row) => [row.name, row.values.total])).toEqual(
      expected.map((row) => [row.name, row.total]),
    );
    // Resumed, not restarted: the policies were fetched once, and at most the pages in flight
    // at the stop (8) were fetched twice.
    expect(policyQueries()).toBe(1);
    expect(devicePages()).toBeGreaterThanOrEqual(pageCount);
    expect(devicePages()).toBeLessThanOrEqual(pageCount + 8);
    expect(pagesAtStop).toBeLessThan(pageCount);
  } finally {
    await server.close();
  }
});

const failures: Array<[string, Fault, string]> = [
  ['429 storm', { status: 429, retryAfterSeconds: 0 }, 'failed 5 times in a row'],
  ['truncated JSON', { truncate: true }, 'not valid JSON from POST /devices'],
];

for (const [name, fault, message] of failures) {
  test(`${name} keeps the last snapshot`, async ({ extension, fleet }) => {
    let current: Fault | undefined;
    const server = await startAddigyServer({
      fleet,
      faults: ({ path }) => (path === '/api/v2/devices' ? current : undefined),
    });
    try {
      const options = await openExtensionPage(
        extension.context,
        extension.extensionId,
        'options.html',
      );
      await connect(options, server.url);
      const popup = await openExtensionPage(extension.context, extension.extensionId, 'popup.html');
      expect(await waitForSyncToSettle(popup)).toBe('idle');
      const before = await readPopupTable(popup);
      const lastSync = await popup.getByTestId('last-sync').getAttribute('datetime');

      current = fault;
      expect(await syncNow(popup)).toBe('failed');
      await expect(popup.getByTestId('sync-error')).toContainText(message);
      await expect(popup.getByTestId('sync-error')).toContainText('last successful sync');
      expect(await readPopupTable(popup)).toEqual(before);
      await expect(popup.getByTestId('last-sync')).toHaveAttribute('datetime', lastSync!);
    } finally {
      await server.close();
    }
  });
}

test('account level children of a policy', async ({ extension, addigy, fleet }) => {
  const options = await openExtensionPage(extension.context, extension.extensionId, 'options.html');
  await connect(options, addigy.url);
  const popup = await openExtensionPage(extension.context, extension.extensionId, 'popup.html');
  await waitForSyncToSettle(popup);

  await options.reload();
  await options
    .getByLabel('Client policies are')
    .selectOption({ label: 'The policies under "Managed Clients"' });
  await options.getByTestId('save-sync-settings').click();
  await expect(options.getByTestId('sync-settings-result')).toHaveText(
    'Saved. The next sync uses these settings.',
  );
  expect(await syncNow(popup)).toBe('idle');

  const managed = fleet.policies.find((policy) => policy.name === 'Managed Clients')!;
  const children = fleet.policies
    .filter((policy) => policy.parent === managed.policyId)
    .map((policy) => policy.name)
    .sort((a, b) => a.localeCompare(b));
  const names = (await readPopupTable(popup)).map((row) => row.name);
  expect(names).toEqual([...children, 'Not in a client policy', 'Unassigned']);
});
