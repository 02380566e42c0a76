/**
 * Reads the line items table of a Syncro recurring invoice (a schedule). The table is found, and
 * its columns mapped, by header text alone, because the page's class names are not part of any
 * published interface. Rows in `<thead>` and `<tfoot>` are not lines, so the header and a totals
 * footer are ignored.
 */
import type { LandmarkWarner } from '../landmark-warnings';
import { findTextField, parseQuantity, readFieldValue, readText } from '../page-text';
import type { AgreementLine } from '../types';
import { cellsByColumn } from '../table-cells';
import {
  findColumns,
  type ColumnHeaders,
  type ColumnPositions as FoundColumns,
} from '../column-finder';

type Column = 'productId' | 'description' | 'quantity';

/** Header texts of the columns the adapter reads, lower-cased. A column may have several. */
const COLUMN_HEADERS: ColumnHeaders<Column> = {
  productId: ['item', 'product'],
  description: ['description'],
  quantity: ['quantity', 'qty'],
};

/** The position of each column. The table is only recognised when both required ones exist. */
export type ColumnPositions = FoundColumns<Column, 'productId' | 'quantity'>;

export interface LineItemsTable {
  columns: ColumnPositions;
  rows: HTMLElement[];
}

/** The header texts that identify the table, for warnings. */
export const REQUIRED_HEADERS = ['Item (or Product)', 'Quantity (or Qty)'];

/** Returns the table's own rows, without those of tables nested in its cells. */
function ownRows(table: Element): HTMLElement[] {
  return Array.from(table.querySelectorAll<HTMLElement>('tr')).filter(
    (row) => row.closest('table') === table,
  );
}

function mapColumns(headerRow: Element): ColumnPositions | null {
  return findColumns(cellsByColumn(headerRow), COLUMN_HEADERS, ['productId', 'quantity']);
}

/**
 * Finds the first table whose header row (the first row of its `<thead>`, or else its first row)
 * reads "Item" and "Quantity", and returns its other rows outside `<thead>` and `<tfoot>`.
 */
export function findLineItemsTable(doc: Document): LineItemsTable | null {
  for (const table of doc.querySelectorAll('table')) {
    const rows = ownRows(table);
    const headerRow = rows.find((row) => row.parentElement?.tagName === 'THEAD') ?? rows[0];
    const columns = headerRow ? mapColumns(headerRow) : null;
    if (!columns) continue;

    const bodyRows = rows.filter((row) => {
      const section = row.parentElement?.tagName;
      return row !== headerRow && section !== 'THEAD' && section !== 'TFOOT';
    });
    return { columns, rows: bodyRows };
  }
  return null;
}

/**
 * Reads each body row into a line. A row without an item, or one cell spanning the item and
 * quantity columns (a "no line items" message), is skipped. So is a row whose quantity cannot be
 * read, with a warning, because a wrong number would show a wrong comparison. Syncro has no
 * "less included" and no billing flag on a schedule's line, so every line is billable.
 */
export function readLineItems(table: LineItemsTable, warn: LandmarkWarner): AgreementLine[] {
  const { columns } = table;
  const lines: AgreementLine[] = [];
  for (const row of table.rows) {
    const cells = cellsByColumn(row);
    const productCell = cells[columns.productId];
    const quantityCell = cells[columns.quantity];
    const productId = readText(productCell);
    if (!productId || !quantityCell || quantityCell === productCell) continue;

    // NOTE: Lines of the recurring types Asset Counter and Policy Folder get their quantity
    // from a device count when the invoice is made. What the schedule page shows for them has
    // not been checked, and text that is not a number skips the line with this warning.
    const quantity = parseQuantity(readFieldValue(quantityCell));
    if (quantity === null) {
      warn(
        'quantity format',
        `Syncro: line item "${productId}" has a Quantity value that is not a number in the ` +
          `form 1,234.00 ("${readFieldValue(quantityCell)}"), so no count is shown for it. Numbers ` +
          'in other formats, such as 1.234,00, are not read yet.',
      );
      continue;
    }

    lines.push({
      productId,
      description: columns.description === undefined ? '' : readText(cells[columns.description]),
      quantity,
      lessIncluded: 0,
      billable: true,
      cancelled: false,
      row,
      quantityCell,
      // NOTE: Edit mode is modelled on a Rails edit form around the line items table, with a
      // quantity field in each row. Syncro's own schedule editor has not been checked live.
      quantityInput: findTextField(quantityCell),
    });
  }
  return lines;
}
