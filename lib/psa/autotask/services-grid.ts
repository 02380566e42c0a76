/**
 * Finds the services grid of an Autotask contract and reads its period rows. The grid is found,
 * and its columns mapped, by header text: legacy pages use a <table>, and the newer interface a
 * grid of elements with ARIA roles (row, columnheader, gridcell) and generated class names.
 * Each row is one period of one service. A row that leaves the service's id and name empty
 * continues the service of the row above, as grouped tables show it.
 */
import {
  findColumns,
  type ColumnHeaders,
  type ColumnPositions as FoundColumns,
} from '../column-finder';
import { readText } from '../page-text';

// Header texts of the columns the adapter reads, lower-cased.
// NOTE: These are the header texts of the fixture pages. The real pages' texts have not been
// checked on a live Autotask page.
const COLUMN_HEADERS = {
  serviceId: ['service id', 'service code'],
  serviceName: ['service', 'service name'],
  startDate: ['start date'],
  endDate: ['end date'],
  units: ['units'],
} as const satisfies ColumnHeaders<string>;

type Column = keyof typeof COLUMN_HEADERS;

/** The position of each column. A grid needs the dates, the units and a service id or name. */
export type ColumnPositions = FoundColumns<Column, 'startDate' | 'endDate' | 'units'>;

export interface ServicesGrid {
  columns: ColumnPositions;
  /** The rows after the header row, in the header's table or grid. */
  rows: HTMLElement[];
}

/** One period of one service, as its row shows it. */
export interface ServicePeriodRow {
  serviceId: string;
  serviceName: string;
  startText: string;
  endText: string;
  row: HTMLElement;
  unitsCell: HTMLElement;
}

/** The header texts that identify the grid, for warnings. */
export const REQUIRED_HEADERS = '"Service ID" or "Service", "Start Date", "End Date" and "Units"';

const ARIA_CELL_ROLES = new Set(['columnheader', 'rowheader', 'gridcell', 'cell']);
const ARIA_GRID_SELECTOR = '[role="grid"], [role="table"], [role="treegrid"]';
/** Node.DOCUMENT_POSITION_FOLLOWING, written out because frames have their own Node object. */
const DOCUMENT_POSITION_FOLLOWING = 4;

/**
 * Returns the row's cells by column position. A table cell is repeated once for each column it
 * spans, and an ARIA row's cells are its children with a cell role.
 */
function cellsByColumn(row: Element): HTMLElement[] {
  const cells: HTMLElement[] = [];
  for (const cell of Array.from(row.children)) {
    if (row.tagName !== 'TR') {
      if (ARIA_CELL_ROLES.has(cell.getAttribute('role') ?? '')) cells.push(cell as HTMLElement);
      continue;
    }
    if (cell.tagName !== 'TD' && cell.tagName !== 'TH') continue;
    const span = Math.max(1, Number.parseInt(cell.getAttribute('colspan') ?? '1', 10) || 1);
    for (let i = 0; i < span; i++) cells.push(cell as HTMLElement);
  }
  return cells;
}

function mapColumns(row: Element): ColumnPositions | null {
  const positions = findColumns(cellsByColumn(row), COLUMN_HEADERS, [
    'startDate',
    'endDate',
    'units',
  ]);
  if (positions?.serviceId === undefined && positions?.serviceName === undefined) return null;
  return positions;
}

/** Returns the rows that follow `headerRow` in its own table or grid, not in nested ones. */
function rowsAfter(headerRow: HTMLElement): HTMLElement[] {
  const isTable = headerRow.tagName === 'TR';
  const containerSelector = isTable ? 'table' : ARIA_GRID_SELECTOR;
  const container = headerRow.closest(containerSelector);
  if (!container) return [];
  const rows = container.querySelectorAll<HTMLElement>(isTable ? 'tr' : '[role="row"]');
  return Array.from(rows).filter(
    (row) =>
      row.closest(containerSelector) === container &&
      (headerRow.compareDocumentPosition(row) & DOCUMENT_POSITION_FOLLOWING) !== 0,
  );
}

/**
 * Finds the first table row or ARIA row whose header texts include "Start Date", "End Date",
 * "Units" and "Service ID" or "Service", and the rows after it.
 */
export function findServicesGrid(doc: Document): ServicesGrid | null {
  for (const headerRow of doc.querySelectorAll<HTMLElement>('tr, [role="row"]')) {
    const columns = mapColumns(headerRow);
    if (columns) return { columns, rows: rowsAfter(headerRow) };
  }
  return null;
}

/**
 * Reads the grid's period rows. Rows without a units cell, message rows whose one cell spans
 * the grid, repeated header rows, and rows before the first service are skipped.
 */
export function readServicePeriods(grid: ServicesGrid): ServicePeriodRow[] {
  const { columns } = grid;
  const periods: ServicePeriodRow[] = [];
  let serviceId = '';
  let serviceName = '';
  for (const row of grid.rows) {
    const cells = cellsByColumn(row);
    const unitsCell = cells[columns.units];
    if (!unitsCell || cells[columns.startDate] === unitsCell || mapColumns(row)) continue;

    const id = columns.serviceId === undefined ? '' : readText(cells[columns.serviceId]);
    const name = columns.serviceName === undefined ? '' : readText(cells[columns.serviceName]);
    if (id || name) {
      serviceId = id;
      serviceName = name;
    }
    if (!serviceId && !serviceName) continue;

    periods.push({
      serviceId,
      serviceName,
      startText: readText(cells[columns.startDate]),
      endText: readText(cells[columns.endDate]),
      row,
      unitsCell,
    });
  }
  return periods;
}
