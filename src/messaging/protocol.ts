// Messages between the popup, the content script and the background, and what they carry.
import type { Verdict } from '../rules/types';
import type { ColumnField } from '../page/columns';

export interface RowSummary {
  /** Position of the row among the recognized data rows, from 0; what `reveal-row` takes. */
  index: number;
  /** The resource name/ID as the page shows it (for the user to recognize the row; never matched). */
  resource: string;
  product: string;
  verdict: Verdict;
  rules: string[];
  /** The main reason's title, in the badge language. */
  mainReason: string;
}

export interface Diagnostics {
  tables: number;
  /** Recognized columns with the header text that matched. */
  columns: Partial<Record<ColumnField, string>>;
  /** Columns the engine could use that no header named. */
  missingColumns: ColumnField[];
  rowsRead: number;
  rowsSkipped: number;
  /** Skipped rows by why: "detail row", "no data row", "group header", "error". */
  skippedReasons: Record<string, number>;
  /** Errors caught while reading or badging rows (the page console is never used). */
  errors: string[];
}

export interface PageSummary {
  url: string;
  lang: 'en' | 'zh';
  counts: Record<Verdict, number>;
  rows: RowSummary[];
  diagnostics: Diagnostics;
}

export type ContentRequest = { type: 'get-summary' } | { type: 'reveal-row'; index: number };
/**
 * `get-catalog` answers the rule catalog: the content script asks for it once per page instead of
 * bundling it, which keeps the script that runs on every console visit small.
 */
export type BackgroundRequest = { type: 'blocked-count'; count: number | null } | { type: 'get-catalog' };

/** The popup asks the content script; undefined means no content script answered (not the page). */
export type ContentResponse<T extends ContentRequest> = T extends { type: 'get-summary' } ? PageSummary | null : boolean;
