/**
 * Reads the lines grid of a HaloPSA recurring invoice. Halo renders lists with react-table 6,
 * whose markup is made of divs: a `.ReactTable` contains header cells `.rt-th` in an
 * `.rt-thead .rt-tr` row, and body rows `.rt-tr` of `.rt-td` cells inside `.rt-tbody`. Those
 * classes come from the library, not from Halo's build, which generates its other class names.
 * Columns are matched by header text, so their order does not matter.
 */
import type { LandmarkWarner } from '../landmark-warnings';
import { findTextField, parseQuantity, readFieldValue, readText } from '../page-text';
import type { AgreementLine } from '../types';
import {
  findColumns,
  type ColumnHeaders,
  type ColumnPositions as FoundColumns,
} from '../column-finder';

type Column = 'productId' | 'description' | 'quantity' | 'inactive';

/** Header texts of the columns the adapter reads, lower-cased. A column may have several. */
const COLUMN_HEADERS: ColumnHeaders<Column> = {
  productId: ['item'],
  description: ['description'],
  quantity: ['quantity', 'qty'],
  inactive: ['inactive'],
};

/** The position of each column. The grid is only recognised when both required ones exist. */
export type ColumnPositions = FoundColumns<Column, 'productId' | 'quantity'>;

export interface LinesTable {
  columns: ColumnPositions;
  rows: HTMLElement[];
}

/** The header texts that identify the grid, for warnings. */
export const REQUIRED_HEADERS = ['Item', 'Quantity (or Qty)'];

function childrenWithClass(parent: Element, className: string): HTMLElement[] {
  return Array.from(parent.children).filter((child): child is HTMLElement =>
    child.classList.contains(className),
  );
}

function mapColumns(headerRow: Element): ColumnPositions | null {
  const headerCells = childrenWithClass(headerRow, 'rt-th');
  return findColumns(headerCells, COLUMN_HEADERS, ['productId', 'quantity']);
}

/**
 * Finds the first react-table whose header row reads "Item" and "Quantity" (or "Qty"), and its
 * body rows. Rows of a table nested inside it, such as an expanded sub-row, are not its lines.
 */
export function findLinesTable(doc: Document): LinesTable | null {
  for (const table of doc.querySelectorAll('.ReactTable')) {
    const ownRows = (selector: string) =>
      Array.from(table.querySelectorAll<HTMLElement>(selector)).filter(
        (row) => row.closest('.ReactTable') === table,
      );
    for (const headerRow of ownRows('.rt-thead .rt-tr')) {
      const columns = mapColumns(headerRow);
      if (columns) return { columns, rows: ownRows('.rt-tbody .rt-tr') };
    }
  }
  return null;
}

// NOTE: Halo's way of showing a boolean column in a grid is not known. A checked checkbox, "Yes"
// or "True" counts as inactive.
function readInactive(cell: HTMLElement | undefined): boolean {
  if (!cell) return false;
  const checkbox = cell.querySelector<HTMLInputElement>('input[type="checkbox"]');
  if (checkbox) return checkbox.checked;
  const text = readText(cell).toLowerCase();
  return text === 'yes' || text === 'true';
}

/**
 * Reads each body row into a line. A row without an item, such as react-table's empty padding
 * rows, is skipped, and so is a row whose quantity cannot be read, with a warning, because a
 * wrong number would show a wrong comparison. Halo has no "less included" on a line, and an
 * inactive line is reported as cancelled because Halo does not bill it.
 */
export function readInvoiceLines(table: LinesTable, warn: LandmarkWarner): AgreementLine[] {
  const { columns } = table;
  const lines: AgreementLine[] = [];
  for (const row of table.rows) {
    const cells = childrenWithClass(row, 'rt-td');
    const productId = readText(cells[columns.productId]);
    const quantityCell = cells[columns.quantity];
    if (!productId || !quantityCell) continue;

    const quantity = parseQuantity(readFieldValue(quantityCell));
    if (quantity === null) {
      warn(
        'quantity format',
        `HaloPSA: line "${productId}" has a Quantity value that is not a number in the form ` +
          `1,234.00 ("${readFieldValue(quantityCell)}"), so no count is shown for it. Numbers in ` +
          'other formats, such as 1.234,00, are not read yet.',
      );
      continue;
    }

    lines.push({
      productId,
      description: columns.description === undefined ? '' : readText(cells[columns.description]),
      quantity,
      lessIncluded: 0,
      billable: true,
      cancelled: readInactive(columns.inactive === undefined ? undefined : cells[columns.inactive]),
      row,
      quantityCell,
      // NOTE: Edit mode is modelled on react-table rendering an input in the quantity cell of
      // each line, bound to React state. Halo's recurring invoice editor has not been checked
      // on a live Halo instance.
      quantityInput: findTextField(quantityCell),
    });
  }
  return lines;
}
