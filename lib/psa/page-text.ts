/**
 * Reads text from a PSA page. The page is input the extension does not control, so every string
 * is trimmed, has its whitespace collapsed, and is cut to `MAX_PAGE_TEXT_LENGTH` characters.
 *
 * Elements are distinguished by tag name rather than `instanceof`, because content inside iframes
 * comes from another window whose element classes are different objects.
 */

/** The maximum length of text kept from one element. Longer text is cut, not rejected. */
export const MAX_PAGE_TEXT_LENGTH = 200;

function normalizeText(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, MAX_PAGE_TEXT_LENGTH);
}

/** Returns the element's text, normalized, or an empty string for a missing element. */
export function readText(element: Element | null | undefined): string {
  return normalizeText(element?.textContent ?? '');
}

/**
 * Returns the value of a form field, or of the first form control inside a wrapper element (PSAs
 * put the field class on either), or else the element's text.
 */
export function readFieldValue(element: Element): string {
  const selector = 'input:not([type="hidden"]), textarea, select';
  const control = element.matches(selector) ? element : element.querySelector(selector);
  if (!control) return readText(element);
  if (control.tagName === 'SELECT') {
    return readText((control as HTMLSelectElement).selectedOptions[0]);
  }
  return normalizeText((control as HTMLInputElement | HTMLTextAreaElement).value);
}

/**
 * Returns the text field inside a grid cell, such as a line's quantity while the user edits the
 * record, or null when the cell shows its value as text.
 */
export function findTextField(cell: Element): HTMLInputElement | null {
  const selector = 'input:not([type="hidden"]):not([type="checkbox"]):not([type="radio"])';
  return cell.querySelector<HTMLInputElement>(selector);
}

// NOTE: Only en-US separators are read ("1,234.50"). A PSA set to a locale that writes
// "1.234,50" gives text that does not match, and the caller skips that line.
const QUANTITY_PATTERN = /^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;

/**
 * Parses a quantity as a PSA grid shows it: "12", "12.00", "1,234", "-2" or, for a credit in
 * accounting style, "(2.00)". Returns null for any other text, including an empty cell.
 */
export function parseQuantity(text: string): number | null {
  let compact = text.replace(/\s/g, '');
  const credit = /^\((.+)\)$/.exec(compact);
  if (credit) compact = `-${credit[1]}`;
  if (!QUANTITY_PATTERN.test(compact)) return null;
  return Number(compact.replace(/,/g, ''));
}
