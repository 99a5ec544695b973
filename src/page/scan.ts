// One pass over a document: tables, rows and verdicts, and the diagnostics a user sends when the
// console changes its markup. The CLI, the tests and the live annotator share it.
import type { Diagnostics } from '../messaging/protocol';
import type { Evaluation, Resource } from '../rules/types';
import { evaluateCompiled, type CompiledCatalog } from '../rules/engine';
import { headerNames, type ColumnField } from '../console/columns';
import { findResourceTables, tableRows, type ExtraHeaders, type ResourceTable } from './find-tables';
import { readRow } from './read-row';

export interface ScannedRow {
  element: Element;
  table: ResourceTable;
  /** Position among the recognized rows, from 0. */
  index: number;
  name: string;
  product: string;
  resource: Resource;
  evaluation: Evaluation;
}

export interface ScanResult {
  tables: ResourceTable[];
  rows: ScannedRow[];
  diagnostics: Diagnostics;
}

/** The columns whose absence makes verdicts weaker; reported as missing when no header names them. */
export const expectedColumns: readonly ColumnField[] = ['resource', 'productType', 'billingMode', 'status', 'expiry', 'operation'];

export function emptyDiagnostics(): Diagnostics {
  return { tables: 0, columns: {}, missingColumns: [...expectedColumns], otherHeaders: [], rowsRead: 0, rowsSkipped: 0, skippedReasons: {}, errors: [] };
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

export function scanDocument(root: ParentNode, compiled: CompiledCatalog, options: { extraHeaders?: ExtraHeaders } = {}): ScanResult {
  const diagnostics = emptyDiagnostics();
  const tables = findResourceTables(root, { headers: headerNames(options.extraHeaders) });
  describeTables(tables, diagnostics);
  const rows: ScannedRow[] = [];
  for (const table of tables) {
    for (const element of tableRows(table)) {
      try {
        const reading = readRow(element, table);
        if (reading.kind === 'skip') {
          countSkip(diagnostics, reading.why);
          continue;
        }
        diagnostics.rowsRead++;
        const evaluation = evaluateCompiled(reading.resource, compiled);
        rows.push({ element, table, index: rows.length, name: reading.name, product: reading.product, resource: reading.resource, evaluation });
      } catch (error) {
        countSkip(diagnostics, 'error');
        recordError(diagnostics, `row ${diagnostics.rowsRead + diagnostics.rowsSkipped}`, error);
      }
    }
  }
  return { tables, rows, diagnostics };
}
