/**
 * Reads the PSA record that the side panel maps from the page that opens it: the adapter's id,
 * the page's host and the ids and billed lines that the adapter finds. The summary chip passes
 * only the company name to the panel frame, so the frame reads the rest here when it loads.
 */
import { isBilledLine } from '../psa/billing';
import { adapterForUrl } from '../psa/registry';
import type { PanelRecord } from './link';

/**
 * Returns the record on `doc`, or null when no PSA adapter handles the page's URL. The ids are
 * null and the lines empty when the adapter cannot read the agreement yet.
 */
export function readPageRecord(doc: Document): Omit<PanelRecord, 'companyName'> | null {
  const url = URL.canParse(doc.URL) ? new URL(doc.URL) : null;
  const adapter = url ? adapterForUrl(url) : null;
  if (!url || !adapter) return null;
  const page = adapter.readAgreement(doc);
  const billed = page?.lines.filter(isBilledLine) ?? [];
  return {
    psa: adapter.id,
    // The same host that the background reads from the content script's origin for the counts.
    host: url.hostname,
    companyId: page?.companyId ?? null,
    agreementId: page?.recordId ?? null,
    productIds: [...new Set(billed.map((line) => line.productId))],
  };
}
