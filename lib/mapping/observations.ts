/**
 * What the overlay last saw on a mapped agreement: the billed quantity per vendor service, so the
 * popup and the toolbar badge can compare without the PSA page being open.
 */

export interface AgreementObservation {
  /** The account mapping's key, such as "connectwise|na.myconnectwise.net|agreement:77". */
  key: string;
  psa: string;
  host: string;
  companyName: string;
  policyId: string;
  /** Billed quantity per vendor service id, summed over the lines that share it. */
  billed: Record<string, number>;
  observedAt: number;
}
