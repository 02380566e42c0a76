/**
 * Finds values that a HaloPSA screen shows beside a label, such as "Client" followed by the
 * client's name. A label is an element without child elements whose whole text is the label,
 * with or without a trailing colon. Its value is the control that a `<label for>` names, or else
 * the element right after the label.
 */
import { readFieldValue, readText } from '../page-text';

function normalizeLabel(text: string): string {
  return text.replace(/:$/, '').trim().toLowerCase();
}

function findValueElement(label: Element): Element | null {
  const target = label.tagName === 'LABEL' ? label.getAttribute('for') : null;
  const control = target ? label.ownerDocument.getElementById(target) : null;
  return control ?? label.nextElementSibling;
}

/**
 * Returns the non-empty value element beside the first label that reads one of `labels`, or
 * null. Text inside a react-table (column headers and cells) and `<option>` elements are not
 * labels.
 */
export function findLabelledValue(doc: Document, labels: readonly string[]): Element | null {
  const expected = labels.map((label) => label.toLowerCase());
  for (const element of doc.body?.querySelectorAll('*') ?? []) {
    if (element.childElementCount > 0 || element.tagName === 'OPTION') continue;
    if (!expected.includes(normalizeLabel(readText(element)))) continue;
    if (element.closest('.ReactTable')) continue;

    const valueElement = findValueElement(element);
    if (valueElement && readFieldValue(valueElement)) return valueElement;
  }
  return null;
}

/** Returns the text of the value beside one of `labels`, or an empty string. */
export function readLabelledValue(doc: Document, labels: readonly string[]): string {
  const valueElement = findLabelledValue(doc, labels);
  return valueElement ? readFieldValue(valueElement) : '';
}
