/**
 * The counts a content script may see: for the company on screen, the Addigy count of each
 * product id the user mapped, and nothing else. The policy catalogue never leaves the
 * background through this path.
 */
import type { ProductMapping } from '../mapping/product-mapping';
import type { Service } from '../mapping/services';
import type { Snapshot } from '../sync/snapshot';

export interface OverlayLineCount {
  productId: string;
  service: Service;
  count: number;
}

export interface OverlayCounts {
  policyName: string;
  /** When the snapshot was taken, in milliseconds since the epoch. */
  snapshotCreatedAt: number;
  lines: OverlayLineCount[];
}

/**
 * Finds the account policy whose name equals `companyName` (after trimming) and returns the
 * counts of the mapped product ids. Returns null when no account policy has that name, or when
 * several do, because guessing between two clients would show the wrong numbers.
 */
export function overlayCountsFor(
  snapshot: Snapshot,
  companyName: string,
  productIds: string[],
  mappings: ProductMapping[],
): OverlayCounts | null {
  const name = companyName.trim();
  const matches = snapshot.counts.accountIds
    .map((id) => snapshot.counts.policies[id])
    .filter((policy) => policy?.name.trim() === name);
  const policy = matches[0];
  if (!policy || matches.length > 1) return null;
  const serviceByProduct = new Map(mappings.map((mapping) => [mapping.productId, mapping.service]));
  const lines: OverlayLineCount[] = [];
  for (const productId of new Set(productIds)) {
    const service = serviceByProduct.get(productId);
    if (!service) continue;
    const count = service === 'total' ? policy.rolledUp.total : policy.rolledUp.byOs[service];
    lines.push({ productId, service, count });
  }
  return { policyName: policy.name, snapshotCreatedAt: snapshot.createdAt, lines };
}
