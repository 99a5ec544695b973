// What a user sends when the console changes its markup: the tables and columns found, the rows read
// and skipped (and why), and the errors caught. Built by the row pipeline's tally and by describeTables.
import type { ColumnField } from '../console/columns';
import type { ResourceTable } from './resource-table';

export interface Diagnostics {
  tables: number;
  /** Recognized columns with the header text that matched. */
  columns: Partial<Record<ColumnField, string>>;
  /** Columns the engine could use that no header named. */
  missingColumns: ColumnField[];
  /** Header texts that named no known column: what to add as an extra header name when the console relabels one. */
  otherHeaders: string[];
  rowsRead: number;
  rowsSkipped: number;
  /** Skipped rows by why: "detail row", "no data row", "group header", "error". */
  skippedReasons: Record<string, number>;
  /** Errors caught while reading or badging rows (the page console is never used). */
  errors: string[];
}

/** The columns whose absence makes verdicts weaker; reported as missing when no header names them. */
export const expectedColumns: readonly ColumnField[] = ['resource', 'productType', 'billingMode', 'status', 'expiry', 'operation'];

export function emptyDiagnostics(): Diagnostics {
  return {
    tables: 0,
    columns: {},
    missingColumns: [...expectedColumns],
    otherHeaders: [],
    rowsRead: 0,
    rowsSkipped: 0,
    skippedReasons: {},
    errors: [],
  };
}

/** Columns over all tables: the first table that names a column gives its header text. */
export function describeTables(tables: readonly ResourceTable[], diagnostics: Diagnostics): void {
  diagnostics.tables = tables.length;
  diagnostics.columns = {};
  for (const table of tables)
    for (const [field, column] of Object.entries(table.columns) as Array<[ColumnField, { header: string }]>)
      diagnostics.columns[field] ??= column.header;
  diagnostics.missingColumns = expectedColumns.filter((field) => !diagnostics.columns[field]);
  diagnostics.otherHeaders = [...new Set(tables.flatMap((table) => table.unrecognizedHeaders))];
}

const MAX_ERRORS = 20;

export function recordError(diagnostics: Diagnostics, where: string, error: unknown): void {
  if (diagnostics.errors.length < MAX_ERRORS) diagnostics.errors.push(`${where}: ${error instanceof Error ? error.message : String(error)}`);
}

export function countSkip(diagnostics: Diagnostics, why: string): void {
  diagnostics.rowsSkipped++;
  diagnostics.skippedReasons[why] = (diagnostics.skippedReasons[why] ?? 0) + 1;
}
