/**
 * The account policies the side panel lists for mapping: id, name and rolled-up device total of
 * each client policy in the latest snapshot. This is the policy catalogue, so only the side
 * panel may request it, and it never reaches a PSA page's DOM.
 */
import type { Snapshot } from '../sync/snapshot';

export interface PanelPolicy {
  policyId: string;
  name: string;
  /** Devices in the policy and all its descendants. */
  total: number;
}

/**
 * Returns the account policies of `snapshot` in the snapshot's order (sorted by name), or an
 * empty list when there is no snapshot yet.
 */
export function panelPoliciesOf(snapshot: Snapshot | null): PanelPolicy[] {
  if (!snapshot) return [];
  const policies: PanelPolicy[] = [];
  for (const policyId of snapshot.counts.accountIds) {
    const policy = snapshot.counts.policies[policyId];
    if (!policy) continue;
    policies.push({ policyId, name: policy.name, total: policy.rolledUp.total });
  }
  return policies;
}
