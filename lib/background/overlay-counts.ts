/**
 * The counts a content script may see: for the company on screen, the Addigy count of each
 * product id the user mapped, and nothing else. The policy catalogue never leaves the
 * background through this path.
 */
import type { ProductMapping } from '../mapping/product-mapping';
import type { Service } from '../mapping/services';
import type { Snapshot } from '../sync/snapshot';
import type { OsType } from '../counting/types';
import { findPolicy } from '../counting/find-policy';

export interface OverlayLineCount {
  productId: string;
  service: Service;
  count: number;
}

/** The matched policy's counts, for the badges' tooltips. */
export interface OverlayBreakdown {
  total: number;
  stale: number;
  byOs: Record<OsType, number>;
  /** Direct child policies with their rolled-up totals, largest first, at most ten. */
  children: Array<{ name: string; total: number }>;
  /** Device records counted once because they share a serial number, across the whole fleet. */
  mergedDuplicates: number;
}

export interface OverlayCounts {
  policyName: string;
  /** "mapping": the user mapped this PSA record; "name": the company has a policy's exact name. */
  matchedBy: 'mapping' | 'name';
  /** When the snapshot was taken, in milliseconds since the epoch. */
  snapshotCreatedAt: number;
  breakdown: OverlayBreakdown;
  lines: OverlayLineCount[];
}

/**
 * Returns the counts of the mapped product ids for the PSA record on screen: for the policy the
 * user mapped it to (`mappedPolicyId`), else for the account policy whose name equals
 * `companyName` after trimming, as billing tools match exact names automatically. Returns null
 * when neither applies, or when several account policies share the name, because guessing
 * between two clients would show the wrong numbers.
 */
export function overlayCountsFor(
  snapshot: Snapshot,
  target: { companyName: string; mappedPolicyId: string | null },
  productIds: string[],
  mappings: ProductMapping[],
): OverlayCounts | null {
  const mapped = target.mappedPolicyId
    ? findPolicy(snapshot.counts, target.mappedPolicyId)
    : undefined;
  const name = target.companyName.trim();
  const matches = mapped
    ? [mapped]
    : snapshot.counts.accountIds
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
  return {
    policyName: policy.name,
    matchedBy: mapped ? 'mapping' : 'name',
    snapshotCreatedAt: snapshot.createdAt,
    breakdown: breakdownOf(snapshot, policy.policyId),
    lines,
  };
}

function breakdownOf(snapshot: Snapshot, policyId: string): OverlayBreakdown {
  const policy = snapshot.counts.policies[policyId]!;
  const children = Object.values(snapshot.counts.policies)
    .filter((child) => child.parentId === policyId)
    .map((child) => ({ name: child.name, total: child.rolledUp.total }))
    .sort((a, b) => b.total - a.total)
    .slice(0, 10);
  const mergedDuplicates = snapshot.counts.warnings.reduce(
    (sum, warning) => (warning.kind === 'duplicateSerial' ? sum + warning.records - 1 : sum),
    0,
  );
  return {
    total: policy.rolledUp.total,
    stale: policy.rolledUp.stale,
    byOs: { ...policy.rolledUp.byOs },
    children,
    mergedDuplicates,
  };
}
