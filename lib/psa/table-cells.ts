/** Reading HTML table rows, shared by the adapters whose grids are plain tables. */

function isTableCell(element: Element): element is HTMLElement {
  return element.tagName === 'TD' || element.tagName === 'TH';
}

/** Returns the row's cells by column position, repeating a cell once for each column it spans. */
export function cellsByColumn(row: Element): HTMLElement[] {
  const cells: HTMLElement[] = [];
  for (const cell of Array.from(row.children).filter(isTableCell)) {
    const span = Math.max(1, Number.parseInt(cell.getAttribute('colspan') ?? '1', 10) || 1);
    for (let i = 0; i < span; i++) cells.push(cell);
  }
  return cells;
}
