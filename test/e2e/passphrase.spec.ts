/**
 * The passphrase lock in Chromium: unlocked state survives a stopped service worker, a browser
 * restart on the same profile comes back locked, syncs wait while locked, and forgetting the
 * passphrase erases the credentials only.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { DEMO_CREDENTIALS } from '../../scripts/addigy-server/server';
import { launchWithExtension } from '../../scripts/browser/launch';
import {
  addProductMapping,
  authenticate,
  openExtensionPage,
  readPopupTable,
  syncNow,
  waitForSyncToSettle,
} from '../../scripts/browser/ui';
import { expect, test } from './fixtures';
import { stopServiceWorker } from './support/service-worker';

const PASSPHRASE = 'correct horse battery staple';

async function enablePassphrase(options: Page): Promise<void> {
  await options.getByLabel(/^Passphrase \(at least/).fill(PASSPHRASE);
  await options.getByLabel('Passphrase again', { exact: true }).fill(PASSPHRASE);
  await options.getByLabel('Lock after (minutes)', { exact: true }).fill('60');
  await options.getByTestId('enable-passphrase').click();
  await expect(options.getByTestId('passphrase-result')).toContainText(
    'The passphrase lock is on.',
    {
      timeout: 20_000,
    },
  );
}

async function unlock(popup: Page, passphrase: string): Promise<void> {
  await popup.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await popup.getByTestId('unlock').click();
}

test('unlock survives a worker stop; lock and unlock', async ({ extension, addigy }) => {
  const options = await openExtensionPage(extension.context, extension.extensionId, 'options.html');
  await authenticate(options, {
    apiVersion: 'v2',
    apiUrl: addigy.url,
    apiKey: DEMO_CREDENTIALS.apiKey,
  });
  await enablePassphrase(options);

  await stopServiceWorker(extension.context, options);
  const popup = await openExtensionPage(extension.context, extension.extensionId, 'popup.html');
  await expect(popup.getByTestId('vault-unlocked')).toBeVisible();
  expect(await syncNow(popup)).toBe('idle');

  await popup.getByTestId('lock-now').click();
  await expect(popup.getByTestId('vault-locked')).toBeVisible();
  await expect(popup.getByTestId('sync-now')).toBeDisabled();
  const before = addigy.requests.length;

  await unlock(popup, 'wrong passphrase');
  await expect(popup.getByTestId('unlock-error')).toHaveText(
    'The passphrase is wrong. Check it and try again.',
  );
  await unlock(popup, 'another wrong one');
  await expect(popup.getByTestId('unlock-error')).toHaveText(
    'The passphrase is wrong. Check it and try again.',
  );
  expect(addigy.requests.length).toBe(before);

  await unlock(popup, PASSPHRASE);
  await expect(popup.getByTestId('vault-unlocked')).toBeVisible();
  await expect(popup.getByTestId('sync-now')).toBeEnabled();
});

test('browser restart comes back locked', async ({ addigy }) => {
  const profile = mkdtempSync(path.join(tmpdir(), 'addigy-counts-restart-'));
  try {
    const first = await launchWithExtension({ headless: true, userDataDir: profile });
    const options = await openExtensionPage(first.context, first.extensionId, 'options.html');
    await authenticate(options, {
      apiVersion: 'v2',
      apiUrl: addigy.url,
      apiKey: DEMO_CREDENTIALS.apiKey,
    });
    await enablePassphrase(options);
    const session = await first.serviceWorker.evaluate(() =>
      (
        self as unknown as { chrome: { storage: { session: { get(k: null): Promise<object> } } } }
      ).chrome.storage.session.get(null),
    );
    expect(Object.keys(session)).toContain('vaultUnlocked');
    await first.close();

    const second = await launchWithExtension({ headless: true, userDataDir: profile });
    try {
      const popup = await openExtensionPage(second.context, second.extensionId, 'popup.html');
      await expect(popup.getByTestId('vault-locked')).toBeVisible();
      const restarted = await second.serviceWorker.evaluate(() =>
        (
          self as unknown as { chrome: { storage: { session: { get(k: null): Promise<object> } } } }
        ).chrome.storage.session.get(null),
      );
      expect(restarted).toEqual({});
      await unlock(popup, PASSPHRASE);
      await expect(popup.getByTestId('vault-unlocked')).toBeVisible();
    } finally {
      await second.close();
    }
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});

test('forgot passphrase keeps mappings and counts', async ({ extension, addigy }) => {
  const options = await openExtensionPage(extension.context, extension.extensionId, 'options.html');
  await authenticate(options, {
    apiVersion: 'v2',
    apiUrl: addigy.url,
    apiKey: DEMO_CREDENTIALS.apiKey,
  });
  await addProductMapping(options, 'MDM-MAC', 'macOS devices');
  const popup = await openExtensionPage(extension.context, extension.extensionId, 'popup.html');
  expect(await waitForSyncToSettle(popup)).toBe('idle');
  const counts = await readPopupTable(popup);
  await enablePassphrase(options);

  options.once('dialog', (dialog) => void dialog.accept());
  await options.getByTestId('forgot-passphrase').click();
  await expect(options.getByTestId('passphrase-result')).toHaveText(
    'The credentials were erased. Enter them again above.',
  );
  await expect(options.getByTestId('credentials-configured')).toHaveCount(0);
  await expect(options.getByTestId('mapping-row')).toHaveCount(1);
  await expect(options.getByTestId('enable-passphrase')).toBeVisible();

  await popup.reload();
  await expect(popup.getByTestId('not-connected')).toBeVisible();
  expect(await readPopupTable(popup)).toEqual(counts);
});
