/**
 * The release build's manifest asks for the least it needs: no PSA host at install, no way for
 * web pages or other extensions to message it, no loosened content security policy, and only
 * the side panel page web accessible, at a per-session URL. It carries package.json's version
 * and icons at every size the stores ask for.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';

const manifest = JSON.parse(readFileSync('.output/chrome-mv3/manifest.json', 'utf8')) as Record<
  string,
  unknown
>;

test('release manifest permissions are minimal', () => {
  expect(manifest.permissions).toEqual(['storage', 'alarms', 'unlimitedStorage', 'scripting']);
  expect(manifest.host_permissions).toEqual([
    'https://api.addigy.com/*',
    'https://prod.addigy.com/*',
  ]);
  expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
  expect(manifest.optional_permissions).toEqual(['notifications']);
  expect(manifest.content_scripts ?? []).toEqual([]);
});

test('release manifest opens only the side panel to pages', () => {
  expect(manifest).not.toHaveProperty('externally_connectable');
  expect(manifest.web_accessible_resources).toEqual([
    {
      resources: ['sidepanel.html'],
      matches: ['https://*/*', 'http://*/*'],
      use_dynamic_url: true,
    },
  ]);
  expect(manifest).not.toHaveProperty('content_security_policy');
  expect(manifest.manifest_version).toBe(3);
});

test('release manifest has the package version', () => {
  const packageJson = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
  expect(manifest.version).toBe(packageJson.version);
});

test('release manifest lists icons at every store size', () => {
  const sizes = [16, 32, 48, 96, 128];
  expect(manifest.icons).toEqual(
    Object.fromEntries(sizes.map((size) => [`${size}`, `icon/${size}.png`])),
  );
  for (const size of sizes) {
    expect(existsSync(`.output/chrome-mv3/icon/${size}.png`), `icon/${size}.png`).toBe(true);
  }
});

test('release manifest has no browser side panel', () => {
  // The panel page is shown in an iframe on PSA pages, never in the browser's side panel.
  expect(manifest).not.toHaveProperty('side_panel');
  expect(manifest.permissions).not.toContain('sidePanel');
});

test('release bundle has no eval or remote script', () => {
  const background = readFileSync('.output/chrome-mv3/background.js', 'utf8');
  const content = readFileSync('.output/chrome-mv3/content-scripts/psa.js', 'utf8');
  const chunks = readdirSync('.output/chrome-mv3/chunks').map((name) =>
    readFileSync(`.output/chrome-mv3/chunks/${name}`, 'utf8'),
  );
  for (const code of [background, content, ...chunks]) {
    expect(code).not.toMatch(/\beval\(/);
    expect(code).not.toMatch(/new Function\(/);
    expect(code).not.toMatch(/importScripts\(\s*['"]https?:/);
  }
  expect(background).not.toContain('onMessageExternal');
  // storage.local is narrowed to trusted contexts; nothing widens any area to content scripts.
  expect(background).toContain('TRUSTED_CONTEXTS');
  expect(background).not.toContain('TRUSTED_AND_UNTRUSTED_CONTEXTS');
});
