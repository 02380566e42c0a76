/** The headless demo (`npm start -- --headless --out DIR`), run as a user would run it. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { generateDemoFleet } from '../../scripts/addigy-server/demo-fleet';
import { expectedCsvRows, expectedRootCounts } from './support/expected-counts';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Checks that `file` is a PNG of at least the given size, read from its IHDR chunk. */
function expectPng(
  file: string,
  minimum: { minWidth: number; minHeight: number; minBytes: number },
): void {
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 8).equals(PNG_SIGNATURE), `${file} is a PNG`).toBe(true);
  expect(bytes.subarray(12, 16).toString('latin1'), `${file} starts with IHDR`).toBe('IHDR');
  expect(bytes.readUInt32BE(16), `${file} width`).toBeGreaterThanOrEqual(minimum.minWidth);
  expect(bytes.readUInt32BE(20), `${file} height`).toBeGreaterThanOrEqual(minimum.minHeight);
  expect(bytes.length, `${file} bytes`).toBeGreaterThanOrEqual(minimum.minBytes);
  expect(bytes.length, `${file} bytes`).toBeLessThan(5 * 1024 * 1024);
}

function runDemo(args: string[]) {
  return spawnSync('npx', ['tsx', 'scripts/start.ts', '--headless', ...args], {
    encoding: 'utf8',
    timeout: 120_000,
  });
}

test.describe('headless demo', () => {
  let outDir: string;
  test.beforeEach(() => {
    outDir = mkdtempSync(path.join(tmpdir(), 'addigy-demo-'));
  });
  test.afterEach(() => rmSync(outDir, { recursive: true, force: true }));

  for (const api of ['v2', 'v1']) {
    test(`writes the screenshots and CSV with ${api}`, async () => {
      const fleet = generateDemoFleet(7, Date.now());
      const fleetFile = path.join(outDir, 'fleet.json');
      writeFileSync(fleetFile, JSON.stringify(fleet));
      const result = runDemo(['--out', outDir, '--fleet', fleetFile, '--api', api]);
      expect(result.status, result.stderr).toBe(0);
      for (const file of ['popup.png', 'agreement.png', 'sidepanel.png', 'counts.csv']) {
        expect(existsSync(path.join(outDir, file)), file).toBe(true);
      }
      for (const file of ['popup.png', 'agreement.png', 'sidepanel.png']) {
        expectPng(path.join(outDir, file), { minWidth: 400, minHeight: 300, minBytes: 10_000 });
      }
      const csv = readFileSync(path.join(outDir, 'counts.csv'), 'utf8').trimEnd().split('\r\n');
      expect(csv.slice(1)).toEqual(expectedCsvRows(expectedRootCounts(fleet)));
      for (const row of expectedRootCounts(fleet)) {
        expect(result.stdout).toMatch(
          new RegExp(`^${row.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} +${row.total} `, 'm'),
        );
      }
    });
  }

  test('names the failed step', async () => {
    const result = runDemo(['--out', outDir, '--fleet', path.join(outDir, 'missing.json')]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Step "Load the fleet" failed');
    expect(result.stderr).toContain('missing.json');
  });

  test('rejects an unknown API version', async () => {
    const result = runDemo(['--out', outDir, '--api', 'v3']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Invalid --api "v3": use v1 or v2.');
  });
});
