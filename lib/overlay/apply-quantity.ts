/**
 * "Apply": fills a PSA line's quantity field the way typing would, so that the page's own code
 * (often a framework that tracks the field's value) notices, and leaves saving to the user. The
 * extension never submits a form or saves anything itself.
 */

/** Sets `input` to `quantity` and fires the input and change events a user's edit fires. */
export function applyQuantity(input: HTMLInputElement, quantity: number): void {
  // The prototype's setter, not `input.value =`, so that a framework that wrapped the
  // element's own `value` property still detects a change it did not make.
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
  const text = String(Math.round(quantity * 100) / 100);
  if (setter) setter.call(input, text);
  else input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
}
