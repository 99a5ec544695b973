// A table's rows and a row's cells at their column positions, for native tables (colspans, rowspans)
// and ARIA grids. Below both finding tables and reading rows: neither needs the other for this.
import { ariaCellSelector, ariaGridSelector, ariaHeaderCellSelector, ariaRowSelector, rowSpanningCellSelector } from '../console/selectors';
import type { ResourceTable } from './resource-table';

// Table sections, rows and cells by tag name rather than tBodies/rows/cells: the same code then runs on
// any DOM (happy-dom in the CLI lacks some of those collections).
export function childrenNamed(parent: Element, name: string, other?: string): Element[] {
  const found: Element[] = [];
  for (let child = parent.firstElementChild; child; child = child.nextElementSibling)
    if (child.tagName === name || child.tagName === other) found.push(child);
  return found;
}

export function sectionRows(table: Element, section: 'THEAD' | 'TBODY'): Element[] {
  const rows: Element[] = [];
  for (const part of childrenNamed(table, section)) rows.push(...childrenNamed(part, 'TR'));
  // A <tbody> the parser would have added is missing when rows hang off the table in a built DOM.
  if (section === 'TBODY') rows.push(...childrenNamed(table, 'TR'));
  return rows;
}

export function cellsOf(row: Element): Element[] {
  return childrenNamed(row, 'TD', 'TH');
}

export function hasBody(table: Element): boolean {
  return childrenNamed(table, 'TBODY', 'TR').length > 0;
}

/** Header cells with their column positions, counting colspans. */
export function positionCells(cells: Element[]): PlacedCell[] {
  let index = 0;
  return cells.map((cell) => {
    const at = index;
    index += spanOf(cell);
    return { cell, index: at };
  });
}

/** How many columns a cell takes (its colspan), or a <col> (its span): bounded, and 1 when the attribute is no count. */
export function spanOf(cell: Element): number {
  const span = Number.parseInt(cell.getAttribute(cell.tagName === 'COL' ? 'span' : 'colspan') ?? '1', 10);
  return Number.isFinite(span) && span > 0 ? Math.min(span, 1000) : 1;
}

/** The cells of an ARIA row, not those of a grid nested in it. */
export function ariaCells(row: Element): Element[] {
  return [...row.querySelectorAll(ariaCellSelector)].filter((cell) => cell.closest(ariaRowSelector) === row);
}

/** An ARIA row of column headers (its own cells, not those of a grid nested in one of them). */
export function isAriaHeaderRow(row: Element): boolean {
  return ariaCells(row).some((cell) => cell.matches(ariaHeaderCellSelector));
}

/** Data rows of a table in document order, with the cells that hold them. */
export function tableRows(table: ResourceTable): Element[] {
  if (table.layout === 'aria') {
    return [...table.root.querySelectorAll(ariaRowSelector)].filter((row) => row.closest(ariaGridSelector) === table.root && !isAriaHeaderRow(row));
  }
  // An inner table the console has since taken out is no longer the component's.
  return table.parts.filter((part) => hasBody(part) && table.root.contains(part)).flatMap((body) => sectionRows(body, 'TBODY'));
}

/** The cells of a data row. */
export function rowCells(row: Element, table: ResourceTable): Element[] {
  return table.layout === 'aria' ? ariaCells(row) : cellsOf(row);
}

export interface PlacedCell {
  cell: Element;
  /** Column position, counting colspans and the cells of rows above that span into this row. */
  index: number;
}

/**
 * Row layouts of table sections that have rowspans, worked out once per pass (null: no rowspan in it).
 * Keep one for a pass over an unchanging page and drop it after: it is not told about changes.
 */
export type RowLayoutCache = WeakMap<Element, Map<Element, PlacedCell[]> | null>;

/**
 * A row's cells (`own`: its `rowCells`) at their column positions, including cells of rows above that
 * span down into it.
 */
export function placedCells(row: Element, own: Element[], table: ResourceTable, cache: RowLayoutCache = new WeakMap()): PlacedCell[] {
  const placed = positionCells(own);
  const last = placed[placed.length - 1];
  // A row whose own cells fill the table is read as it stands, whatever spans down from above.
  const full = (last ? last.index + spanOf(last.cell) : 0) >= table.width;
  const section = table.layout === 'aria' || full ? null : row.parentElement;
  if (section) {
    let layout = cache.get(section);
    if (layout === undefined) cache.set(section, (layout = section.querySelector(rowSpanningCellSelector) ? layOutSection(section) : null));
    const spanned = layout?.get(row);
    if (spanned) return spanned;
  }
  return placed;
}

function rowSpanOf(cell: Element, rowsLeft: number): number {
  const span = Number.parseInt(cell.getAttribute('rowspan') ?? '1', 10);
  if (span === 0) return rowsLeft; // rowspan="0": to the end of the section
  return Number.isFinite(span) && span > 0 ? Math.min(span, rowsLeft) : 1;
}

/** The HTML table model for one section: cells spanning rows take their columns in the rows below. */
function layOutSection(section: Element): Map<Element, PlacedCell[]> {
  const rows = childrenNamed(section, 'TR');
  const layout = new Map<Element, PlacedCell[]>();
  let carried: Array<PlacedCell & { width: number; rowsLeft: number }> = [];
  rows.forEach((row, at) => {
    const taken = new Set<number>();
    const placed: PlacedCell[] = [];
    const next: typeof carried = [];
    for (const span of carried) {
      for (let column = span.index; column < span.index + span.width; column++) taken.add(column);
      placed.push({ cell: span.cell, index: span.index });
      if (span.rowsLeft > 1) next.push({ ...span, rowsLeft: span.rowsLeft - 1 });
    }
    let index = 0;
    for (const cell of cellsOf(row)) {
      while (taken.has(index)) index++;
      const width = spanOf(cell);
      placed.push({ cell, index });
      const rowsDown = rowSpanOf(cell, rows.length - at);
      if (rowsDown > 1) next.push({ cell, index, width, rowsLeft: rowsDown - 1 });
      index += width;
    }
    layout.set(
      row,
      placed.sort((a, b) => a.index - b.index),
    );
    carried = next;
  });
  return layout;
}
