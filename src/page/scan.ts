// One pass over a document: tables, rows and verdicts, and the diagnostics a user sends when the
// console changes its markup. The CLI and the fixture tests use it; each row goes through the same
// row pipeline as on the live page.
import type { Evaluation, Resource, Verdict } from '../rules/types';
import type { CompiledCatalog } from '../rules/engine';
import { headerNames, type HeaderNames } from '../console/columns';
import { findResourceTables } from './find-tables';
import type { ResourceTable } from './resource-table';
import { tableRows } from './table-layout';
import { describeTables, emptyDiagnostics, recordError, type Diagnostics } from './diagnostics';
import { createRowPipeline, tallyOutcomes, type RowOutcome } from './row-pipeline';

export interface ScannedRow {
  element: Element;
  table: ResourceTable;
  /** Position among the recognized rows, from 0. */
  index: number;
  name: string;
  product: string;
  /** What identifies the resource across the table's pages. */
  key: string;
  resource: Resource;
  evaluation: Evaluation;
}

export interface ScanResult {
  tables: ResourceTable[];
  rows: ScannedRow[];
  /** Rows by verdict. */
  counts: Record<Verdict, number>;
  diagnostics: Diagnostics;
}

export function scanDocument(root: ParentNode, compiled: CompiledCatalog, options: { extraHeaders?: HeaderNames } = {}): ScanResult {
  const diagnostics = emptyDiagnostics();
  const tables = findResourceTables(root, { headers: headerNames(options.extraHeaders) });
  describeTables(tables, diagnostics);
  const pipeline = createRowPipeline(compiled);
  const outcomes: RowOutcome[] = [];
  const rows: ScannedRow[] = [];
  for (const table of tables)
    for (const element of tableRows(table)) {
      const outcome = pipeline.run(element, table);
      outcomes.push(outcome);
      if (outcome.kind === 'skip') {
        if (outcome.why === 'error') recordError(diagnostics, `row ${outcomes.length}`, outcome.error);
        continue;
      }
      const { reading, evaluation } = outcome;
      rows.push({
        element,
        table,
        index: rows.length,
        name: reading.name,
        product: reading.product,
        key: reading.key,
        resource: reading.resource,
        evaluation,
      });
    }
  const counts = tallyOutcomes(outcomes, diagnostics);
  return { tables, rows, counts, diagnostics };
}
