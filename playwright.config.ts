import { defineConfig } from '@playwright/test';

// Each test starts its own Chromium with the extension and its own servers on 127.0.0.1, so one
// worker is enough and keeps a two-core machine responsive.
export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  workers: 1,
  timeout: 90_000,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  // Playwright empties its output folder at start, so it must not be test-results/ itself,
  // where the Vitest report waits to be summed.
  outputDir: 'test-results/playwright-output',
  use: { trace: 'off' },
});
