/**
 * The side panel's review step: the account mapping of the record on the page and the service
 * mapping of each billed line, and what is still missing before the user can finish.
 */
import type { AccountMapping } from '../mapping/account-mapping';
import type { ProductMapping } from '../mapping/product-mapping';
import type { Service } from '../mapping/services';

export interface ReviewLine {
  productId: string;
  /** The Addigy count the product id is mapped to, or null when it is not mapped. */
  service: Service | null;
}

export interface MappingReview {
  lines: ReviewLine[];
  /** Sentences that name the mappings still missing, or none when finishing is allowed. */
  missing: string[];
  ready: boolean;
}

/** The product ids named in the missing-mapping sentence, at most this many. */
const MAX_NAMED_PRODUCTS = 5;

function listProducts(productIds: readonly string[]): string {
  const named = productIds.slice(0, MAX_NAMED_PRODUCTS).join(', ');
  const more = productIds.length - MAX_NAMED_PRODUCTS;
  return more > 0 ? `${named} and ${more} more` : named;
}

/**
 * Reviews the mappings for a record whose billed lines have `productIds`. Finishing needs the
 * account mapping and at least one mapped line. When the page passed no lines, every product
 * mapping is listed and any one of them counts, because the panel cannot tell which apply.
 */
export function reviewMappings(input: {
  accountMapping: AccountMapping | null;
  productMappings: readonly ProductMapping[];
  productIds: readonly string[];
}): MappingReview {
  const serviceOf = new Map(input.productMappings.map((mapping) => [mapping.productId, mapping]));
  const lines: ReviewLine[] =
    input.productIds.length > 0
      ? input.productIds.map((productId) => ({
          productId,
          service: serviceOf.get(productId)?.service ?? null,
        }))
      : input.productMappings.map(({ productId, service }) => ({ productId, service }));
  const missing: string[] = [];
  if (!input.accountMapping) {
    missing.push('Map this company or agreement to an Addigy policy.');
  }
  if (!lines.some((line) => line.service !== null)) {
    missing.push(
      input.productIds.length > 0
        ? `Map at least one product on this agreement (${listProducts(input.productIds)}) to an Addigy count under PSA products.`
        : 'Map at least one PSA product to an Addigy count under PSA products.',
    );
  }
  return { lines, missing, ready: missing.length === 0 };
}
