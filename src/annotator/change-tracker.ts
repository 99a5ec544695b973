// Which rows of the page's resource tables need reading again. Two observers: a light one over the
// whole page, only to notice a table appearing or going away, and one per resource table for the
// changes that can change what a row shows. The extension's own writes are ignored, so it never feeds
// itself; header changes that keep the header's text (a sort arrow, a select-all box) change nothing.
import { anyTableSelector, ariaGridSelector, headerSectionSelector, nativeTableSelector, rowSelector } from '../console/selectors';
import { isOwnNode } from '../badges/row-annotation';
import { headerChanged, isPartOf } from '../page/find-tables';
import type { ResourceTable } from '../page/resource-table';
import { isAriaHeaderRow, tableRows } from '../page/table-layout';

export interface ChangeTracker {
  /** The tables being watched: those of the last scan. */
  readonly tables: readonly ResourceTable[];
  /** Rows to read, with the table they belong to. */
  readonly dirty: Map<Element, ResourceTable>;
  /** The tables must be found again: one appeared or went away, or what a header says changed. */
  readonly needsRescan: boolean;
  /** Watches these tables from now on (they come from a new scan): all their rows are dirty. */
  track(tables: ResourceTable[]): void;
  markTable(table: ResourceTable): void;
  markAll(): void;
  rescanSoon(): void;
  /** A row was read under a cell spanning rows: from now on a change anywhere in the table re-reads it all. */
  noteSpanned(table: ResourceTable): void;
  isSpanned(table: ResourceTable): boolean;
  stop(): void;
}

export interface ChangeEvents {
  /** Rows became dirty, or the tables need finding again. */
  changed(): void;
  /** Rows went away and none became dirty: nothing to read, but the counts have changed. */
  removed(): void;
  /** An observer callback threw: the page is never disturbed, the error goes to the diagnostics. */
  error(where: string, error: unknown): void;
}

/** A batch with more mutations than this is cheaper as one full rescan. */
const BURST_LIMIT = 2000;

const tableObserverOptions: MutationObserverInit = {
  childList: true,
  subtree: true,
  characterData: true,
  attributes: true,
  // Only what can change a reading; our own data-unsub-lens attributes are not in the list.
  attributeFilter: ['class', 'disabled', 'aria-disabled', 'title', 'data-tooltip', 'colspan', 'rowspan'],
};

// eslint-disable-next-line max-lines-per-function -- a closure whose state (tables, dirty rows) its two observer callbacks share; each inner function is short
export function createChangeTracker(doc: Document, events: ChangeEvents): ChangeTracker {
  let tables: ResourceTable[] = [];
  /** The inner <table>s whose rows are ours, and their table. */
  const bodyTables = new Map<Element, ResourceTable>();
  const dirty = new Map<Element, ResourceTable>();
  /** Tables with cells spanning rows: a change to one row may change what the rows below show. */
  const spanned = new Set<ResourceTable>();
  /** Nothing is found yet: the first pass scans. */
  let needsRescan = true;

  const guarded = (where: string, work: (records: MutationRecord[]) => void) => (records: MutationRecord[]) => {
    try {
      work(records);
    } catch (error) {
      events.error(where, error);
    }
  };
  const View = doc.defaultView!;
  const pageObserver = new View.MutationObserver(guarded('page', onPageMutations));
  const tableObserver = new View.MutationObserver(guarded('table', onTableMutations));
  pageObserver.observe(doc.documentElement, { childList: true, subtree: true });

  const markTable = (table: ResourceTable) => {
    for (const row of tableRows(table)) dirty.set(row, table);
  };
  const rescanSoon = () => {
    needsRescan = true;
    events.changed();
  };

  function onPageMutations(records: MutationRecord[]): void {
    if (needsRescan) return;
    for (const record of records) {
      if (tables.some((table) => table.root.contains(record.target))) continue; // the table observer has it
      for (const node of record.addedNodes) {
        if (node.nodeType !== 1 || isOwnNode(node)) continue;
        const element = node as Element;
        if (element.matches(anyTableSelector) || element.querySelector(anyTableSelector)) return rescanSoon();
      }
      for (const node of record.removedNodes)
        if (node.nodeType === 1 && tables.some((table) => node === table.root || node.contains(table.root))) return rescanSoon();
    }
  }

  function onTableMutations(records: MutationRecord[]): void {
    if (needsRescan) return;
    if (records.length > BURST_LIMIT) return rescanSoon();
    const before = dirty.size;
    let removed = false;
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
        if (headerChanged(table)) return rescanSoon();
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
        if (isNewBodyTable(element)) return rescanSoon();
        // A whole <tbody> or block of rows put in at once.
        if (!mark(element)) for (const inner of element.querySelectorAll(rowSelector)) mark(inner);
      }
    }
    reread.forEach(markTable);
    if (dirty.size > before) events.changed();
    else if (removed && !dirty.size) events.removed();
  }

  /** Marks the data row that holds `node` dirty, if it is a row of ours. */
  function mark(node: Node): [Element, ResourceTable] | undefined {
    const owned = owningRow(node);
    if (owned) dirty.set(...owned);
    return owned;
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

  /** A <table> put into a component after the scan (its body arriving late) makes the component's rows. */
  function isNewBodyTable(element: Element): boolean {
    const inner = element.matches(nativeTableSelector) ? [element] : [...element.querySelectorAll(nativeTableSelector)];
    return inner.some((table) => !bodyTables.has(table) && tables.some((t) => isPartOf(t, table)));
  }

  return {
    get tables() {
      return tables;
    },
    dirty,
    get needsRescan() {
      return needsRescan;
    },
    track(found) {
      tables = found;
      tableObserver.disconnect();
      bodyTables.clear();
      spanned.clear();
      for (const table of tables) {
        tableObserver.observe(table.root, tableObserverOptions);
        // Every inner table: a body table may still be empty, its rows coming later.
        for (const inner of table.parts) bodyTables.set(inner, table);
      }
      tables.forEach(markTable);
      needsRescan = false;
    },
    markTable,
    markAll: () => tables.forEach(markTable),
    rescanSoon,
    noteSpanned(table) {
      spanned.add(table);
      markTable(table);
    },
    isSpanned: (table) => spanned.has(table),
    stop() {
      pageObserver.disconnect();
      tableObserver.disconnect();
      // Nothing of the page is kept after leaving: rows, tables, and tables with cells spanning rows.
      tables = [];
      bodyTables.clear();
      dirty.clear();
      spanned.clear();
      needsRescan = false;
    },
  };
}

function elementOf(node: Node): Element | null {
  return node.nodeType === 1 ? (node as Element) : node.parentElement;
}

function inHeader(node: Node): boolean {
  return Boolean(elementOf(node)?.closest(headerSectionSelector));
}

function onlyOwnNodes(record: MutationRecord): boolean {
  const nodes = [...record.addedNodes, ...record.removedNodes];
  return nodes.length > 0 && nodes.every(isOwnNode);
}
