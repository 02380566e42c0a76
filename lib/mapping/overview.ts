/**
 * The options page's overview of account mappings: every Addigy account policy of the latest
 * snapshot with the PSA records mapped to it, and every mapped PSA record with whether its
 * policy still exists. A record whose policy is gone from the snapshot shows no counts, so it
 * counts as unmapped.
 */
import type { AccountMapping } from './account-mapping';

export type MappingState = 'mapped' | 'unmapped';
export type OverviewFilter = 'all' | MappingState;

export interface PolicyOverview {
  policyId: string;
  name: string;
  total: number;
  state: MappingState;
  /** The PSA records mapped to this policy. */
  records: AccountMapping[];
}

export interface RecordOverview {
  mapping: AccountMapping;
  state: MappingState;
}

export interface MappingOverview {
  policies: PolicyOverview[];
  records: RecordOverview[];
}

/** Joins the account policies and the stored mappings; records are sorted by company name. */
export function buildMappingOverview(
  policies: ReadonlyArray<{ policyId: string; name: string; total: number }>,
  mappings: readonly AccountMapping[],
): MappingOverview {
  const byPolicy = new Map<string, AccountMapping[]>();
  for (const mapping of mappings) {
    byPolicy.set(mapping.policyId, [...(byPolicy.get(mapping.policyId) ?? []), mapping]);
  }
  const known = new Set(policies.map((policy) => policy.policyId));
  return {
    policies: policies.map((policy) => {
      const records = byPolicy.get(policy.policyId) ?? [];
      return { ...policy, records, state: records.length > 0 ? 'mapped' : 'unmapped' };
    }),
    records: [...mappings]
      .sort((a, b) => a.companyName.localeCompare(b.companyName) || a.key.localeCompare(b.key))
      .map((mapping) => ({
        mapping,
        state: known.has(mapping.policyId) ? 'mapped' : 'unmapped',
      })),
  };
}

/**
 * Returns the rows whose state passes `filter` and whose text contains `query`, without case.
 * A policy's text is its name; a record's is its company and policy names, host and ids.
 */
export function filterMappingOverview(
  overview: MappingOverview,
  query: string,
  filter: OverviewFilter,
): MappingOverview {
  const text = query.trim().toLowerCase();
  const passes = (state: MappingState, fields: Array<string | null>) =>
    (filter === 'all' || state === filter) &&
    fields.some((field) => field !== null && field.toLowerCase().includes(text));
  return {
    policies: overview.policies.filter((policy) => passes(policy.state, [policy.name])),
    records: overview.records.filter(({ mapping, state }) =>
      passes(state, [
        mapping.companyName,
        mapping.policyName,
        mapping.host,
        mapping.companyId,
        mapping.agreementId,
      ]),
    ),
  };
}
