/** The billing rules that every PSA adapter's lines follow. */
import type { AgreementLine } from './types';

/** Returns the units the PSA charges for: the quantity less the units included at no charge. */
export function billedQuantity(line: Pick<AgreementLine, 'quantity' | 'lessIncluded'>): number {
  return line.quantity - line.lessIncluded;
}

/** Whether the line bills the client now, so that its quantity should match a device count. */
export function isBilledLine(line: Pick<AgreementLine, 'billable' | 'cancelled'>): boolean {
  return line.billable && !line.cancelled;
}
