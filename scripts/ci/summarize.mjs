// Sums the Vitest and Playwright JSON reports into one line, "N passed, N failed, N skipped",
// and exits 1 when anything failed, nothing ran, or the test command itself failed (for
// example in the type check or lint step, before any test ran).
import { existsSync, readFileSync } from 'node:fs';

const commandStatus = Number(process.argv[2] ?? '0');

function readJson(path) {
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null;
}

let passed = 0;
let failed = 0;
let skipped = 0;

const vitest = readJson('test-results/vitest.json');
if (vitest) {
  passed += vitest.numPassedTests ?? 0;
  failed += vitest.numFailedTests ?? 0;
  skipped += (vitest.numPendingTests ?? 0) + (vitest.numTodoTests ?? 0);
}

const playwright = readJson('test-results/playwright.json');
if (playwright?.stats) {
  passed += (playwright.stats.expected ?? 0) + (playwright.stats.flaky ?? 0);
  failed += playwright.stats.unexpected ?? 0;
  skipped += playwright.stats.skipped ?? 0;
}

if (!vitest) console.error('No Vitest report: the unit tests did not run.');
if (!playwright) console.error('No Playwright report: the end-to-end tests did not run.');

// A failing step with no failed test (type check, lint, build) still fails the run.
if (commandStatus !== 0 && failed === 0) failed = 1;

console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 || !vitest || !playwright ? 1 : 0);
