// Keeping the page's badges right while the console changes it: tables that appear late, rows
// re-rendered in place on paging, rows replaced or removed. Mutations are batched into one pass
// per animation frame, reading every changed row first and writing after; the extension's own
// writes are ignored, so it never feeds itself.
import type { Diagnostics, PageSummary, RowSummary } from '../messaging/protocol';
import type { Evaluation, Lang, Verdict } from '../rules/types';
import { evaluateCompiled, evaluationKey, type CompiledCatalog } from '../rules/engine';
import { annotateRow, clearAll, clearRow, isOwnNode } from '../badges/row-annotation';
import {
  componentParts,
  findResourceTables,
  isAriaHeaderRow,
  tableRows,
  type ExtraHeaders,
  type ResourceTable,
  type RowLayoutCache,
} from './find-tables';
import { readRow, type RowReading } from './read-row';
import { anyTableSelector, ariaGridSelector, nativeTableSelector } from './selectors';
import { countSkip, describeTables, emptyDiagnostics, recordError } from './scan';

/** Timers that stop when the extension is updated (the content script passes ctx's). */
export interface Scheduler {
  frame(callback: () => void): void;
  timeout(callback: () => void, ms: number): void;
}

export interface AnnotatorOptions {
  compiled: CompiledCatalog;
  lang: Lang;
  showAllowed: boolean;
  extraHeaders?: ExtraHeaders;
}

interface RowState {
  reading: Extract<RowReading, { kind: 'resource' }>;
  verdict: Verdict;
  rules: string[];
  mainReason: string;
}

/** A batch with more mutations than this is cheaper as one full rescan. */
const BURST_LIMIT = 2000;
/** Work per slice before yielding, under the 50 ms that makes a long task. */
const SLICE_MS = 30;
/**
 * Badges are written once, after the last slice of reading: every write makes the browser lay the
 * table out again. Past this many waiting writes they go in at once, so a huge table fills in as it goes.
 */
const WRITE_BACKLOG = 2500;
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

export class Annotator {
  readonly #doc: Document;
  #options: AnnotatorOptions;
  readonly #schedule: Scheduler;
  readonly #onChange: (blocked: number | null) => void;

  #running = false;
  #tables: ResourceTable[] = [];
  #bodyTables = new Map<Element, ResourceTable>();
  readonly #states = new WeakMap<Element, RowState>();
  /** Why a row is not a resource, for the diagnostics. */
  readonly #skips = new WeakMap<Element, string>();
  readonly #dirty = new Set<Element>();
  /** Badge writes for rows read in earlier slices of this pass. */
  #writes = new Map<Element, () => void>();
  readonly #evaluations = new Map<string, Evaluation>();
  #needsRescan = false;
  #frameRequested = false;
  #sliceRequested = false;
  #changeTimer = false;
  #lastBlocked: number | null = null;
  #diagnostics: Diagnostics = emptyDiagnostics();
  /** Rows read since start, for the benchmark's "re-reads caused by unrelated churn". */
  rowReads = 0;

  readonly #pageObserver: MutationObserver;
  readonly #tableObserver: MutationObserver;

  constructor(doc: Document, options: AnnotatorOptions, schedule: Scheduler, onChange: (blocked: number | null) => void = () => {}) {
    this.#doc = doc;
    this.#options = options;
    this.#schedule = schedule;
    this.#onChange = onChange;
    const View = doc.defaultView!;
    this.#pageObserver = new View.MutationObserver((records) => this.#guard('page', () => this.#onPageMutations(records)));
    this.#tableObserver = new View.MutationObserver((records) => this.#guard('table', () => this.#onTableMutations(records)));
  }

  get isRunning(): boolean {
    return this.#running;
  }

  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#diagnostics = emptyDiagnostics();
    this.rowReads = 0;
    // A light watch over the whole page, only to notice a table appearing or going away.
    this.#pageObserver.observe(this.#doc.documentElement, { childList: true, subtree: true });
    this.#rescan();
    this.#flush();
  }

  /** Takes every badge and attribute off the page and stops watching it. */
  stop(): void {
    if (!this.#running) return;
    this.#running = false;
    this.#pageObserver.disconnect();
    this.#tableObserver.disconnect();
    this.#dirty.clear();
    this.#writes.clear();
    this.#evaluations.clear();
    this.#tables = [];
    this.#bodyTables.clear();
    this.#needsRescan = false;
    clearAll(this.#doc);
    this.#notify(null);
  }

  /** New settings: re-evaluate every row from what was read (columns are re-found when headers change). */
  update(options: AnnotatorOptions): void {
    const headersChanged = JSON.stringify(options.extraHeaders ?? {}) !== JSON.stringify(this.#options.extraHeaders ?? {});
    this.#options = options;
    this.#evaluations.clear();
    if (!this.#running) return;
    if (headersChanged) this.#needsRescan = true;
    else for (const table of this.#tables) for (const row of tableRows(table)) this.#dirty.add(row);
    this.#requestFrame();
  }

  summary(): PageSummary {
    const counts: Record<Verdict, number> = { blocked: 0, caution: 0, allowed: 0 };
    const rows: RowSummary[] = [];
    for (const { state } of this.#trackedRows()) {
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
    return {
      url: this.#doc.location?.href ?? '',
      lang: this.#options.lang,
      counts,
      rows,
      diagnostics: structuredClone(this.#diagnostics),
    };
  }

  /** Scrolls to a row of the summary and flashes it; the badge takes focus for keyboard users. */
  reveal(index: number): boolean {
    let position = 0;
    for (const { row } of this.#trackedRows()) {
      if (position++ !== index) continue;
      row.scrollIntoView({ block: 'center', behavior: 'smooth' });
      // An animation, not a class or style: nothing of the console's markup changes.
      row.animate?.([{ backgroundColor: 'rgba(255, 196, 0, .45)' }, { backgroundColor: 'transparent' }], { duration: 2000 });
      const button = row.querySelector('.unsub-lens-badge')?.shadowRoot?.querySelector('button');
      button?.focus({ preventScroll: true });
      return true;
    }
    return false;
  }

  *#trackedRows(): Generator<{ row: Element; state: RowState }> {
    for (const table of this.#tables)
      for (const row of tableRows(table)) {
        const state = this.#states.get(row);
        if (state && row.hasAttribute('data-unsub-lens')) yield { row, state };
      }
  }

  #guard(where: string, work: () => void): void {
    try {
      work();
    } catch (error) {
      recordError(this.#diagnostics, where, error);
    }
  }

  #rescan(): void {
    const tables = findResourceTables(this.#doc, { extraHeaders: this.#options.extraHeaders });
    this.#tableObserver.disconnect();
    this.#tables = tables;
    this.#bodyTables.clear();
    for (const table of tables) {
      this.#tableObserver.observe(table.root, tableObserverOptions);
      if (table.layout === 'native') this.#bodyTables.set(table.root, table);
      // Every inner table: a body table may still be empty, its rows coming later.
      else if (table.layout !== 'aria') for (const inner of componentParts(table.root)) this.#bodyTables.set(inner, table);
      for (const row of tableRows(table)) this.#dirty.add(row);
    }
    describeTables(tables, this.#diagnostics);
    this.#needsRescan = false;
  }

  #onPageMutations(records: MutationRecord[]): void {
    if (this.#needsRescan) return;
    for (const record of records) {
      if (this.#tables.some((table) => table.root.contains(record.target))) continue; // the table observer has it
      for (const node of record.addedNodes) {
        if (node.nodeType !== 1 || isOwnNode(node)) continue;
        const element = node as Element;
        if (element.matches(anyTableSelector) || element.querySelector(anyTableSelector)) return this.#scheduleRescan();
      }
      for (const node of record.removedNodes) {
        if (node.nodeType === 1 && this.#tables.some((table) => node === table.root || node.contains(table.root)))
          return this.#scheduleRescan();
      }
    }
  }

  #onTableMutations(records: MutationRecord[]): void {
    if (this.#needsRescan) return;
    if (records.length > BURST_LIMIT) return this.#scheduleRescan();
    const before = this.#dirty.size;
    let removed = false;
    for (const record of records) {
      if (record.type === 'childList' && onlyOwnNodes(record)) continue;
      if (this.#inHeader(record.target)) return this.#scheduleRescan();
      const row = this.#owningRow(record.target);
      if (row) this.#dirty.add(row);
      if (record.type !== 'childList') continue;
      for (const node of record.removedNodes) if (node.nodeType === 1 && !isOwnNode(node)) removed = true;
      for (const node of record.addedNodes) {
        if (node.nodeType !== 1) continue;
        const element = node as Element;
        if (this.#isNewBodyTable(element)) return this.#scheduleRescan();
        const added = this.#owningRow(element) ?? undefined;
        if (added) this.#dirty.add(added);
        // A whole <tbody> or block of rows put in at once.
        else for (const inner of element.querySelectorAll('tr, [role="row"]')) {
          const innerRow = this.#owningRow(inner);
          if (innerRow) this.#dirty.add(innerRow);
        }
      }
    }
    if (this.#dirty.size > before) this.#requestFrame();
    // Rows gone: nothing to read, but the counts the toolbar shows have changed.
    else if (removed && !this.#dirty.size) this.#settle();
  }

  /** A <table> put into a component after the scan (its body arriving late) makes the component's rows. */
  #isNewBodyTable(element: Element): boolean {
    const tables = element.matches(nativeTableSelector) ? [element] : [...element.querySelectorAll(nativeTableSelector)];
    return tables.some((table) => !this.#bodyTables.has(table) && this.#tables.some((t) => t.layout !== 'aria' && t.layout !== 'native' && componentParts(t.root).includes(table)));
  }

  #scheduleRescan(): void {
    this.#needsRescan = true;
    this.#requestFrame();
  }

  #inHeader(node: Node): boolean {
    const element = node.nodeType === 1 ? (node as Element) : node.parentElement;
    return Boolean(element?.closest('thead, [role="columnheader"]'));
  }

  /** The data row of one of our tables that holds `node` (not a row of a table nested in a cell). */
  #owningRow(node: Node): Element | null {
    let element: Element | null = node.nodeType === 1 ? (node as Element) : node.parentElement;
    while (element) {
      const row = element.closest('tr, [role="row"]');
      if (!row) return null;
      if (row.tagName === 'TR') {
        const table = row.closest('table');
        if (table && this.#bodyTables.has(table) && row.parentElement?.tagName !== 'THEAD') return row;
      } else {
        const grid = row.closest(ariaGridSelector);
        const owner = this.#tables.find((table) => table.layout === 'aria' && table.root === grid);
        if (owner && !isAriaHeaderRow(row)) return row;
      }
      element = row.parentElement;
    }
    return null;
  }

  #requestFrame(): void {
    if (this.#frameRequested || !this.#running) return;
    this.#frameRequested = true;
    this.#schedule.frame(() => {
      this.#frameRequested = false;
      // A slice already queued takes these rows too: one chain of slices at a time.
      if (!this.#sliceRequested) this.#guard('frame', () => this.#flush());
    });
  }

  #requestSlice(): void {
    if (this.#sliceRequested) return;
    this.#sliceRequested = true;
    this.#schedule.timeout(() => {
      this.#sliceRequested = false;
      this.#guard('slice', () => this.#flush());
    }, 0);
  }

  /** The engine's answer for what a row shows; rows showing the same things share it. */
  #evaluationOf(reading: Extract<RowReading, { kind: 'resource' }>): Evaluation {
    const key = evaluationKey(reading.resource);
    let evaluation = this.#evaluations.get(key);
    if (!evaluation) {
      evaluation = evaluateCompiled(reading.resource, this.#options.compiled);
      if (this.#evaluations.size >= EVALUATION_CACHE) this.#evaluations.clear();
      this.#evaluations.set(key, evaluation);
    }
    return evaluation;
  }

  /** Reads every dirty row, in slices short enough to keep the page responsive, then writes. */
  #flush(): void {
    if (!this.#running) return;
    if (this.#needsRescan) this.#rescan();
    const started = performance.now();
    const { lang, showAllowed } = this.#options;
    const writes = this.#writes;
    const layouts: RowLayoutCache = new WeakMap();
    for (const row of this.#dirty) {
      this.#dirty.delete(row);
      writes.delete(row);
      if (!row.isConnected) continue;
      const table = this.#tableOf(row);
      if (!table) continue;
      try {
        this.rowReads++;
        const reading = readRow(row, table, layouts);
        if (reading.kind === 'skip') {
          this.#states.delete(row);
          this.#skips.set(row, reading.why);
          writes.set(row, () => clearRow(row));
          continue;
        }
        const evaluation = this.#evaluationOf(reading);
        const state: RowState = {
          reading,
          verdict: evaluation.verdict,
          rules: evaluation.reasons.map((reason) => reason.ruleId),
          mainReason: evaluation.reasons[0]?.title ?? '',
        };
        this.#states.set(row, state);
        this.#skips.delete(row);
        const showBadge = evaluation.verdict !== 'allowed' || showAllowed;
        writes.set(row, () => annotateRow(row, { evaluation, lang, showBadge, anchor: reading.anchor }));
      } catch (error) {
        this.#skips.set(row, 'error');
        recordError(this.#diagnostics, 'row', error);
      }
      if (performance.now() - started > SLICE_MS) break;
    }
    if (this.#dirty.size && writes.size < WRITE_BACKLOG) return this.#requestSlice();
    this.#writes = new Map();
    for (const [row, write] of writes) {
      // A row changed again since it was read is read again; a row gone needs nothing.
      if (this.#dirty.has(row) || !row.isConnected) continue;
      try {
        write();
      } catch (error) {
        recordError(this.#diagnostics, 'badge', error);
      }
    }
    if (this.#dirty.size) this.#requestSlice();
    else this.#settle();
  }

  #tableOf(row: Element): ResourceTable | undefined {
    if (row.tagName === 'TR') {
      const table = row.closest('table');
      return table ? this.#bodyTables.get(table) : undefined;
    }
    const grid = row.closest(ariaGridSelector);
    return this.#tables.find((table) => table.root === grid);
  }

  /** Recounts the diagnostics and tells the toolbar, a moment after the page went quiet. */
  #settle(): void {
    if (this.#changeTimer) return;
    this.#changeTimer = true;
    this.#schedule.timeout(() => {
      this.#changeTimer = false;
      if (!this.#running) return;
      this.#guard('summary', () => {
        const diagnostics = this.#diagnostics;
        diagnostics.rowsRead = 0;
        diagnostics.rowsSkipped = 0;
        diagnostics.skippedReasons = {};
        let blocked = 0;
        for (const table of this.#tables)
          for (const row of tableRows(table)) {
            const state = this.#states.get(row);
            if (state) {
              diagnostics.rowsRead++;
              if (state.verdict === 'blocked') blocked++;
            } else {
              countSkip(diagnostics, this.#skips.get(row) ?? 'not read yet');
            }
          }
        this.#notify(blocked);
      });
    }, 150);
  }

  #notify(blocked: number | null): void {
    if (blocked === this.#lastBlocked) return;
    this.#lastBlocked = blocked;
    this.#onChange(blocked);
  }
}

/** Names are for recognizing a row in the popup: a few hundred characters do. */
function shorten(name: string): string {
  return name.length > 200 ? `${name.slice(0, 199)}…` : name;
}

function onlyOwnNodes(record: MutationRecord): boolean {
  const nodes = [...record.addedNodes, ...record.removedNodes];
  return nodes.length > 0 && nodes.every(isOwnNode);
}

