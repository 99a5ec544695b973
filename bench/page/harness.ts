// The in-page side of the benchmark: bundled with the page code it measures (the annotator, the
// engine and the catalog, as the content script ships them) and driven from scripts/bench.ts
// through window.unsubLensBench. Each call runs one measurement and checks the badges it left.
import type { AnnotatorOptions } from '../../src/annotator/annotator';
import { headerNames } from '../../src/console/columns';
import { badgeText } from '../../src/badges/badge-text';
import { catalog } from '../../src/rules/catalog';
import { compileCatalog } from '../../src/rules/engine';
import { defaultSettings } from '../../src/settings/settings';
import { buildConsolePage, churnStep, type ConsolePage } from './console-page';
import { makeFloor, makeNaive, makeNone, makeOurs, type Contender, type ContenderName } from './contenders';
import type { Completion } from './meter';
import { timeLookups } from './lookup-timing';
import { buildTinyTable, rerenderInPlace, replaceRows, type TinyTable } from './tiny-table';
import { verifyTable, type Verification } from './verify';

const longTasks: Array<{ start: number; duration: number }> = [];
try {
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
} catch {
  /* no long task timing in this browser: the report says so */
}

let consolePage: ConsolePage | undefined;
let options: AnnotatorOptions | undefined;

interface Session {
  contender: Contender;
  table: TinyTable | null;
  rows: number;
}
let session: Session | null = null;

const tasks = new MessageChannel();
const taskQueue: Array<() => void> = [];
tasks.port1.onmessage = () => taskQueue.shift()?.();

/** A fresh task, without setTimeout's clamping. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    taskQueue.push(resolve);
    tasks.port2.postMessage(0);
  });
}

function nextFrame(): Promise<number> {
  return new Promise((resolve) => requestAnimationFrame(resolve));
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function forceLayout(): void {
  void document.body.offsetHeight;
}

/** Waits until the contender has nothing queued (its deferred bookkeeping included), then two frames. */
async function idle(contender: Contender): Promise<void> {
  // A 10,000-row table takes about 20 s from insertion to idle on a slow 2-core machine.
  const deadline = performance.now() + 120_000;
  while (contender.meter.pendingAll > 0) {
    if (performance.now() > deadline) throw new Error(`${contender.name} never went idle`);
    await sleep(20);
  }
  await nextFrame();
  await nextFrame();
}

function withDeadline<T>(promise: Promise<T>, what: string, ms = 60_000): Promise<T> {
  return Promise.race([promise, sleep(ms).then(() => Promise.reject(new Error(`${what}: not complete after ${ms} ms`)))]);
}

function make(name: ContenderName | 'none'): Contender {
  if (!options) throw new Error('init() first');
  if (name === 'none') return makeNone();
  if (name === 'ours') return makeOurs(document, options);
  if (name === 'floor') return makeFloor(document);
  return makeNaive(document, options);
}

function requireSession(): Session & { table: TinyTable } {
  if (!session?.table) throw new Error('no table: setup() first');
  return session as Session & { table: TinyTable };
}

function longestTaskSince(t0: number): { longestTaskMs: number; longTasks: number } {
  const after = longTasks.filter((task) => task.start >= t0);
  return { longestTaskMs: Math.max(0, ...after.map((task) => task.duration)), longTasks: after.length };
}

export interface ChangeResult extends Completion {
  /** The console's own change with its style and layout, before the clock starts. */
  consoleMs: number;
  rowReads: number;
  /** Mutation records the annotator's observers received (ours only). */
  records: number;
  /** Frame callbacks and zero-delay timeouts the contender ran for the change. */
  frames: number;
  slices: number;
  /** The most frames and zero-delay timeouts the contender had queued at once. */
  maxPendingWork: number;
  longestCallbackMs: number;
  verification: Verification;
  longestTaskMs: number;
  longTasks: number;
}

/**
 * Makes a change at the start of a frame, then waits for the contender to be done with it. Changing
 * inside a frame callback means the console's own style, layout and paint of the change happen in
 * that frame, before any contender's next frame, and fall in the wait that every figure leaves out.
 */
async function measureChange(change: () => void, body: HTMLTableSectionElement, layoutAtEnd: boolean): Promise<ChangeResult> {
  const { contender } = requireSession();
  await idle(contender);
  await nextFrame();
  // Still inside the frame's callbacks: a frame the contender asks for now is the next one.
  const changeStart = performance.now();
  change();
  forceLayout(); // the console's own layout is not the contender's
  const t0 = performance.now();
  const consoleMs = t0 - changeStart;
  const readsBefore = contender.rowReads();
  contender.meter.resetCounters();
  const done = contender.meter.arm(t0, layoutAtEnd ? forceLayout : () => {});
  const completion = await withDeadline(done, `${contender.name}`);
  const rowReads = contender.rowReads() - readsBefore;
  const { frames, slices, longestCallbackMs, records, maxPendingWork } = contender.meter;
  const verification = verifyTable(body, contender.name);
  await idle(contender);
  await nextFrame();
  return { ...completion, consoleMs, rowReads, records, frames, slices, maxPendingWork, longestCallbackMs, verification, ...longestTaskSince(t0) };
}

const api = {
  init() {
    consolePage = buildConsolePage(document);
    const settings = defaultSettings;
    // What the content script does with the default settings.
    options = {
      compiled: compileCatalog(catalog, { disabledRules: settings.disabledRules, userRules: settings.userRules, lang: 'en' }),
      lang: 'en',
      showAllowed: settings.showAllowed,
      headers: headerNames(settings.extraHeaders),
      words: badgeText.en,
    };
    return {
      userAgent: navigator.userAgent,
      crossOriginIsolated: self.crossOriginIsolated,
      longTaskTiming: PerformanceObserver.supportedEntryTypes.includes('longtask'),
    };
  },

  /** A table of `rows` appears under a running contender; until every row is badged. */
  async firstAnnotation(args: { contender: ContenderName; rows: number; page: number; layoutAtEnd: boolean }): Promise<ChangeResult> {
    if (session) throw new Error('teardown() first');
    const contender = make(args.contender);
    contender.start();
    session = { contender, table: null, rows: args.rows };
    const table = buildTinyTable(document, args.rows, args.page); // the console's work, before the clock starts
    session.table = table;
    try {
      return await measureChange(() => consolePage!.tableSlot.append(table.root), table.body, args.layoutAtEnd);
    } finally {
      api.teardown();
    }
  },

  /** A table of `rows` rows, annotated by a running contender and checked. */
  async setup(args: { contender: ContenderName | 'none'; rows: number }): Promise<Verification> {
    if (session) throw new Error('teardown() first');
    const table = buildTinyTable(document, args.rows, 0);
    consolePage!.tableSlot.append(table.root);
    const contender = make(args.contender);
    session = { contender, table, rows: args.rows };
    contender.start();
    await idle(contender);
    return verifyTable(table.body, contender.name);
  },

  /** Shows another result page, in the same rows or in new ones; until every badge is right again. */
  flipPage(args: { mode: 'in-place' | 'replace'; page: number }): Promise<ChangeResult> {
    const { table, rows } = requireSession();
    const change = args.mode === 'in-place' ? () => rerenderInPlace(table.body, args.page) : () => replaceRows(table.body, rows, args.page);
    return measureChange(change, table.body, true);
  },

  /**
   * One step of a CDK-style virtual scroll over a long list: the rendered rows get the items from
   * `first` on (same <tr>s, new text) and the table a new translateY. Also counts the rows whose marks
   * were wrong when the page could first paint the step (after its mutation callbacks, before any frame).
   */
  async virtualStep(args: { first: number; rowHeight: number }): Promise<ChangeResult & { staleAtPaint: number }> {
    const { table, contender } = requireSession();
    let staleAtPaint = -1;
    const change = () => {
      rerenderInPlace(table.body, 0, args.first);
      (table.body.parentElement as HTMLElement).style.transform = `translateY(${args.first * args.rowHeight}px)`;
      // Queued after the mutation observers' own notification: runs once they have.
      queueMicrotask(() => (staleAtPaint = verifyTable(table.body, contender.name).wrong));
    };
    const result = await measureChange(change, table.body, true);
    return { ...result, staleAtPaint };
  },

  /** `steps` unrelated changes, each in its own task: time in the contender's callbacks and rows it re-read. */
  async churn(args: { steps: number }) {
    const { contender, table } = requireSession();
    await idle(contender);
    contender.meter.resetCounters();
    const readsBefore = contender.rowReads();
    let pageMs = 0;
    const started = performance.now();
    for (let step = 0; step < args.steps; step++) {
      await nextTask();
      const start = performance.now();
      churnStep(document, consolePage!, step);
      pageMs += performance.now() - start;
    }
    const elapsedMs = performance.now() - started;
    await idle(contender);
    await sleep(200); // anything deferred would have run by now
    await idle(contender);
    return {
      steps: args.steps,
      extensionMs: contender.meter.busyMs,
      callbacks: contender.meter.calls,
      rowReads: contender.rowReads() - readsBefore,
      pageMs,
      elapsedMs,
      verification: verifyTable(table.body, contender.name),
    };
  },

  /**
   * What the browser itself charges for touching the table once: one empty <span> put into one cell
   * of the middle row, then a forced layout. No contender's code runs; a floor under any change.
   */
  async relayoutProbe(args: { repeats: number }): Promise<number[]> {
    const { table } = requireSession();
    const rows = table.body.children;
    const times: number[] = [];
    for (let i = 0; i < args.repeats; i++) {
      await nextFrame();
      const cell = rows[Math.floor(rows.length / 2)]!.children[3]!;
      const probe = document.createElement('span');
      const start = performance.now();
      cell.append(probe);
      forceLayout();
      times.push(performance.now() - start);
      probe.remove();
      forceLayout();
    }
    return times;
  },

  /** Stops the contender and takes the table out, as the console does on a route change. */
  teardown() {
    if (!session) return;
    session.contender.stop();
    session.table?.root.remove();
    session = null;
  },

  /** Leaves the route, keeping weak references to the rows and badges to see if anything holds them. */
  leaveRoute() {
    const { table } = requireSession();
    const rows = [...table.body.children].map((row) => new WeakRef(row));
    const badges = [...table.root.querySelectorAll('.unsub-lens-badge, .bench-floor-mark')].map((badge) => new WeakRef(badge));
    const root = new WeakRef(table.root);
    tracked = { rows, badges, root };
    // The content script keeps its annotator across routes; only the table and the work go.
    session!.contender.stop();
    table.root.remove();
    session!.table = null;
    return { rows: rows.length, badges: badges.length };
  },

  /** How many of the rows and badges of the route just left are still alive (call after a garbage collection). */
  retained() {
    const alive = (refs: WeakRef<Element>[]) => refs.filter((ref) => ref.deref() !== undefined).length;
    const result = tracked ? { rows: alive(tracked.rows), badges: alive(tracked.badges), table: tracked.root.deref() !== undefined } : null;
    tracked = null;
    return result;
  },

  endSession() {
    session = null;
  },

  lookups(args: { samples: number }) {
    return timeLookups(catalog, { samples: args.samples, fineClock: self.crossOriginIsolated });
  },
};

let tracked: { rows: WeakRef<Element>[]; badges: WeakRef<Element>[]; root: WeakRef<Element> } | null = null;

export type BenchApi = typeof api;
(window as unknown as { unsubLensBench: BenchApi }).unsubLensBench = api;
