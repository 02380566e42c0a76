/** The billing rules that every PSA adapter's lines follow. */
import type { AgreementLine } from './types';

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
