import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// The e2e build (`wxt build --mode e2e`) pre-grants http://127.0.0.1/* because
// permissions.request needs a user gesture and opens a prompt that Playwright
// cannot answer. The release build requests such hosts at runtime instead.
const localHosts = ['http://127.0.0.1/*', 'http://localhost/*'];

// The side panel page is loaded by the content script in an iframe on PSA pages, so it must be
// web accessible. Content scripts run only on PSA sites the user granted, and those are
// user-added hosts, so `matches` cannot be narrower than every http and https page.
// use_dynamic_url makes Chromium serve the page only at a URL that changes every session, which
// runtime.getURL returns, so a page cannot frame or probe it by the extension id.
// Only the HTML is listed: Chromium 156 loads the page's scripts and stylesheet from the
// extension's own origin, which needs no listing (checked end to end in side-panel.spec.ts).
const sidePanelResources = {
  resources: ['sidepanel.html'],
  matches: ['https://*/*', 'http://*/*'],
  use_dynamic_url: true,
};

// Firefox ignores use_dynamic_url (MDN browser-compat-data 8.1 lists no Firefox support). Its
// moz-extension:// host is a UUID generated at random for every browser instance, so a page
// cannot guess it.
const { use_dynamic_url: _chromeOnly, ...firefoxSidePanelResources } = sidePanelResources;

/**
 * Firefox-only keys. 140 is the first Firefox with data_collection_permissions, which
 * addons.mozilla.org requires of new extensions since 3 November 2025. Every other key and API
 * the extension uses is older: optional_host_permissions 128, storage.session 115, a module
 * background script 112, MV3 host_permissions 109, scripting.registerContentScripts 102
 * (versions from MDN browser-compat-data 8.1).
 * The Addigy API key or client secret is sent to Addigy, hence authenticationInfo. No PSA page
 * content leaves the browser.
 * NOTE: Firefox has no storage.local.setAccessLevel (same source), so there content scripts can
 * still read and write storage.local, which lib/background/start.ts closes to them in Chrome.
 */
const geckoSettings = {
  id: 'addigy-psa-counts@addigy-counts-for-psa',
  strict_min_version: '140.0',
  data_collection_permissions: { required: ['authenticationInfo'] },
};

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  outDirTemplate: '{{browser}}-mv{{manifestVersion}}{{modeSuffix}}',
  // Firefox gets MV3 too (WXT defaults it to MV2), so both packages share one manifest shape:
  // host_permissions, optional_host_permissions and web_accessible_resources with matches.
  manifestVersion: 3,
  zip: {
    // The Firefox sources archive for addons.mozilla.org review contains what rebuilds the package.
    excludeSources: ['test-results/**', 'playwright-report/**', 'demo-out/**'],
  },
  manifest: ({ mode, browser }) => ({
    name: 'Addigy Counts for PSA',
    description: 'Addigy device counts beside the billed quantities in your PSA.',
    permissions: ['storage', 'alarms', 'unlimitedStorage', 'scripting'],
    host_permissions: [
      'https://api.addigy.com/*',
      'https://prod.addigy.com/*',
      ...(mode === 'e2e' || mode === 'development' ? localHosts : []),
    ],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    optional_permissions: ['notifications'],
    web_accessible_resources: [
      browser === 'firefox' ? firefoxSidePanelResources : sidePanelResources,
    ],
    ...(browser === 'firefox' ? { browser_specific_settings: { gecko: geckoSettings } } : {}),
  }),
  hooks: {
    // WXT 0.20 takes entrypoints/sidepanel/ for the browser's own side panel and adds
    // `side_panel.default_path` and the `sidePanel` permission (Chrome) or `sidebar_action`
    // (Firefox). This extension shows the page in an iframe on the PSA page instead, so all are
    // removed.
    'build:manifestGenerated': (_wxt, manifest) => {
      delete manifest.side_panel;
      delete manifest.sidebar_action;
      manifest.permissions = manifest.permissions?.filter((name) => name !== 'sidePanel');
    },
  },
});
