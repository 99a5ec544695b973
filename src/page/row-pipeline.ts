// One row, from the page to a verdict: read it, evaluate what it shows, and count what came of it.
// The CLI's scan, the live annotator and the benchmark all run rows through this, so the fixture
// tests run the code the extension ships.
import { noCounts, type Evaluation, type Verdict } from '../rules/types';
import type { CompiledCatalog } from '../rules/engine';
import { cachedEvaluator } from '../rules/evaluation-cache';
import { readRow, type RowReading } from './read-row';
import type { ResourceTable } from './resource-table';
import type { RowLayoutCache } from './table-layout';
import { countSkip, type Diagnostics } from './diagnostics';

export type ResourceReading = Extract<RowReading, { kind: 'resource' }>;

/** What came of one row: a resource and its verdict, or why it is not one ("error" when reading it threw). */
export type RowOutcome = { kind: 'resource'; reading: ResourceReading; evaluation: Evaluation } | { kind: 'skip'; why: string; error?: unknown };

export interface RowPipeline {
  /** Reads and evaluates one row. Never throws: a row that cannot be read is an outcome like any other. */
  run(row: Element, table: ResourceTable, layouts?: RowLayoutCache): RowOutcome;
  /** Rows read so far (the benchmark counts re-reads caused by unrelated churn). */
  readonly reads: number;
}

export function createRowPipeline(compiled: CompiledCatalog): RowPipeline {
  const evaluate = cachedEvaluator(compiled);
  let reads = 0;
  return {
    run(row, table, layouts) {
      reads++;
      try {
        const reading = readRow(row, table, layouts);
        return reading.kind === 'skip' ? reading : { kind: 'resource', reading, evaluation: evaluate(reading.resource) };
      } catch (error) {
        return { kind: 'skip', why: 'error', error };
      }
    },
    get reads() {
      return reads;
    },
  };
}

/**
 * Counts outcomes by verdict into `counts`, and rows read and skipped (with why) into `diagnostics`.
 * A row with no outcome yet counts as skipped, "not read yet".
 */
export function tallyOutcomes(outcomes: Iterable<RowOutcome | undefined>, diagnostics: Diagnostics): Record<Verdict, number> {
  const counts = noCounts();
  diagnostics.rowsRead = 0;
  diagnostics.rowsSkipped = 0;
  diagnostics.skippedReasons = {};
  for (const outcome of outcomes) {
    if (outcome?.kind === 'resource') {
      diagnostics.rowsRead++;
      counts[outcome.evaluation.verdict]++;
    } else countSkip(diagnostics, outcome?.why ?? 'not read yet');
  }
  return counts;
}
