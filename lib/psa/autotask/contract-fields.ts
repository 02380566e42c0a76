/**
 * Reads a contract's fields from an Autotask page by their label text. Both interfaces put a
 * field's label in one element and its value in the next sibling: on legacy pages a label cell
 * (`td.FieldLabels`) and the cell after it, in the newer interface two sibling elements. Class
 * names are not used, because the newer interface generates them per release.
 */
import { MAX_PAGE_TEXT_LENGTH, readFieldValue } from '../page-text';

/** Elements that can contain a field label. */
const LABEL_SELECTOR = 'td, th, dt, label, span, div';
/** Labels are short, so longer elements are skipped without normalizing their text. */
const MAX_LABEL_LENGTH = 40;
/** The contract heading "Name (ID: n)", such as "Acme Dental - Macs (ID: 29683964)". */
const TITLE_PATTERN = /^(.+?)\s*\(ID:\s*(\d+)\)$/i;

export interface ContractTitle {
  name: string;
  /** The contract id, as decimal digits. */
  id: string;
}

function normalizeLabel(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/:$/, '').trim().toLowerCase();
}

/**
 * Finds the value element beside the first element, in document order, whose text is one of
 * `labels` (lower case, compared without a trailing colon) and whose value is not empty.
 */
export function findLabeledValue(doc: Document, labels: readonly string[]): Element | null {
  for (const element of doc.querySelectorAll(LABEL_SELECTOR)) {
    const text = element.textContent ?? '';
    if (text.length > MAX_LABEL_LENGTH || !labels.includes(normalizeLabel(text))) continue;
    const valueElement = element.nextElementSibling;
    if (valueElement && readFieldValue(valueElement)) return valueElement;
  }
  return null;
}

/** Returns the value of the first field labelled with one of `labels`, or an empty string. */
export function readLabeledValue(doc: Document, labels: readonly string[]): string {
  const valueElement = findLabeledValue(doc, labels);
  return valueElement ? readFieldValue(valueElement) : '';
}

/**
 * Reads the heading "Name (ID: n)" from the document title or a heading element, or returns null
 * when neither has that form.
 */
export function readContractTitle(doc: Document): ContractTitle | null {
  // NOTE: Where the real pages put this heading has not been checked on a live Autotask page.
  // The legacy frame is taken to show it in its <title>, the newer interface in a heading.
  const headings = doc.querySelectorAll('h1, h2, h3, [role="heading"]');
  const texts = [doc.title, ...Array.from(headings, (heading) => heading.textContent ?? '')];
  for (const text of texts) {
    const match = TITLE_PATTERN.exec(text.replace(/\s+/g, ' ').trim());
    if (match?.[1] && match[2]) {
      return { name: match[1].slice(0, MAX_PAGE_TEXT_LENGTH), id: match[2] };
    }
  }
  return null;
}
