/**
 * The contract between a PSA's page and the overlay. Each PSA gets one adapter that reads its
 * agreement (or contract, or recurring invoice) screen into these shapes, so the overlay, the
 * mapping and the comparison never touch a PSA's markup.
 */

/** One billed line of an agreement, such as a ConnectWise addition. */
export interface AgreementLine {
  /** The PSA's product code, such as "MDM-MAC", which product mappings key on. */
  productId: string;
  description: string;
  quantity: number;
  /** Units included at no charge. The billed quantity is `quantity - lessIncluded`. */
  lessIncluded: number;
  billable: boolean;
  cancelled: boolean;
  /** The line's element on the page, such as its table row. */
  row: HTMLElement;
  /** The element that shows the quantity, where the count badge is placed. */
  quantityCell: HTMLElement;
  /**
   * The quantity's input field while the user edits the agreement, which "Apply" fills in;
   * absent when the page shows the quantity as text.
   */
  quantityInput?: HTMLInputElement | null;
}

/** The agreement screen as the adapter read it. */
export interface AgreementPage {
  companyName: string;
  agreementName: string | null;
  /**
   * The PSA's id of the agreement, when the page or URL shows it. Mappings should key on ids,
   * because two PSA companies can share a name.
   */
  recordId: string | null;
  /**
   * The PSA's id of the company, when the page shows it. Optional because not every PSA's screen
   * links its company record.
   */
  companyId?: string | null;
  /** Every line of the grid, including cancelled and not billable ones. */
  lines: AgreementLine[];
}

export interface PsaAdapter {
  /** A short stable name, such as "connectwise", for settings and logs. */
  id: string;
  /**
   * Whether the URL can show this PSA's agreement screen. Single-page apps such as ConnectWise
   * keep one path for every screen, so a match only means that `readAgreement` is worth calling.
   */
  matchesUrl(url: URL): boolean;
  /**
   * Reads the agreement shown in `doc`. Returns null when a landmark is missing, which also
   * happens while the page is still rendering.
   */
  readAgreement(doc: Document): AgreementPage | null;
  /**
   * Returns the element at the agreement's header that the summary chip is placed after, such
   * as the element showing the company name, or null when the page has none. Adapters without
   * it get no summary chip.
   */
  findSummaryAnchor?(doc: Document): Element | null;
}
