import { request } from '../lib/messaging/client';
import type { OverlayCounts } from '../lib/background/overlay-counts';
import { startOverlay } from '../lib/overlay/controller';
import { connectWiseAdapter } from '../lib/psa/connectwise/adapter';

// The e2e and development builds also run on 127.0.0.1, where the local PSA fixture pages live.
const LOCAL_MATCHES =
  import.meta.env.MODE === 'production' ? [] : ['http://127.0.0.1/*', 'http://localhost/*'];

export default defineContentScript({
  matches: ['https://*.myconnectwise.net/*', 'https://*.connectwisedev.com/*', ...LOCAL_MATCHES],
  allFrames: true,
  runAt: 'document_idle',
  main(ctx) {
    if (!connectWiseAdapter.matchesUrl(new URL(location.href))) return;
    const fetchCounts = (companyName: string, productIds: string[]) =>
      request<OverlayCounts | null>({ type: 'overlay/counts', companyName, productIds });
    startOverlay(document, connectWiseAdapter, fetchCounts, ctx.signal);
  },
});
