/**
 * Compares the billed quantities the overlay last saw on mapped agreements with the latest
 * snapshot's counts, per account policy, for the popup and the toolbar badge.
 */
import type { AccountMapping } from '../mapping/account-mapping';
import type { AgreementObservation } from '../mapping/observations';
import { SERVICES, type Service } from '../mapping/services';
import type { Snapshot } from '../sync/snapshot';
import { findPolicy } from '../counting/find-policy';

export interface ServiceComparison {
  service: Service;
  billed: number;
  count: number;
  /** Addigy count less billed quantity: positive means devices are billed too few. */
  difference: number;
}

export interface AgreementReconciliation {
  mappingKey: string;
  companyName: string;
  observedAt: number;
  services: ServiceComparison[];
  /** Whether any service's billed quantity differs from its count. */
  off: boolean;
}

export interface PolicyReconciliation {
  /** Whether at least one PSA record is mapped to the policy. */
  mapped: boolean;
  agreements: AgreementReconciliation[];
  /** Billed quantities summed over every observed service, or null when none was observed. */
  billed: number | null;
  /** The Addigy counts of the same services, summed the same way. */
  count: number | null;
  difference: number | null;
  off: boolean;
}

/** Returns the reconciliation of every policy that a stored account mapping points to. */
export function reconcile(
  snapshot: Snapshot | null,
  mappings: readonly AccountMapping[],
  observations: readonly AgreementObservation[],
): Record<string, PolicyReconciliation> {
  // Policy ids are keys here, so the object has no prototype for an id like "__proto__" to reach.
  const result: Record<string, PolicyReconciliation> = Object.create(null);
  if (!snapshot) return result;
  const observationOf = new Map(observations.map((entry) => [entry.key, entry]));
  for (const mapping of mappings) {
    const policy = findPolicy(snapshot.counts, mapping.policyId);
    if (!policy) continue;
    const row = (result[mapping.policyId] ??= emptyReconciliation());
    const observation = observationOf.get(mapping.key);
    if (!observation) continue;
    const services = SERVICES.flatMap((service): ServiceComparison[] => {
      const billed = observation.billed[service];
      if (billed === undefined) return [];
      const count = service === 'total' ? policy.rolledUp.total : policy.rolledUp.byOs[service];
      return [{ service, billed, count, difference: count - billed }];
    });
    if (services.length === 0) continue;
    const off = services.some((entry) => entry.difference !== 0);
    row.agreements.push({
      mappingKey: mapping.key,
      companyName: mapping.companyName,
      observedAt: observation.observedAt,
      services,
      off,
    });
    for (const entry of services) {
      row.billed = (row.billed ?? 0) + entry.billed;
      row.count = (row.count ?? 0) + entry.count;
    }
    row.difference = row.count! - row.billed!;
    row.off ||= off;
  }
  return result;
}

function emptyReconciliation(): PolicyReconciliation {
  return { mapped: true, agreements: [], billed: null, count: null, difference: null, off: false };
}

/** Counts the mapped agreements whose billed quantities differ from the counts. */
export function countOffAgreements(reconciliation: Record<string, PolicyReconciliation>): number {
  let off = 0;
  for (const row of Object.values(reconciliation)) {
    off += row.agreements.filter((agreement) => agreement.off).length;
  }
  return off;
}
