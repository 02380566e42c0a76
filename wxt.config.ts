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

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  outDirTemplate: '{{browser}}-mv{{manifestVersion}}{{modeSuffix}}',
  manifest: ({ mode }) => ({
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
    web_accessible_resources: [sidePanelResources],
  }),
  hooks: {
    // WXT 0.20 takes entrypoints/sidepanel/ for Chrome's own side panel and adds
    // `side_panel.default_path` and the `sidePanel` permission. This extension shows the page in
    // an iframe on the PSA page instead, so both are removed.
    'build:manifestGenerated': (_wxt, manifest) => {
      delete manifest.side_panel;
      manifest.permissions = manifest.permissions?.filter((name) => name !== 'sidePanel');
    },
  },
});
