import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// The e2e build (`wxt build --mode e2e`) pre-grants http://127.0.0.1/* because
// permissions.request needs a user gesture and opens a prompt that Playwright
// cannot answer. The release build asks for such hosts at runtime instead.
const localHosts = ['http://127.0.0.1/*', 'http://localhost/*'];

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
  }),
});
