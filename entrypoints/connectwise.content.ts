import { browser } from 'wxt/browser';
import { request } from '../lib/messaging/client';
import type { OverlayCounts } from '../lib/background/overlay-counts';
import { startOverlay } from '../lib/overlay/controller';
import { connectWiseAdapter } from '../lib/psa/connectwise/adapter';

// The background registers this script at runtime for the PSA sites the user added and granted
// (see lib/psa-sites/content-scripts.ts), so the manifest lists no PSA host.
export default defineContentScript({
  registration: 'runtime',
  matches: [],
  allFrames: true,
  runAt: 'document_idle',
  main(ctx) {
    if (!connectWiseAdapter.matchesUrl(new URL(location.href))) return;
    const fetchCounts = (companyName: string, productIds: string[]) =>
      request<OverlayCounts | null>({ type: 'overlay/counts', companyName, productIds });
    // With use_dynamic_url in the manifest, Chromium returns a per-session URL here.
    const panelPageUrl = browser.runtime.getURL('/sidepanel.html');
    startOverlay(document, connectWiseAdapter, fetchCounts, ctx.signal, { panelPageUrl });
  },
});
