import type { CountResult, PolicyCounts } from './types';

/**
 * Returns the counts of `policyId`, or undefined when the snapshot has no such policy. Ids come
 * from Addigy, mappings and imported files, so a lookup must not reach `Object.prototype`
 * through ids such as "constructor" or "__proto__".
 */
export function findPolicy(counts: CountResult, policyId: string): PolicyCounts | undefined {
  return Object.hasOwn(counts.policies, policyId) ? counts.policies[policyId] : undefined;
}
