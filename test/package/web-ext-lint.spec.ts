/**
 * Runs web-ext lint (Mozilla's addons-linter, the check addons.mozilla.org runs on upload) on the
 * files of the Firefox package, and writes its JSON report to test-results/web-ext-lint.json.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { readPackage } from './packages';

interface LintMessage {
  code: string;
  message: string;
  file?: string;
}

interface LintReport {
  errors: LintMessage[];
  warnings: LintMessage[];
  notices: LintMessage[];
}

/**
 * Warnings the package accepts, each with its reason: two about library code, one about Firefox
 * for Android. Any other warning fails the test.
 */
const KNOWN_WARNINGS: Record<string, string> = {
  // Preact's renderer sets innerHTML for `dangerouslySetInnerHTML`, which no component uses.
  UNSAFE_VAR_ASSIGNMENT: 'Preact',
  // Zod 4 calls `Function('')` to test whether it may compile validators. The extension pages'
  // content security policy throws there, and Zod then validates without compiling.
  DANGEROUS_EVAL: 'Zod',
  // The package targets Firefox desktop only, so it sets no gecko_android minimum. Firefox for
  // Android 142 is the first to read data_collection_permissions.
  KEY_FIREFOX_ANDROID_UNSUPPORTED_BY_MIN_VERSION: 'Firefox for Android',
};

const run = promisify(execFile);
let sourceDir: string;
let report: LintReport;

beforeAll(async () => {
  sourceDir = mkdtempSync(join(tmpdir(), 'firefox-package-'));
  for (const [name, content] of readPackage('firefox')) {
    mkdirSync(dirname(join(sourceDir, name)), { recursive: true });
    writeFileSync(join(sourceDir, name), content);
  }
  report = await lint(sourceDir);
  mkdirSync('test-results', { recursive: true });
  writeFileSync('test-results/web-ext-lint.json', JSON.stringify(report, null, 2));
}, 120_000);

afterAll(() => {
  if (sourceDir) rmSync(sourceDir, { recursive: true, force: true });
});

/** Runs `web-ext lint` and parses its JSON output; it exits 1 when it finds errors. */
async function lint(directory: string): Promise<LintReport> {
  const args = ['node_modules/web-ext/bin/web-ext.js', 'lint', '--source-dir', directory];
  args.push('--output', 'json', '--no-config-discovery');
  const env = { ...process.env, NO_UPDATE_NOTIFIER: '1' };
  const output = await run(process.execPath, args, { env, maxBuffer: 16 * 1024 * 1024 }).catch(
    (error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }),
  );
  try {
    return JSON.parse(output.stdout) as LintReport;
  } catch {
    throw new Error(`web-ext lint printed no JSON report. Its output:\n${output.stdout}`);
  }
}

function describeMessages(messages: LintMessage[]): string {
  return messages.map((m) => `${m.code} in ${m.file ?? 'the package'}: ${m.message}`).join('\n');
}

test('web-ext lint finds no errors', () => {
  expect(report.errors, describeMessages(report.errors)).toEqual([]);
});

test('web-ext lint warns only about known library code', () => {
  const unknown = report.warnings.filter((warning) => !(warning.code in KNOWN_WARNINGS));
  expect(unknown, describeMessages(unknown)).toEqual([]);
});
