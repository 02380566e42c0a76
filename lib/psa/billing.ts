/** The billing rules that every PSA adapter's lines follow. */
import type { AgreementLine } from './types';

/** Product IDs longer than this cannot be mapped, so they are not sent to the background. */
export const MAX_PRODUCT_ID_LENGTH = 100;
/** An agreement rarely has more than a few dozen products; the background rejects more. */
export const MAX_PRODUCT_IDS = 200;

/** Billed quantities beyond this are not device counts; messages with more are rejected. */
export const MAX_BILLED_QUANTITY = 1_000_000;

/** Checks that `quantity` may be sent to the background: finite and within the bound. */
export function isSendableQuantity(quantity: number): boolean {
  return Number.isFinite(quantity) && Math.abs(quantity) <= MAX_BILLED_QUANTITY;
}

/** Returns the units the PSA charges for: the quantity less the units included at no charge. */
export function billedQuantity(line: Pick<AgreementLine, 'quantity' | 'lessIncluded'>): number {
  return line.quantity - line.lessIncluded;
}

/** Whether the line bills the client now, so that its quantity should match a device count. */
export function isBilledLine(line: Pick<AgreementLine, 'billable' | 'cancelled'>): boolean {
  return line.billable && !line.cancelled;
}

/**
 * Keeps the product IDs (and their quantities, index by index) that the background accepts: IDs
 * no longer than MAX_PRODUCT_ID_LENGTH, at most MAX_PRODUCT_IDS of them. A page with more keeps
 * its first products, so its other lines get no badge instead of the whole page getting none.
 */
export function sendableProducts(
  productIds: readonly string[],
  quantities: readonly number[],
): { productIds: string[]; quantities: number[] } {
  const kept = { productIds: [] as string[], quantities: [] as number[] };
  productIds.forEach((productId, index) => {
    if (productId.length > MAX_PRODUCT_ID_LENGTH || kept.productIds.length >= MAX_PRODUCT_IDS) {
      return;
    }
    kept.productIds.push(productId);
    kept.quantities.push(quantities[index]!);
  });
  return kept;
}
