// Finding the resource tables on a page by their header text, in English and Chinese.
// A table counts when its headers name the product type and one of billing mode, status or resource.
import type { ColumnField, HeaderNames } from '../console/columns';
import {
  cellSelector,
  ariaGridSelector,
  ariaHeaderCellSelector,
  ariaRowSelector,
  tableSelectors,
  componentTableSelector,
  fixedHeadSelector,
  headerNoiseSelector,
  nativeTableSelector,
} from '../console/selectors';
import { collapse, normalizeText } from '../rules/text-match';
import type { Column, ResourceTable, TableLayout } from './resource-table';
import { ariaCells, cellsOf, childrenNamed, hasBody, positionCells, sectionRows, spanOf } from './table-layout';

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
  for (const row of sectionRows(table, 'TBODY').slice(0, 20))
    widest = Math.max(
      widest,
      cellsOf(row).reduce((sum, cell) => sum + spanOf(cell), 0),
    );
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
