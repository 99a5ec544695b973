// What a resource table found on the page is: its outer element, its layout, its columns and the
// <table>s that hold its rows. find-tables.ts makes these; the row code reads them.
import type { ColumnField } from '../console/columns';

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
