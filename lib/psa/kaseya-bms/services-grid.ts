/**
 * Reads the services grid of a Kaseya BMS contract. BMS pages are ASP.NET Web Forms, and this
 * reader expects a Telerik RadGrid: a `.RadGrid` container whose header row may sit in a table of
 * its own (when the grid scrolls), apart from the data rows `tr.rgRow` and `tr.rgAltRow`. Those
 * classes are Telerik's and stay the same, while ASP.NET generates element ids such as
 * `ctl00_phContent_ctl04_rgServices` from the control tree, so nothing is found by id. A plain
 * table with the same headers is read as well.
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
  productId: ['service', 'service name', 'item'],
  description: ['description'],
  quantity: ['units'],
};

/** The position of each column. The grid is only recognised when both required ones exist. */
export type ColumnPositions = FoundColumns<Column, 'productId' | 'quantity'>;

export interface ServicesGrid {
  columns: ColumnPositions;
  rows: HTMLElement[];
}

/** The header texts that identify the grid, for warnings. */
export const REQUIRED_HEADERS = ['Service (or Item)', 'Units'];

function mapColumns(headerRow: Element): ColumnPositions | null {
  return findColumns(cellsByColumn(headerRow), COLUMN_HEADERS, ['productId', 'quantity']);
}

/**
 * Returns the data rows that belong to the header row: the `rgRow`, `rgAltRow` and `rgEditRow`
 * rows of its RadGrid, not those of a grid nested inside it, or else the other rows of its own table outside
 * `<thead>` and `<tfoot>`.
 */
function findDataRows(headerRow: Element): HTMLElement[] {
  const grid = headerRow.closest('.RadGrid');
  if (grid) {
    const rows = grid.querySelectorAll<HTMLElement>('tr.rgRow, tr.rgAltRow, tr.rgEditRow');
    return Array.from(rows).filter((row) => row.closest('.RadGrid') === grid);
  }
  const table = headerRow.closest('table');
  return Array.from(table?.querySelectorAll<HTMLElement>('tr') ?? []).filter((row) => {
    const section = row.parentElement?.tagName;
    const isDataRow = row !== headerRow && section !== 'THEAD' && section !== 'TFOOT';
    return isDataRow && row.closest('table') === table;
  });
}

/** Finds the first row that reads "Service" (or "Item") and "Units", and its data rows. */
export function findServicesGrid(doc: Document): ServicesGrid | null {
  for (const headerRow of doc.querySelectorAll('tr')) {
    const columns = mapColumns(headerRow);
    if (columns) return { columns, rows: findDataRows(headerRow) };
  }
  return null;
}

/**
 * Reads each data row into a line. A row without a service, or one cell spanning the service and
 * units columns (such as "No records to display."), is skipped. So is a row whose units cannot
 * be read, with a warning, because a wrong number would show a wrong comparison. A contract
 * service has no "less included" and no billing flag in the grid, so every line is billable.
 */
export function readServiceLines(grid: ServicesGrid, warn: LandmarkWarner): AgreementLine[] {
  const { columns } = grid;
  const lines: AgreementLine[] = [];
  for (const row of grid.rows) {
    const cells = cellsByColumn(row);
    const productCell = cells[columns.productId];
    const quantityCell = cells[columns.quantity];
    const productId = readText(productCell);
    if (!productId || !quantityCell || quantityCell === productCell) continue;

    const quantity = parseQuantity(readFieldValue(quantityCell));
    if (quantity === null) {
      warn(
        'quantity format',
        `Kaseya BMS: service "${productId}" has a Units value that is not a number in the ` +
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
      // NOTE: Edit mode is modelled on a RadGrid editing its rows in place: the row becomes
      // `tr.rgEditRow` and Units a RadNumericTextBox (a text input beside a hidden state field).
      // How BMS edits a contract's services has not been checked on a live BMS.
      quantityInput: findTextField(quantityCell),
    });
  }
  return lines;
}
