/**
 * Search and filter for the side panel's list of account policies. A policy is "mapped" when some
 * PSA record on this PSA site is mapped to it. It is "suggested" when its name matches the
 * company on the page exactly, after normalising, or by close spelling.
 */

export const POLICY_FILTERS = ['all', 'mapped', 'unmapped', 'suggested'] as const;
export type PolicyFilter = (typeof POLICY_FILTERS)[number];

export const POLICY_FILTER_LABELS: Record<PolicyFilter, string> = {
  all: 'All',
  mapped: 'Mapped',
  unmapped: 'Unmapped',
  suggested: 'Suggested',
};

export interface PolicyFilterState {
  /** Text to find in the policy's name, compared without case; empty matches every policy. */
  query: string;
  filter: PolicyFilter;
  mappedPolicyIds: ReadonlySet<string>;
  suggestedPolicyIds: ReadonlySet<string>;
}

/** Returns the policies whose name contains the query and that pass the filter, in order. */
export function filterPolicies<T extends { policyId: string; name: string }>(
  policies: readonly T[],
  state: PolicyFilterState,
): T[] {
  const query = state.query.trim().toLowerCase();
  return policies.filter((policy) => {
    if (!policy.name.toLowerCase().includes(query)) return false;
    switch (state.filter) {
      case 'all':
        return true;
      case 'mapped':
        return state.mappedPolicyIds.has(policy.policyId);
      case 'unmapped':
        return !state.mappedPolicyIds.has(policy.policyId);
      case 'suggested':
        return state.suggestedPolicyIds.has(policy.policyId);
    }
  });
}
