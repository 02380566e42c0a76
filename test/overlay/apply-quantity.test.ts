// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { applyQuantity } from '../../lib/overlay/apply-quantity';
import { bindQuantityInput, countSaves } from '../fixtures/psa/shared/edit-mode';

function boundInput(text = '5'): HTMLInputElement {
  const input = bindQuantityInput(document.createElement('input'), text);
  document.body.append(input);
  return input;
}

describe('applyQuantity on a model-bound field', () => {
  it('updates the field and its model', () => {
    const input = boundInput();

    applyQuantity(input, 12);

    expect(input.value).toBe('12');
    expect(input.dataset.modelValue).toBe('12');
    expect(input.dataset.inputEvents).toBe('1');
    expect(input.dataset.changeEvents).toBe('1');
  });

  it('rounds to two decimals', () => {
    const input = boundInput();

    applyQuantity(input, 2 / 3);

    expect(input.dataset.modelValue).toBe('0.67');
  });

  it('fixture model ignores a plain value write', () => {
    // The fixture must catch an Apply that writes `input.value`, or its check proves nothing.
    const input = boundInput();

    input.value = '12';
    input.dispatchEvent(new Event('input', { bubbles: true }));

    expect(input.value).toBe('12');
    expect(input.dataset.modelValue).toBe('5');
  });
});

describe('fixture save counter', () => {
  it('counts submissions and Save clicks and cancels them', () => {
    const root = document.createElement('div');
    const form = document.createElement('form');
    const save = document.createElement('button');
    save.type = 'submit';
    form.append(save);
    root.append(form);
    document.body.append(root);
    countSaves(root, form, [save]);

    expect(root.dataset.submitCount).toBe('0');
    expect(root.dataset.saveCount).toBe('0');
    const submit = new Event('submit', { cancelable: true });
    form.dispatchEvent(submit);
    form.submit();
    save.dispatchEvent(new MouseEvent('click', { bubbles: true }));

    expect(submit.defaultPrevented).toBe(true);
    // The click on the submit button submits the form a third time.
    expect(root.dataset.submitCount).toBe('3');
    expect(root.dataset.saveCount).toBe('1');
  });
});
