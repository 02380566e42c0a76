// Sums the Vitest and Playwright JSON reports into one line, "N passed, N failed, N skipped",
// and exits 1 when anything failed, nothing ran, a report is missing, or the test command itself
// failed (for example in the type check or lint step, before any test ran).
import { existsSync, readFileSync } from 'node:fs';

const commandStatus = Number(process.argv[2] ?? '0');

// Every report `npm test` writes, in the order it runs them.
const REPORTS = [
  { path: 'test-results/vitest.json', runner: 'vitest', tests: 'unit tests' },
  { path: 'test-results/vitest-package.json', runner: 'vitest', tests: 'package tests' },
  { path: 'test-results/playwright.json', runner: 'playwright', tests: 'end-to-end tests' },
];

function readJson(path) {
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null;
}

/** Returns a report's counts as { passed, failed, skipped }. */
function countTests(runner, report) {
  if (runner === 'vitest') {
    return {
      passed: report.numPassedTests ?? 0,
      failed: report.numFailedTests ?? 0,
      skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
    };
  }
  const stats = report.stats ?? {};
  return {
    passed: (stats.expected ?? 0) + (stats.flaky ?? 0),
    failed: stats.unexpected ?? 0,
    skipped: stats.skipped ?? 0,
  };
}

let passed = 0;
let failed = 0;
let skipped = 0;
let missing = 0;

for (const { path, runner, tests } of REPORTS) {
  const report = readJson(path);
  if (!report) {
    console.error(`No report at ${path}: the ${tests} did not run.`);
    missing++;
    continue;
  }
  const counts = countTests(runner, report);
  passed += counts.passed;
  failed += counts.failed;
  skipped += counts.skipped;
}

// A failing step with no failed test (type check, lint, build) still fails the run.
if (commandStatus !== 0 && failed === 0) failed = 1;

console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 || missing > 0 ? 1 : 0);
