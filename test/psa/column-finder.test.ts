// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { findColumns } from '../../lib/psa/column-finder';

const HEADERS = {
  productId: ['item', 'product'],
  description: ['description'],
  quantity: ['quantity', 'qty'],
};

function headerCells(...texts: string[]): HTMLElement[] {
  return texts.map((text) => {
    const cell = document.createElement('th');
    cell.innerHTML = text;
    return cell;
  });
}

describe('findColumns', () => {
  it.each([
    [['Item', 'Description', 'Quantity'], { productId: 0, description: 1, quantity: 2 }],
    [['Qty', 'Product'], { productId: 1, quantity: 0 }],
    [['  ITEM ', '<span>Qty</span>'], { productId: 0, quantity: 1 }],
    [['Item', 'Item', 'Qty', 'Quantity'], { productId: 0, quantity: 2 }],
  ])('maps headers %j', (texts, expected) => {
    expect(findColumns(headerCells(...texts), HEADERS, ['productId', 'quantity'])).toEqual(
      expected,
    );
  });

  it.each([[['Item', 'Description']], [['Quantity Shipped', 'Item']], [[]]])(
    'returns null without a required column: %j',
    (texts) => {
      expect(findColumns(headerCells(...texts), HEADERS, ['productId', 'quantity'])).toBeNull();
    },
  );

  it('accepts a grid without optional columns', () => {
    expect(findColumns(headerCells('Description'), HEADERS, [])).toEqual({ description: 0 });
  });
});
