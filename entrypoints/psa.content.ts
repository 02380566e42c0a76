import { browser } from 'wxt/browser';
import { request } from '../lib/messaging/client';
import type { OverlayCounts } from '../lib/background/overlay-counts';
import { startOverlay } from '../lib/overlay/controller';
import { adapterForUrl } from '../lib/psa/registry';
import { isSendableQuantity, sendableProducts } from '../lib/psa/billing';

// The background registers this script at runtime for the PSA sites the user added and granted
// (see lib/psa-sites/content-scripts.ts), so the manifest lists no PSA host.
export default defineContentScript({
  registration: 'runtime',
  matches: [],
  allFrames: true,
  runAt: 'document_idle',
  main(ctx) {
    const adapter = adapterForUrl(new URL(location.href));
    if (!adapter) return;
    const fetchCounts = (
      page: { companyName: string; companyId?: string | null; recordId: string | null },
      productIds: string[],
      quantities: number[],
    ) => {
      const sendable = sendableProducts(productIds, quantities);
      return request<OverlayCounts | null>({
        type: 'overlay/counts',
        psa: adapter.id,
        companyName: page.companyName,
        companyId: page.companyId ?? null,
        agreementId: page.recordId,
        productIds: sendable.productIds,
        // A quantity the page garbled would get the whole message rejected, counts included.
        quantities: sendable.quantities.every(isSendableQuantity) ? sendable.quantities : undefined,
      });
    };
    // With use_dynamic_url in the manifest, Chromium returns a per-session URL here.
    const panelPageUrl = browser.runtime.getURL('/sidepanel.html');
    startOverlay(document, adapter, fetchCounts, ctx.signal, { panelPageUrl });
  },
});
