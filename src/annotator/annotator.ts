// Keeping the page's badges right while the console changes it: tables that appear late, rows
// re-rendered in place on paging or recycled by a virtual scroll, rows replaced or removed. A few
// changed rows are read and badged in the mutation callback itself (before the browser paints);
// more are batched into one pass per animation frame, reading every changed row first and writing
// after. The extension's own writes are ignored, so it never feeds itself.
import type { Diagnostics, PageSummary, RowSummary } from '../messaging/protocol';
import type { Evaluation, Lang, Verdict } from '../rules/types';
import { evaluateCompiled, evaluationKey, type CompiledCatalog } from '../rules/engine';
import { annotateRow, clearAll, clearRow, focusBadgeIn, isOwnNode } from '../badges/row-annotation';
import type { BadgeWords } from '../badges/badge-text';
import {
  findResourceTables,
  headerChanged,
  isPartOf,
  isAriaHeaderRow,
  tableRows,
  type ResourceTable,
  type RowLayoutCache,
} from '../page/find-tables';
import type { HeaderNames } from '../console/columns';
import { readRow, type RowReading } from '../page/read-row';
import { anyTableSelector, ariaGridSelector, headerSectionSelector, nativeTableSelector, rowSelector } from '../console/selectors';
import { countSkip, describeTables, emptyDiagnostics, recordError } from '../page/scan';

/** Timers that stop when the extension is updated (the content script passes ctx's). */
export interface Scheduler {
  frame(callback: () => void): void;
  timeout(callback: () => void, ms: number): void;
}

export interface AnnotatorOptions {
  compiled: CompiledCatalog;
  lang: Lang;
  showAllowed: boolean;
  /** What names each column, the user's extra header names included (`headerNames` in columns.ts). */
  headers: HeaderNames;
  /** What the badges say, in `lang` (`badgeText[lang]`). */
  words: BadgeWords;
}

interface RowState {
  reading: Extract<RowReading, { kind: 'resource' }>;
  verdict: Verdict;
  rules: string[];
  mainReason: string;
}

/** A batch with more mutations than this is cheaper as one full rescan. */
const BURST_LIMIT = 2000;
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
/** Rows often show the same thing (same product, mode and status): evaluations are kept for reuse. */
const EVALUATION_CACHE = 2000;

const tableObserverOptions: MutationObserverInit = {
  childList: true,
  subtree: true,
  characterData: true,
  attributes: true,
  // Only what can change a reading; our own data-unsub-lens attributes are not in the list.
  attributeFilter: ['class', 'disabled', 'aria-disabled', 'title', 'data-tooltip', 'colspan', 'rowspan'],
};

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
}

// A closure rather than a class: its state is local variables, which the minifier shortens, and
// the content script is parsed on every visit to the console.
export function createAnnotator(
  doc: Document,
  initialOptions: AnnotatorOptions,
  schedule: Scheduler,
  onChange: (blocked: number | null) => void = () => {},
): Annotator {
  let options = initialOptions;
  let running = false;
  let tables: ResourceTable[] = [];
  /** The inner <table>s whose rows are ours, and their table. */
  const bodyTables = new Map<Element, ResourceTable>();
  /** What each row was read as: the summary, the exports and the toolbar count come from here, never from the page's markup. */
  let states = new WeakMap<Element, RowState>();
  /** Why a row is not a resource, for the diagnostics. */
  const skips = new WeakMap<Element, string>();
  /** Rows to read, with the table they belong to. */
  const dirty = new Map<Element, ResourceTable>();
  /** Badge writes for rows read in earlier slices of this pass. */
  const writes = new Map<Element, () => void>();
  const evaluations = new Map<string, Evaluation>();
  /** Tables with cells spanning rows: a change to one row may change what the rows below show. */
  let spanned = new Set<ResourceTable>();
  let needsRescan = false;
  let frameRequested = false;
  let sliceRequested = false;
  let changeTimer = false;
  let lastBlocked: number | null = null;
  let diagnostics: Diagnostics = emptyDiagnostics();
  let rowReads = 0;

  const guard = (where: string, work: () => void): void => {
    try {
      work();
    } catch (error) {
      recordError(diagnostics, where, error);
    }
  };
  const View = doc.defaultView!;
  const pageObserver = new View.MutationObserver((records) => guard('page', () => onPageMutations(records)));
  const tableObserver = new View.MutationObserver((records) => guard('table', () => onTableMutations(records)));

  const markTable = (table: ResourceTable) => {
    for (const row of tableRows(table)) dirty.set(row, table);
  };
  const markAll = () => tables.forEach(markTable);

  function* trackedRows(): Generator<{ row: Element; state: RowState }> {
    for (const table of tables)
      for (const row of tableRows(table)) {
        // Not the row's data-unsub-lens: a page that removes or rewrites it cannot hide a blocked row.
        const state = states.get(row);
        if (state) yield { row, state };
      }
  }

  function rescan(): void {
    tables = findResourceTables(doc, options);
    tableObserver.disconnect();
    bodyTables.clear();
    for (const table of tables) {
      tableObserver.observe(table.root, tableObserverOptions);
      // Every inner table: a body table may still be empty, its rows coming later.
      for (const inner of table.parts) bodyTables.set(inner, table);
    }
    spanned = new Set();
    markAll();
    describeTables(tables, diagnostics);
    needsRescan = false;
  }

  function onPageMutations(records: MutationRecord[]): void {
    if (needsRescan) return;
    for (const record of records) {
      if (tables.some((table) => table.root.contains(record.target))) continue; // the table observer has it
      for (const node of record.addedNodes) {
        if (node.nodeType !== 1 || isOwnNode(node)) continue;
        const element = node as Element;
        if (element.matches(anyTableSelector) || element.querySelector(anyTableSelector)) return scheduleRescan();
      }
      for (const node of record.removedNodes)
        if (node.nodeType === 1 && tables.some((table) => node === table.root || node.contains(table.root))) return scheduleRescan();
    }
  }

  function onTableMutations(records: MutationRecord[]): void {
    if (needsRescan) return;
    if (records.length > BURST_LIMIT) return scheduleRescan();
    const before = dirty.size;
    let removed = false;
    const mark = (node: Node) => {
      const owned = owningRow(node);
      if (owned) dirty.set(...owned);
      return owned;
    };
    const reread = new Set<ResourceTable>();
    const checkedHeaders = new Set<ResourceTable>();
    for (const record of records) {
      if (record.type === 'childList' && onlyOwnNodes(record)) continue;
      // A header's text names the columns; its classes and states (sorting, a select-all box) do not.
      if (inHeader(record.target)) {
        if (record.type === 'attributes') continue;
        const table = tables.find((t) => t.root.contains(record.target));
        if (!table || checkedHeaders.has(table)) continue;
        checkedHeaders.add(table);
        if (headerChanged(table)) return scheduleRescan();
        continue;
      }
      const owned = mark(record.target);
      // Only tables with cells spanning rows need the table itself (a row removed has no owning row).
      if (spanned.size) {
        const table = owned?.[1] ?? bodyTables.get(elementOf(record.target)?.closest(nativeTableSelector) as Element);
        if (table && spanned.has(table)) reread.add(table);
      }
      if (record.type !== 'childList') continue;
      for (const node of record.removedNodes) if (node.nodeType === 1 && !isOwnNode(node)) removed = true;
      for (const node of record.addedNodes) {
        if (node.nodeType !== 1) continue;
        const element = node as Element;
        if (isNewBodyTable(element)) return scheduleRescan();
        // A whole <tbody> or block of rows put in at once.
        if (!mark(element)) for (const inner of element.querySelectorAll(rowSelector)) mark(inner);
      }
    }
    reread.forEach(markTable);
    if (dirty.size > before) {
      if (dirty.size <= SYNC_ROWS && !sliceRequested && running) flush();
      else requestFrame();
    }
    // Rows gone: nothing to read, but the counts the toolbar shows have changed.
    else if (removed && !dirty.size) settle();
  }

  /** A <table> put into a component after the scan (its body arriving late) makes the component's rows. */
  function isNewBodyTable(element: Element): boolean {
    const inner = element.matches(nativeTableSelector) ? [element] : [...element.querySelectorAll(nativeTableSelector)];
    return inner.some((table) => !bodyTables.has(table) && tables.some((t) => isPartOf(t, table)));
  }

  function scheduleRescan(): void {
    needsRescan = true;
    requestFrame();
  }

  function inHeader(node: Node): boolean {
    return Boolean(elementOf(node)?.closest(headerSectionSelector));
  }

  /** The data row of one of our tables that holds `node` (not a row of a table nested in a cell), and its table. */
  function owningRow(node: Node): [Element, ResourceTable] | undefined {
    let element = elementOf(node);
    while (element) {
      const row = element.closest(rowSelector);
      if (!row) return undefined;
      if (row.tagName === 'TR') {
        const table = bodyTables.get(row.closest(nativeTableSelector)!);
        if (table && row.parentElement?.tagName !== 'THEAD') return [row, table];
      } else {
        const grid = row.closest(ariaGridSelector);
        const table = tables.find((t) => t.layout === 'aria' && t.root === grid);
        if (table && !isAriaHeaderRow(row)) return [row, table];
      }
      element = row.parentElement;
    }
    return undefined;
  }

  function requestFrame(): void {
    if (frameRequested || !running) return;
    frameRequested = true;
    schedule.frame(() => {
      frameRequested = false;
      // A slice already queued takes these rows too: one chain of slices at a time.
      if (!sliceRequested) guard('frame', flush);
    });
  }

  function requestSlice(): void {
    if (sliceRequested) return;
    sliceRequested = true;
    schedule.timeout(() => {
      sliceRequested = false;
      guard('slice', flush);
    }, 0);
  }

  /** The engine's answer for what a row shows; rows showing the same things share it. */
  function evaluationOf(reading: Extract<RowReading, { kind: 'resource' }>): Evaluation {
    const key = evaluationKey(reading.resource);
    let evaluation = evaluations.get(key);
    if (!evaluation) {
      evaluation = evaluateCompiled(reading.resource, options.compiled);
      if (evaluations.size >= EVALUATION_CACHE) evaluations.clear();
      evaluations.set(key, evaluation);
    }
    return evaluation;
  }

  /** Reads every dirty row, in slices short enough to keep the page responsive, then writes. */
  function flush(): void {
    if (!running) return;
    const started = performance.now();
    if (needsRescan) rescan();
    // Finding tables on a huge page is a slice's work of its own: read in the next one.
    if (performance.now() - started > SLICE_MS) return requestSlice();
    const { words, showAllowed } = options;
    const layouts: RowLayoutCache = new WeakMap();
    for (const [row, table] of dirty) {
      dirty.delete(row);
      writes.delete(row);
      if (!row.isConnected || !tables.includes(table)) continue;
      try {
        rowReads++;
        const reading = readRow(row, table, layouts);
        // The first row read under a cell spanning rows: from now on a change anywhere re-reads the table.
        if (!spanned.has(table) && layouts.get(row.parentElement!)) {
          spanned.add(table);
          markTable(table);
        }
        if (reading.kind === 'skip') {
          states.delete(row);
          skips.set(row, reading.why);
          writes.set(row, () => clearRow(row));
          continue;
        }
        const evaluation = evaluationOf(reading);
        states.set(row, {
          reading,
          verdict: evaluation.verdict,
          rules: evaluation.reasons.map((reason) => reason.ruleId),
          mainReason: evaluation.reasons[0]?.title ?? '',
        });
        skips.delete(row);
        const showBadge = evaluation.verdict !== 'allowed' || showAllowed;
        writes.set(row, () => annotateRow(row, { evaluation, words, showBadge, anchor: reading.anchor }));
      } catch (error) {
        skips.set(row, 'error');
        recordError(diagnostics, 'row', error);
      }
      if (performance.now() - started > SLICE_MS) break;
    }
    if (dirty.size && writes.size < WRITE_BACKLOG) return requestSlice();
    for (const [row, write] of writes) {
      if (performance.now() - started > WRITE_UNTIL_MS) break;
      writes.delete(row);
      // A row changed again since it was read is read again; a row gone needs nothing.
      if (!dirty.has(row) && row.isConnected) guard('badge', write);
    }
    if (dirty.size || writes.size) requestSlice();
    else settle();
  }

  /** Recounts the diagnostics and tells the toolbar, a moment after the page went quiet. */
  function settle(): void {
    if (changeTimer) return;
    changeTimer = true;
    schedule.timeout(() => {
      changeTimer = false;
      if (!running) return;
      guard('summary', () => {
        diagnostics.rowsRead = 0;
        diagnostics.rowsSkipped = 0;
        diagnostics.skippedReasons = {};
        let blocked = 0;
        for (const table of tables)
          for (const row of tableRows(table)) {
            const state = states.get(row);
            if (state) {
              diagnostics.rowsRead++;
              if (state.verdict === 'blocked') blocked++;
            } else {
              countSkip(diagnostics, skips.get(row) ?? 'not read yet');
            }
          }
        notify(blocked);
      });
    }, 150);
  }

  function notify(blocked: number | null): void {
    if (blocked === lastBlocked) return;
    lastBlocked = blocked;
    onChange(blocked);
  }

  return {
    get isRunning() {
      return running;
    },
    get rowReads() {
      return rowReads;
    },
    start() {
      if (running) return;
      running = true;
      diagnostics = emptyDiagnostics();
      rowReads = 0;
      // A light watch over the whole page, only to notice a table appearing or going away.
      pageObserver.observe(doc.documentElement, { childList: true, subtree: true });
      rescan();
      flush();
    },
    stop() {
      if (!running) return;
      running = false;
      pageObserver.disconnect();
      tableObserver.disconnect();
      dirty.clear();
      writes.clear();
      evaluations.clear();
      tables = [];
      bodyTables.clear();
      // Nothing of the page is kept after leaving: readings, and tables with cells spanning rows.
      states = new WeakMap();
      spanned = new Set();
      needsRescan = false;
      clearAll(doc);
      notify(null);
    },
    update(next) {
      const headersChanged = JSON.stringify(next.headers) !== JSON.stringify(options.headers);
      options = next;
      evaluations.clear();
      if (!running) return;
      if (headersChanged) needsRescan = true;
      else markAll();
      requestFrame();
    },
    summary() {
      const counts: Record<Verdict, number> = { blocked: 0, caution: 0, allowed: 0 };
      const rows: RowSummary[] = [];
      for (const { state } of trackedRows()) {
        counts[state.verdict]++;
        rows.push({
          index: rows.length,
          resource: shorten(state.reading.name),
          product: state.reading.product,
          verdict: state.verdict,
          rules: state.rules,
          mainReason: state.mainReason,
        });
      }
      return { url: doc.location?.href ?? '', lang: options.lang, counts, rows, diagnostics: structuredClone(diagnostics) };
    },
    reveal(index) {
      let position = 0;
      for (const { row } of trackedRows()) {
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

function elementOf(node: Node): Element | null {
  return node.nodeType === 1 ? (node as Element) : node.parentElement;
}

/** Names are for recognizing a row in the popup: a few hundred characters do. */
function shorten(name: string): string {
  return name.length > 200 ? `${name.slice(0, 199)}…` : name;
}

function onlyOwnNodes(record: MutationRecord): boolean {
  const nodes = [...record.addedNodes, ...record.removedNodes];
  return nodes.length > 0 && nodes.every(isOwnNode);
}

