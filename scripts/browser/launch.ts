/**
 * Starts Chromium with the built extension loaded, for the demo and the end-to-end tests.
 * `--disable-extensions-except` is required: without it Playwright's default
 * `--disable-extensions` wins and the service worker never starts.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Worker } from '@playwright/test';

/** The e2e build, which pre-grants http://127.0.0.1/* so no permission prompt appears. */
export const E2E_EXTENSION_DIR = path.resolve('.output/chrome-mv3-e2e');

const CANDIDATES = [
  '/usr/lib/chromium/chromium',
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

/** Returns the browser to run: `CHROMIUM_PATH` when set, else the first one installed. */
export function findChromium(): string | null {
  const override = process.env.CHROMIUM_PATH;
  if (override) return override;
  return CANDIDATES.find((candidate) => existsSync(candidate)) ?? null;
}

export interface ExtensionBrowser {
  context: BrowserContext;
  serviceWorker: Worker;
  extensionId: string;
  /** Closes the browser and deletes its temporary profile. */
  close(): Promise<void>;
}

export async function launchWithExtension(options: {
  headless: boolean;
  extensionDir?: string;
  executablePath?: string;
  /** A profile to reuse, as a browser restart does; it is kept on close. Default: a new one. */
  userDataDir?: string;
}): Promise<ExtensionBrowser> {
  const extensionDir = options.extensionDir ?? E2E_EXTENSION_DIR;
  const executablePath = options.executablePath ?? findChromium();
  if (!executablePath) {
    throw new Error(
      'No Chrome or Chromium found. Install one (Debian: apt-get install chromium) or set CHROMIUM_PATH.',
    );
  }
  const profileDir =
    options.userDataDir ?? mkdtempSync(path.join(tmpdir(), 'addigy-counts-profile-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath,
    headless: options.headless,
    acceptDownloads: true,
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  const serviceWorker =
    context.serviceWorkers()[0] ??
    (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(serviceWorker.url()).host;
  return {
    context,
    serviceWorker,
    extensionId,
    async close() {
      await context.close();
      if (!options.userDataDir) rmSync(profileDir, { recursive: true, force: true });
    },
  };
}
