// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { parseQuantity, readFieldValue, readText } from '../../lib/psa/page-text';

function parse(html: string): Element {
  const template = document.createElement('template');
  template.innerHTML = html;
  const element = template.content.firstElementChild;
  if (!element) throw new Error(`No element in ${html}`);
  return element;
}

describe('parseQuantity', () => {
  it.each([
    ['12', 12],
    ['12.00', 12],
    ['0.5', 0.5],
    ['1,234', 1234],
    ['1,234.50', 1234.5],
    ['1,234,567', 1234567],
    [' 7 ', 7],
    ['1\u00a0234', 1234],
    ['-2', -2],
    ['(2.00)', -2],
  ])('reads %j as %d', (text, expected) => {
    expect(parseQuantity(text)).toBe(expected);
  });

  it.each(['', 'abc', '12,00', '1.234,50', '1,23', '12.', '.5', '12 units', '--1', '()'])(
    'rejects %j',
    (text) => {
      expect(parseQuantity(text)).toBeNull();
    },
  );
});

describe('readText', () => {
  it('collapses whitespace', () => {
    expect(readText(parse('<p>  Acme\n   Dental\u00a0 </p>'))).toBe('Acme Dental');
  });

  it('cuts text to 200 characters', () => {
    expect(readText(parse(`<p>${'x'.repeat(250)}</p>`))).toBe('x'.repeat(200));
  });

  it('returns empty text for null', () => {
    expect(readText(null)).toBe('');
  });
});

describe('readFieldValue', () => {
  it.each([
    ['an input', '<input value=" Acme ">', 'Acme'],
    ['a wrapper', '<div><input type="hidden" value="7"><input value="Acme"></div>', 'Acme'],
    ['a textarea', '<textarea>Acme\n Dental</textarea>', 'Acme Dental'],
    ['a select', '<select><option>A</option><option selected>Acme</option></select>', 'Acme'],
    ['plain text', '<span> Acme </span>', 'Acme'],
  ])('reads %s', (_case, html, expected) => {
    expect(readFieldValue(parse(html))).toBe(expected);
  });
});
