// Finding the resource tables on a page by their header text, in English and Chinese.
// A table counts when its headers name the product type and one of billing mode, status or resource.
import type { ColumnField, HeaderNames } from '../console/columns';
import {
  ariaCellSelector,
  cellSelector,
  rowSpanningCellSelector,
  ariaGridSelector,
  ariaHeaderCellSelector,
  ariaRowSelector,
  tableSelectors,
  componentTableSelector,
  fixedHeadSelector,
  headerNoiseSelector,
  nativeTableSelector,
} from '../console/selectors';
import { normalizeText } from '../rules/text-match';

/**
 * `tiny-split`: a TinyUI component with its fixed head apart from its body; `component`: a TinyUI
 * component in one table; `split`: a header-only <table> paired with the body <table> beside it by
 * structure (OpenTiny Vue's grid up to 3.24, and whatever component draws its header the same way);
 * `native`: one <table>; `aria`: a grid of divs.
 */
export type TableLayout = 'tiny-split' | 'component' | 'split' | 'native' | 'aria';

export interface Column {
  /** Position of the column, counting colspans. */
  index: number;
  /** The header text that named it. */
  header: string;
}

export interface ResourceTable {
  /** The outermost element of the table: the component, the <table> or the grid. */
  root: Element;
  layout: TableLayout;
  columns: Partial<Record<ColumnField, Column>>;
  /** Header texts that named no known column, or a column already named (duplicates). */
  unrecognizedHeaders: string[];
  /** Number of header positions (counting colspans). */
  width: number;
  /** The header cells, and their texts as one key: a change to the header that keeps the key changes nothing. */
  header: Element[];
  headerKey: string;
  /**
   * The <table>s that may hold its rows: a component's own inner tables (found once: on a page of
   * 10,000 rows each walk of the component costs), the table itself, or none for a grid.
   */
  parts: Element[];
}

/** The user's own header names, by column: what `headerNames` puts before the console's. */
export type ExtraHeaders = HeaderNames;

interface HeaderIndex {
  exact: Map<string, ColumnField>;
  /** Longest first, for headers with extra words ("Status (i)"). */
  prefixes: Array<[string, ColumnField]>;
}

// Header names come with the settings (the content script gets them from the background, so the
// console's header texts are not in its bundle); the index is rebuilt when they change.
let cachedNames: HeaderNames | undefined;
let cachedIndex: HeaderIndex | undefined;

function headerIndexFor(names: HeaderNames): HeaderIndex {
  if (names !== cachedNames || !cachedIndex) {
    const exact = new Map<string, ColumnField>();
    const prefixes: Array<[string, ColumnField]> = [];
    for (const [field, headers] of Object.entries(names) as Array<[ColumnField, readonly string[]]>)
      for (const header of headers) {
        const key = normalizeText(header).compact;
        if (!key || exact.has(key)) continue;
        exact.set(key, field);
        prefixes.push([key, field]);
      }
    prefixes.sort((a, b) => b[0].length - a[0].length);
    cachedNames = names;
    cachedIndex = { exact, prefixes };
  }
  return cachedIndex;
}

/** Which column a header text names, if any. */
export function matchHeader(text: string, names: HeaderNames): ColumnField | undefined {
  const index = headerIndexFor(names);
  const { compact, boundary } = normalizeText(text);
  if (!compact) return undefined;
  const exact = index.exact.get(compact);
  if (exact) return exact;
  for (const [key, field] of index.prefixes) if (compact.startsWith(key) && boundary[key.length]) return field;
  return undefined;
}

/** A header cell's label, without sort icons, tooltips and their bubbles. */
export function headerText(cell: Element): string {
  if (!cell.querySelector(headerNoiseSelector)) return collapse(cell.textContent ?? '');
  const clone = cell.cloneNode(true) as Element;
  for (const noise of clone.querySelectorAll(headerNoiseSelector)) noise.remove();
  const text = collapse(clone.textContent ?? '');
  // Some consoles wrap the label itself in a "tip" element: fall back to the whole text.
  return text || collapse(cell.textContent ?? '');
}

export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

// Table sections, rows and cells by tag name rather than tBodies/rows/cells: the same code then runs on
// any DOM (happy-dom in the CLI lacks some of those collections).
function childrenNamed(parent: Element, name: string, other?: string): Element[] {
  const found: Element[] = [];
  for (let child = parent.firstElementChild; child; child = child.nextElementSibling)
    if (child.tagName === name || child.tagName === other) found.push(child);
  return found;
}

function sectionRows(table: Element, section: 'THEAD' | 'TBODY'): Element[] {
  const rows: Element[] = [];
  for (const part of childrenNamed(table, section)) rows.push(...childrenNamed(part, 'TR'));
  // A <tbody> the parser would have added is missing when rows hang off the table in a built DOM.
  if (section === 'TBODY') rows.push(...childrenNamed(table, 'TR'));
  return rows;
}

export function cellsOf(row: Element): Element[] {
  return childrenNamed(row, 'TD', 'TH');
}

function hasBody(table: Element): boolean {
  return childrenNamed(table, 'TBODY', 'TR').length > 0;
}

/** Header cells with their column positions, counting colspans. */
function positionCells(cells: Element[]): PlacedCell[] {
  let index = 0;
  return cells.map((cell) => {
    const at = index;
    index += spanOf(cell);
    return { cell, index: at };
  });
}

export function spanOf(cell: Element): number {
  const span = Number.parseInt(cell.getAttribute('colspan') ?? '1', 10);
  return Number.isFinite(span) && span > 0 ? Math.min(span, 1000) : 1;
}

function mapColumns(cells: Element[], names: HeaderNames) {
  const columns: Partial<Record<ColumnField, Column>> = {};
  const unrecognizedHeaders: string[] = [];
  const texts: string[] = [];
  let width = 0;
  for (const { cell, index } of positionCells(cells)) {
    width = index + spanOf(cell);
    const text = headerText(cell);
    texts.push(text);
    if (!text) continue;
    const field = matchHeader(text, names);
    if (field && !columns[field]) columns[field] = { index, header: text };
    else unrecognizedHeaders.push(text);
  }
  return { columns, unrecognizedHeaders, width, header: cells, headerKey: texts.join('\n') };
}

export function isResourceTable(columns: Partial<Record<ColumnField, Column>>): boolean {
  return Boolean(columns.productType && (columns.billingMode || columns.status || columns.resource));
}

/**
 * The header row of a native table: the last row of its <thead>, else the first row made of <th>.
 * A header whose cells all lack text is no header: TinyUI 3's body table has a <thead> of empty
 * cells that only carry the column widths.
 */
function nativeHeaderCells(table: Element): Element[] | undefined {
  const headRows = sectionRows(table, 'THEAD');
  if (headRows.length) {
    // With grouped headers the last row names the leaf columns; take the row with the most cells.
    let best = cellsOf(headRows[0]!);
    for (const row of headRows) {
      const cells = cellsOf(row);
      if (cells.length >= best.length) best = cells;
    }
    return best.some((cell) => headerText(cell)) ? best : undefined;
  }
  for (const row of sectionRows(table, 'TBODY')) {
    const cells = cellsOf(row);
    if (cells.length && cells.every((cell) => cell.tagName === 'TH')) return cells;
    if (cells.length) return undefined;
  }
  return undefined;
}

/** How many columns a body table lays out: its <colgroup>, else its widest row (counting colspans). */
function bodyWidth(table: Element): number {
  let cols = 0;
  for (const group of childrenNamed(table, 'COLGROUP')) for (const col of childrenNamed(group, 'COL')) cols += spanOf(col);
  if (cols) return cols;
  let widest = 0;
  for (const row of sectionRows(table, 'TBODY').slice(0, 20)) widest = Math.max(widest, cellsOf(row).reduce((sum, cell) => sum + spanOf(cell), 0));
  return widest;
}

/** Levels of wrapper a header table and its body table may sit apart (OpenTiny Vue: 2). */
const PAIRING_DEPTH = 4;

/**
 * The body <table>s drawn beside a header-only table, and the nearest element holding both: the
 * closest ancestor that holds other tables with rows and no header of their own, laying out as many
 * columns as the header names (a trailing empty header cell, a scrollbar gutter, may have no body
 * column). Climbing stops at a wrapper that holds another header: that is a different table.
 */
function pairBodyTables(header: Element, cells: Element[]): { root: Element; bodies: Element[] } | undefined {
  const placed = positionCells(cells);
  const width = placed.reduce((sum, { cell }) => sum + spanOf(cell), 0);
  let named = width;
  for (let i = placed.length - 1; i >= 0 && !headerText(placed[i]!.cell); i--) named = placed[i]!.index;
  let ancestor = header.parentElement;
  for (let level = 0; ancestor && level < PAIRING_DEPTH; level++, ancestor = ancestor.parentElement) {
    const bodies: Element[] = [];
    for (const table of ancestor.querySelectorAll(nativeTableSelector)) {
      if (table === header || isNestedInCell(table, ancestor)) continue;
      if (nativeHeaderCells(table)) return undefined;
      const columns = hasBody(table) ? bodyWidth(table) : 0;
      if (columns >= named && columns <= width) bodies.push(table);
    }
    if (bodies.length) return { root: ancestor, bodies };
  }
  return undefined;
}

/** Tables nested in a cell of another table are part of that row, never tables of their own. */
function isNestedInCell(element: Element, within?: Element): boolean {
  const cell = element.parentElement?.closest(cellSelector);
  return Boolean(cell && (!within || within.contains(cell)));
}

/** Every element matching any of `selectors`, in document order, each selector queried on its own (it is faster). */
function queryEach(root: ParentNode, selectors: readonly string[]): Element[] {
  const found = new Set<Element>();
  for (const selector of selectors) for (const element of root.querySelectorAll(selector)) found.add(element);
  return [...found].sort((a, b) => (a.compareDocumentPosition(b) & 4 ? -1 : 1));
}

/** The component's own inner <table>s and other parts: not those of a table nested in a cell. */
export function componentParts(root: Element, ...selectors: string[]): Element[] {
  return queryEach(root, selectors.length ? selectors : [nativeTableSelector]).filter(
    (part) => ownerComponent(part) === root && !isNestedInCell(part, root),
  );
}

/**
 * Whether what the header says has changed since the table was found (a cell gone or relabelled).
 * Components re-render header cells for other reasons: a select-all box, a sort arrow.
 */
export function headerChanged(table: ResourceTable): boolean {
  return !table.header.every((cell) => cell.isConnected) || table.header.map(headerText).join('\n') !== table.headerKey;
}

/** Whether a <table> put into the page belongs to `table` as one of its header or body tables. */
export function isPartOf(table: ResourceTable, inner: Element): boolean {
  if (table.layout === 'split') return table.root.contains(inner) && !isNestedInCell(inner, table.root);
  return table.layout !== 'aria' && table.layout !== 'native' && componentParts(table.root).includes(inner);
}

function ownerComponent(element: Element): Element | null {
  return element.parentElement?.closest(componentTableSelector) ?? null;
}

function componentHeaderCells(tables: Element[]): Element[] | undefined {
  for (const table of tables) {
    const cells = nativeHeaderCells(table);
    if (cells) return cells;
  }
  return undefined;
}

function ariaHeaderCells(grid: Element): Element[] | undefined {
  for (const row of grid.querySelectorAll(ariaRowSelector)) {
    if (row.closest(ariaGridSelector) !== grid) continue;
    const headers = ariaCells(row).filter((cell) => cell.matches(ariaHeaderCellSelector));
    if (headers.length) return headers;
  }
  return undefined;
}

/** The cells of an ARIA row, not those of a grid nested in it. */
export function ariaCells(row: Element): Element[] {
  return [...row.querySelectorAll(ariaCellSelector)].filter((cell) => cell.closest(ariaRowSelector) === row);
}

/** An ARIA row of column headers (its own cells, not those of a grid nested in one of them). */
export function isAriaHeaderRow(row: Element): boolean {
  return ariaCells(row).some((cell) => cell.matches(ariaHeaderCellSelector));
}

export interface FindOptions {
  /** What names each column: `headerNames(extraHeaders)` from columns.ts. */
  headers: HeaderNames;
}

/**
 * Every resource table under `root`, in document order. Each element is read once: a component's
 * inner tables belong to the component, and tables nested in cells belong to their row.
 */
export function findResourceTables(root: ParentNode, { headers }: FindOptions): ResourceTable[] {
  const found: ResourceTable[] = [];
  /** Body tables already read as part of a split table. */
  const paired = new Set<Element>();
  const consider = (element: Element, layout: TableLayout, cells: Element[] | undefined, parts: Element[] = []): boolean => {
    if (!cells) return false;
    const mapped = mapColumns(cells, headers);
    if (!isResourceTable(mapped.columns)) return false;
    found.push({ root: element, layout, ...mapped, parts });
    return true;
  };

  for (const element of queryEach(root, tableSelectors)) {
    // Parts of a component (ti-table > .ti3-table, its inner tables) and tables in cells are not tables of their own.
    if (ownerComponent(element) || isNestedInCell(element)) continue;
    if (element.matches(componentTableSelector)) {
      // One walk of a component that may hold 10,000 rows: its fixed header and its tables together.
      const parts = componentParts(element, fixedHeadSelector, nativeTableSelector);
      const split = parts.some((part) => part.matches(fixedHeadSelector));
      const inner = parts.filter((part) => part.tagName === 'TABLE');
      consider(element, split ? 'tiny-split' : 'component', componentHeaderCells(inner), inner);
    } else if (element.tagName === 'TABLE') {
      // also <table role="grid">
      if (paired.has(element)) continue;
      const cells = nativeHeaderCells(element);
      const pair = cells && !hasBody(element) ? pairBodyTables(element, cells) : undefined;
      if (!pair) consider(element, 'native', cells, [element]);
      else if (consider(pair.root, 'split', cells, [element, ...pair.bodies])) for (const body of pair.bodies) paired.add(body);
    } else consider(element, 'aria', ariaHeaderCells(element));
  }
  return found;
}

/** Data rows of a table in document order, with the cells that hold them. */
export function tableRows(table: ResourceTable): Element[] {
  if (table.layout === 'aria') {
    return [...table.root.querySelectorAll(ariaRowSelector)].filter(
      (row) => row.closest(ariaGridSelector) === table.root && !isAriaHeaderRow(row),
    );
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
    layout.set(row, placed.sort((a, b) => a.index - b.index));
    carried = next;
  });
  return layout;
}
