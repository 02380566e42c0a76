/**
 * Playwright fixtures for end-to-end tests: a fresh Chromium profile with the e2e build of the
 * extension, the local Addigy server with a fleet of the test's choosing, and the PSA fixture
 * pages, all on 127.0.0.1.
 */
import { test as base } from '@playwright/test';
import { generateDemoFleet } from '../../scripts/addigy-server/demo-fleet';
import type { Fleet } from '../../scripts/addigy-server/fleet';
import { startAddigyServer, type AddigyServer } from '../../scripts/addigy-server/server';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/browser/launch';
import { startPsaFixtureServer, type PsaFixtureServer } from '../../scripts/psa-fixtures/server';

export interface E2eFixtures {
  fleet: Fleet;
  addigy: AddigyServer;
  psa: PsaFixtureServer;
  extension: ExtensionBrowser;
}

export const test = base.extend<E2eFixtures>({
  // The fleet counts back from the real clock, so the extension's stale rule sees the same ages.
  fleet: async ({}, use) => {
    await use(generateDemoFleet(1, Date.now()));
  },
  addigy: async ({ fleet }, use) => {
    const server = await startAddigyServer({ fleet });
    await use(server);
    await server.close();
  },
  psa: async ({}, use) => {
    const server = await startPsaFixtureServer({});
    await use(server);
    await server.close();
  },
  extension: async ({}, use) => {
    const browser = await launchWithExtension({ headless: true });
    await use(browser);
    await browser.close();
  },
});

export { expect } from '@playwright/test';
