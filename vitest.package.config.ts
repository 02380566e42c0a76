import { defineConfig } from 'vitest/config';

// Tests of the release packages in .output/, which `npm run zip` writes first. They run in
// Node without WXT's fake browser, because they read files and run web-ext, not extension code.
// They are named *.spec.ts so that the unit test run (vitest.config.ts, *.test.ts) skips them.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/package/**/*.spec.ts'],
    testTimeout: 120_000,
    reporters: ['default', ['json', { outputFile: 'test-results/vitest-package.json' }]],
  },
});
