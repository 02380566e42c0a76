/**
 * Maps a grid's header texts to the columns an adapter reads, shared by the adapters that find
 * their grid by header text. Header texts are compared lower-cased and whole, so "Quantity"
 * matches "quantity" but not "Quantity Shipped".
 */
import { readText } from './page-text';

/** For each column, the lower-case header texts that name it, in order of preference. */
export type ColumnHeaders<Column extends string> = Record<Column, readonly string[]>;

/** The position of each column found: always the required ones, and the others when present. */
export type ColumnPositions<Column extends string, Required extends Column> = Partial<
  Record<Column, number>
> &
  Record<Required, number>;

/**
 * Returns the position of each column among `headerCells`: the first cell whose text is one of
 * the column's header texts. Returns null when a column in `required` has no such cell.
 */
export function findColumns<Column extends string, Required extends Column>(
  headerCells: readonly Element[],
  headers: ColumnHeaders<Column>,
  required: readonly Required[],
): ColumnPositions<Column, Required> | null {
  const texts = headerCells.map((cell) => readText(cell).toLowerCase());
  const positions: Partial<Record<Column, number>> = {};
  for (const [column, names] of Object.entries(headers) as [Column, readonly string[]][]) {
    const position = texts.findIndex((text) => names.includes(text));
    if (position !== -1) positions[column] = position;
  }
  if (required.some((column) => positions[column] === undefined)) return null;
  return positions as ColumnPositions<Column, Required>;
}
