/**
 * The release packages' manifests: the version from package.json, icons at every store size,
 * Firefox's own settings, and nothing from the e2e build mode, which pre-grants local hosts.
 */
import { describe, expect, test } from 'vitest';
import { packageJson, readManifest, readPackage } from './packages';

/** Sizes the Chrome Web Store and addons.mozilla.org ask for, in pixels. */
const ICON_SIZES = [16, 32, 48, 96, 128];
const LOCAL_HOSTS = ['http://127.0.0.1/*', 'http://localhost/*'];
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Reads the width and height from a PNG's IHDR chunk, which always comes first. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe.each(['chrome', 'firefox'] as const)('%s package', (browser) => {
  const files = readPackage(browser);
  const manifest = readManifest(files);

  test('version comes from package.json', () => {
    expect(manifest.version).toBe(packageJson.version);
  });

  test('description fits the store limit', () => {
    // The Chrome Web Store rejects a manifest description longer than 132 characters.
    expect(typeof manifest.description).toBe('string');
    expect((manifest.description as string).length).toBeLessThanOrEqual(132);
  });

  test('manifest is version 3', () => {
    expect(manifest.manifest_version).toBe(3);
  });

  test('icons are listed at every size', () => {
    const expected = Object.fromEntries(ICON_SIZES.map((size) => [`${size}`, `icon/${size}.png`]));
    expect(manifest.icons).toEqual(expected);
  });

  test.each(ICON_SIZES)('icon %i is a square PNG of that size', (size) => {
    const png = files.get(`icon/${size}.png`);
    expect(png).toBeDefined();
    expect(pngSize(png!)).toEqual({ width: size, height: size });
  });

  test('permissions match the release manifest', () => {
    expect(manifest.permissions).toEqual(['storage', 'alarms', 'unlimitedStorage', 'scripting']);
    expect(manifest.host_permissions).toEqual([
      'https://api.addigy.com/*',
      'https://prod.addigy.com/*',
    ]);
    expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
  });

  test('no browser side panel is declared', () => {
    expect(manifest).not.toHaveProperty('side_panel');
    expect(manifest).not.toHaveProperty('sidebar_action');
  });

  test('no file grants the e2e local hosts', () => {
    for (const [name, content] of files) {
      const text = content.toString('latin1');
      for (const host of LOCAL_HOSTS) {
        expect(text.includes(host), `${name} contains ${host}`).toBe(false);
      }
    }
  });
});

describe('chrome package', () => {
  const manifest = readManifest(readPackage('chrome'));

  test('background is a module service worker', () => {
    expect(manifest.background).toEqual({ type: 'module', service_worker: 'background.js' });
  });

  test('side panel page has a dynamic URL', () => {
    expect(manifest.web_accessible_resources).toEqual([
      {
        resources: ['sidepanel.html'],
        matches: ['https://*/*', 'http://*/*'],
        use_dynamic_url: true,
      },
    ]);
  });

  test('no Firefox settings are present', () => {
    expect(manifest).not.toHaveProperty('browser_specific_settings');
  });
});

describe('firefox package', () => {
  const manifest = readManifest(readPackage('firefox'));

  test('gecko settings name the id, minimum version and data use', () => {
    expect(manifest.browser_specific_settings).toEqual({
      gecko: {
        id: 'addigy-psa-counts@addigy-counts-for-psa',
        strict_min_version: '140.0',
        data_collection_permissions: { required: ['authenticationInfo'] },
      },
    });
  });

  test('background is a module event page', () => {
    expect(manifest.background).toEqual({ type: 'module', scripts: ['background.js'] });
  });

  test('side panel page omits use_dynamic_url', () => {
    expect(manifest.web_accessible_resources).toEqual([
      { resources: ['sidepanel.html'], matches: ['https://*/*', 'http://*/*'] },
    ]);
  });
});

describe('sources package', () => {
  const names = [...readPackage('sources').keys()];

  test('contains what rebuilds the Firefox package', () => {
    for (const name of ['package.json', 'package-lock.json', 'wxt.config.ts', 'README.md']) {
      expect(names).toContain(name);
    }
    expect(names).toContain('entrypoints/background.ts');
  });

  test('leaves out dependencies and build output', () => {
    const outside = names.filter((name) =>
      /^(node_modules|\.output|\.wxt|test-results|playwright-report)\//.test(name),
    );
    expect(outside).toEqual([]);
  });
});
