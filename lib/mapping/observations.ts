/**
 * Observations of mapped agreements: the billed quantity per vendor service that the overlay last
 * saw, so the popup and the toolbar badge can compare without the PSA page being open. One observation is
 * kept per account mapping key; a later visit replaces it.
 */
import { openExtensionDb } from '../storage/db';
import type { AccountMapping } from './account-mapping';
import type { ProductMapping, Service } from './product-mapping';

/** The observations kept at most; beyond it the oldest are deleted, as a page can add many. */
export const MAX_OBSERVATIONS = 5_000;

export interface AgreementObservation {
  /** The account mapping's key, such as "connectwise|na.myconnectwise.net|agreement:77". */
  key: string;
  psa: string;
  host: string;
  companyName: string;
  policyId: string;
  /** Billed quantity per vendor service, summed over the lines that share it. */
  billed: Partial<Record<Service, number>>;
  observedAt: number;
}

/**
 * Builds the observation of a mapped page. `quantities[i]` is the billed quantity of
 * `productIds[i]`; product ids without a product mapping are left out, and ids mapped to the
 * same service are summed.
 */
export function buildObservation(
  mapping: AccountMapping,
  lines: { productIds: readonly string[]; quantities: readonly number[] },
  productMappings: readonly ProductMapping[],
  now: number,
): AgreementObservation {
  const serviceOf = new Map(productMappings.map((entry) => [entry.productId, entry.service]));
  const billed: Partial<Record<Service, number>> = {};
  lines.productIds.forEach((productId, index) => {
    const service = serviceOf.get(productId);
    const quantity = lines.quantities[index];
    if (service === undefined || quantity === undefined) return;
    billed[service] = (billed[service] ?? 0) + quantity;
  });
  return {
    key: mapping.key,
    psa: mapping.psa,
    host: mapping.host,
    companyName: mapping.companyName,
    policyId: mapping.policyId,
    billed,
    observedAt: now,
  };
}

/** Stores `observation`, replacing the one for the same mapping, and prunes the oldest. */
export async function saveObservation(observation: AgreementObservation): Promise<void> {
  const db = await openExtensionDb();
  const transaction = db.transaction('agreementObservations', 'readwrite');
  await transaction.store.put(observation);
  if ((await transaction.store.count()) > MAX_OBSERVATIONS) {
    const all = await transaction.store.getAll();
    all.sort((a, b) => a.observedAt - b.observedAt);
    for (const old of all.slice(0, all.length - MAX_OBSERVATIONS)) {
      await transaction.store.delete(old.key);
    }
  }
  await transaction.done;
}

export async function listObservations(): Promise<AgreementObservation[]> {
  const db = await openExtensionDb();
  return db.getAll('agreementObservations');
}
