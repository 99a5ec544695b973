// Keeping the page's badges right while the console changes it: tables that appear late, rows
// re-rendered in place on paging or recycled by a virtual scroll, rows replaced or removed. It wires
// three parts: the change tracker says which rows are dirty, the row pipeline reads and evaluates
// them, the pass scheduler says when. A few changed rows are read and badged in the mutation callback
// itself (before the browser paints); more are batched into one pass per animation frame, reading
// every changed row first and writing after. The page summary and the toolbar count come from one
// map of row outcomes, never from the page's markup.
import type { PageSummary, RowDetails, RowSummary } from '../messaging/protocol';
import type { Lang, PageNote, Verdict } from '../rules/types';
import type { CompiledCatalog } from '../rules/engine';
import type { BadgeWords } from '../badges/badge-text';
import type { HeaderNames } from '../console/columns';
import { annotateRow, clearAll, clearRow, focusBadgeIn } from '../badges/row-annotation';
import { findResourceTables } from '../page/find-tables';
import { onFiveDayTab } from '../page/active-tab';
import { createSummaryBar, hiddenBy, markHidden, type RowFilter } from '../badges/summary-bar';
import { watchSelections } from '../badges/batch-warning';
import { tableRows, type RowLayoutCache } from '../page/table-layout';
import { describeTables, emptyDiagnostics, recordError, type Diagnostics } from '../page/diagnostics';
import { createRowPipeline, tallyOutcomes, type ResourceReading, type RowOutcome } from '../page/row-pipeline';
import { createChangeTracker } from './change-tracker';
import { createPassScheduler, type Timers } from './pass-scheduler';

export type { Timers };

export interface AnnotatorOptions {
  compiled: CompiledCatalog;
  lang: Lang;
  showAllowed: boolean;
  /** What names each column, the user's extra header names included (`headerNames` in columns.ts). */
  headers: HeaderNames;
  /** What the badges say, in `lang` (`badgeText[lang]`). */
  words: BadgeWords;
  /** Said on allowed rows while the five-day sub-tab is selected. */
  fiveDayNote?: PageNote;
}

/** What the content script, the tests and the benchmark hold: one annotator per page. */
export interface Annotator {
  readonly isRunning: boolean;
  /** Rows read since start, for the benchmark's "re-reads caused by unrelated churn". */
  readonly rowReads: number;
  start(): void;
  /** Takes every badge and attribute off the page and stops watching it. */
  stop(): void;
  /** New settings: re-evaluate every row from what was read (columns are re-found when headers change). */
  update(options: AnnotatorOptions): void;
  summary(): PageSummary;
  /** Scrolls to a row of the summary and flashes it; the badge takes focus for keyboard users. */
  reveal(index: number): boolean;
  /** Shows only `verdict`'s rows (the popup's counts), or all of them; false when not badging. */
  filterRows(verdict: Verdict | null): boolean;
}

/** Reading per slice before yielding, and reading and writing together: well under the 50 ms of a long task. */
const SLICE_MS = 25;
const WRITE_UNTIL_MS = 35;
/**
 * Badges are written once, after the last slice of reading: every write makes the browser lay the
 * table out again. Past this many waiting writes they go in, a slice at a time, so a huge table fills in
 * as it goes.
 */
const WRITE_BACKLOG = 2500;
/**
 * Up to this many changed rows are read and badged in the mutation callback itself, before the browser
 * paints: a virtual scroll recycles a <tr> for another resource, and its old badge must not show for
 * a frame. More rows than this wait for the next frame, batched.
 */
const SYNC_ROWS = 200;

/** What exists while the annotator runs; dropped whole on stop, so nothing of the page stays. */
interface Run {
  /** Every row that came to a resource, in table order. */
  resourceRows(): Generator<{ row: Element; outcome: ResourceOutcome }>;
  readonly diagnostics: Diagnostics;
  readonly reads: number;
  /** New settings: rows are read again (tables found again when `rescan`). */
  update(next: AnnotatorOptions, rescan: boolean): void;
  stop(): void;
  readonly filter: RowFilter;
  setFilter(filter: RowFilter): void;
}

type ResourceOutcome = Extract<RowOutcome, { kind: 'resource' }>;

export function createAnnotator(
  doc: Document,
  initialOptions: AnnotatorOptions,
  timers: Timers,
  onChange: (blocked: number | null) => void = () => {},
): Annotator {
  let options = initialOptions;
  let run: Run | undefined;
  let lastBlocked: number | null = null;
  const notify = (blocked: number | null) => {
    if (blocked === lastBlocked) return;
    lastBlocked = blocked;
    onChange(blocked);
  };

  return {
    get isRunning() {
      return run !== undefined;
    },
    get rowReads() {
      return run?.reads ?? 0;
    },
    start() {
      run ??= startRun(doc, options, timers, notify);
    },
    stop() {
      if (!run) return;
      run.stop();
      run = undefined;
      clearAll(doc);
      notify(null);
    },
    update(next) {
      const headersChanged = JSON.stringify(next.headers) !== JSON.stringify(options.headers);
      options = next;
      run?.update(next, headersChanged);
    },
    summary() {
      const outcomes = run ? [...run.resourceRows()].map(({ outcome }) => outcome) : [];
      const rows: RowSummary[] = outcomes.map(({ reading, evaluation }, index) => ({
        index,
        resource: shorten(reading.name),
        product: reading.product,
        verdict: evaluation.verdict,
        rules: evaluation.reasons.map((reason) => reason.ruleId),
        mainReason: evaluation.reasons[0]?.title ?? '',
        key: reading.key,
        details: detailsOf(reading),
        reasons: evaluation.reasons.map((reason) => reason.title),
      }));
      const counts = tallyOutcomes(outcomes, emptyDiagnostics());
      const diagnostics = structuredClone(run?.diagnostics ?? emptyDiagnostics());
      return { url: doc.location?.href ?? '', lang: options.lang, counts, rows, diagnostics, filter: run?.filter ?? null };
    },
    filterRows(verdict) {
      run?.setFilter(verdict);
      return Boolean(run);
    },
    reveal(index) {
      let position = 0;
      for (const { row } of run?.resourceRows() ?? []) {
        if (position++ !== index) continue;
        row.scrollIntoView({ block: 'center', behavior: 'smooth' });
        // An animation, not a class or style: nothing of the console's markup changes.
        row.animate?.([{ backgroundColor: 'rgba(255, 196, 0, .45)' }, { backgroundColor: 'transparent' }], { duration: 2000 });
        focusBadgeIn(row);
        return true;
      }
      return false;
    },
  };
}

/**
 * Starts watching and badging the page: every table is found and its rows read at once. A closure,
 * not a class: its state is local variables, which the minifier shortens (the content script is
 * parsed on every visit to the console).
 */
// eslint-disable-next-line max-lines-per-function -- a closure for the same reason as the annotator: its state stays local variables the minifier shortens; the pass inside is ~40 lines
function startRun(doc: Document, initial: AnnotatorOptions, timers: Timers, notify: (blocked: number) => void): Run {
  let options = initial;
  const controller = new AbortController();
  const diagnostics = emptyDiagnostics();
  /** What each row came to: the one source of the summary, the exports and the toolbar count. */
  const outcomes = new WeakMap<Element, RowOutcome>();
  /** Badge writes for rows read in earlier slices of this pass. */
  const writes = new Map<Element, () => void>();
  let pipeline = createRowPipeline(options.compiled);
  /** Reads by the pipelines of earlier settings. */
  let earlierReads = 0;
  const guard = (where: string, work: () => void) => {
    try {
      work();
    } catch (error) {
      recordError(diagnostics, where, error);
    }
  };
  const tracker = createChangeTracker(doc, {
    changed() {
      // A few rows are badged before the browser paints; a slice already queued takes these rows too.
      if (!tracker.needsRescan && tracker.dirty.size <= SYNC_ROWS && !passes.sliceQueued) guard('table', pass);
      else passes.frame();
    },
    removed: () => passes.settle(),
    error: (where, error) => recordError(diagnostics, where, error),
  });
  const passes = createPassScheduler(timers, controller.signal, {
    pass: () => guard('pass', pass),
    settle: () =>
      guard('summary', () => {
        const tally = tallyOutcomes(tableOutcomes(), diagnostics);
        notify(tally.blocked);
        guard('bar', () => showBar(tally));
      }),
  });
  const tableOutcomes = () => tracker.tables.flatMap((table) => tableRows(table).map((row) => outcomes.get(row)));

  // The bar above the first table; its filter hides the allowed rows of every table.
  let filter: RowFilter = null;
  const isHidden = (outcome: RowOutcome | undefined) => outcome?.kind === 'resource' && hiddenBy(filter, outcome.evaluation.verdict);
  const bar = createSummaryBar(doc, (next) => {
    filter = next;
    for (const table of tracker.tables) for (const row of tableRows(table)) guard('bar', () => markHidden(row, isHidden(outcomes.get(row))));
  });
  // A ticked row that will be refused says so under its badge.
  const stopWarnings = watchSelections(doc, (row) => {
    const outcome = outcomes.get(row);
    if (outcome?.kind !== 'resource') return undefined;
    const { verdict, reasons } = outcome.evaluation;
    if (verdict !== 'blocked' && verdict !== 'elsewhere') return undefined;
    return { label: options.words.refusedInBatch[verdict], reason: reasons[0]?.title ?? '' };
  });
  const showBar = (tally: Record<Verdict, number>) => {
    const first = tracker.tables[0];
    if (first && diagnostics.rowsRead > 0) bar.show(first.root, tally, options.words);
    else bar.remove();
  };

  /** Reads every dirty row, in slices short enough to keep the page responsive, then writes the badges. */
  function pass(): void {
    if (controller.signal.aborted) return;
    const started = performance.now();
    const elapsed = () => performance.now() - started;
    if (tracker.needsRescan) {
      const tables = findResourceTables(doc, options);
      tracker.track(tables);
      describeTables(tables, diagnostics);
    }
    // Finding tables on a huge page is a slice's work of its own: read in the next one.
    if (elapsed() > SLICE_MS) return passes.slice();
    const { words, showAllowed } = options;
    // On the five-day sub-tab an allowed row can be unsubscribed in full: its badge says so.
    const fiveDay = options.fiveDayNote && onFiveDayTab(doc) ? [options.fiveDayNote] : undefined;
    const layouts: RowLayoutCache = new WeakMap();
    for (const [row, table] of tracker.dirty) {
      tracker.dirty.delete(row);
      writes.delete(row);
      if (!row.isConnected || !tracker.tables.includes(table)) continue;
      const outcome = pipeline.run(row, table, layouts);
      // The first row read under a cell spanning rows: from now on a change anywhere re-reads the table.
      if (!tracker.isSpanned(table) && layouts.get(row.parentElement!)) tracker.noteSpanned(table);
      outcomes.set(row, outcome);
      if (outcome.kind === 'resource') {
        const { reading } = outcome;
        const evaluation = fiveDay && outcome.evaluation.verdict === 'allowed' ? { ...outcome.evaluation, notes: fiveDay } : outcome.evaluation;
        const showBadge = evaluation.verdict !== 'allowed' || showAllowed || Boolean(evaluation.notes);
        writes.set(row, () => {
          annotateRow(row, { evaluation, words, showBadge, anchor: reading.anchor });
          markHidden(row, isHidden(outcome));
        });
      } else if (outcome.why === 'error') recordError(diagnostics, 'row', outcome.error);
      else writes.set(row, () => clearRow(row));
      if (elapsed() > SLICE_MS) break;
    }
    if (tracker.dirty.size && writes.size < WRITE_BACKLOG) return passes.slice();
    for (const [row, write] of writes) {
      if (elapsed() > WRITE_UNTIL_MS) break;
      writes.delete(row);
      // A row changed again since it was read is read again; a row gone needs nothing.
      if (!tracker.dirty.has(row) && row.isConnected) guard('badge', write);
    }
    if (tracker.dirty.size || writes.size) passes.slice();
    else passes.settle();
  }

  guard('pass', pass);
  return {
    *resourceRows() {
      for (const table of tracker.tables)
        for (const row of tableRows(table)) {
          const outcome = outcomes.get(row);
          if (outcome?.kind === 'resource') yield { row, outcome };
        }
    },
    diagnostics,
    get filter() {
      return bar.filter;
    },
    setFilter: (next) => bar.setFilter(next),
    get reads() {
      return earlierReads + pipeline.reads;
    },
    update(next, rescan) {
      options = next;
      earlierReads += pipeline.reads;
      pipeline = createRowPipeline(next.compiled);
      if (rescan) tracker.rescanSoon();
      else tracker.markAll();
      passes.frame();
    },
    stop() {
      controller.abort();
      tracker.stop();
      bar.remove();
      stopWarnings();
    },
  };
}

/** What a row shows besides its verdict, for the exports: only what is there. */
function detailsOf(reading: ResourceReading): RowDetails {
  const { region, billingMode, expiry, status } = reading.resource;
  const all = {
    resourceId: reading.resourceId,
    orderNo: reading.orderNo,
    region,
    billingMode,
    expiry,
    status,
    enterpriseProject: reading.enterpriseProject,
  };
  return Object.fromEntries(Object.entries(all).filter(([, value]) => value));
}

/** Names are for recognizing a row in the popup: a few hundred characters do. */
function shorten(name: string): string {
  return name.length > 200 ? `${name.slice(0, 199)}…` : name;
}
