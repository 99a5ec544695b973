// What is measured, side by side on the same tables:
// - ours: the shipped Annotator, driven as the content script drives it (frames and timeouts);
// - floor: the least any extension must do: read each row's cells' text, put one empty <span> in a cell;
// - naive: the same page code without batching or incremental work: every mutation batch re-reads,
//   re-evaluates and re-badges every row of every table, synchronously.
import { createAnnotator, type AnnotatorOptions, type Timers } from '../../src/annotator/annotator';
import { findResourceTables } from '../../src/page/find-tables';
import { tableRows } from '../../src/page/table-layout';
import { createRowPipeline } from '../../src/page/row-pipeline';
import { annotateRow, clearAll, clearRow } from '../../src/badges/row-annotation';
import { Meter, withMeteredObservers } from './meter';

export type ContenderName = 'ours' | 'floor' | 'naive';

export interface Contender {
  name: ContenderName | 'none';
  meter: Meter;
  start(): void;
  stop(): void;
  /** Rows read since the contender was made. */
  rowReads(): number;
}

/** The annotator with a scheduler that counts what it queues and meters what it runs. */
export function makeOurs(doc: Document, options: AnnotatorOptions): Contender {
  const meter = new Meter();
  const win = doc.defaultView as Window & typeof globalThis;
  const scheduler: Timers = {
    frame(callback) {
      meter.pendingWork++;
      meter.pendingAll++;
      meter.queued();
      win.requestAnimationFrame(() => {
        meter.pendingWork--;
        meter.pendingAll--;
        meter.frameStarting();
        meter.run(callback);
        meter.maybeDone();
      });
    },
    timeout(callback, ms) {
      // The annotator queues its next slice with 0 ms, and its summary for the toolbar with 150 ms.
      const work = ms === 0;
      if (work) meter.pendingWork++;
      meter.pendingAll++;
      meter.queued();
      win.setTimeout(() => {
        if (work) {
          meter.pendingWork--;
          meter.slices++;
        }
        meter.pendingAll--;
        meter.run(callback);
        if (work) meter.maybeDone();
      }, ms);
    },
  };
  const annotator = createAnnotator(doc, options, scheduler);
  return {
    name: 'ours',
    meter,
    // The annotator makes its observers when it starts: those are the metered ones.
    start: () => meter.run(() => withMeteredObservers(win, meter, () => annotator.start())),
    stop: () => annotator.stop(),
    rowReads: () => annotator.rowReads,
  };
}

export const FLOOR_MARK_CLASS = 'bench-floor-mark';
const bodyRowsSelector = '.ti3-table-container > table > tbody > tr';

/** The floor: noticed like ours (an observer, then one frame), then one bare loop over every row. */
export function makeFloor(doc: Document): Contender {
  const meter = new Meter();
  const win = doc.defaultView as Window & typeof globalThis;
  let reads = 0;
  let frameRequested = false;
  let sink = 0;
  const pass = () => {
    for (const row of doc.querySelectorAll(bodyRowsSelector)) {
      reads++;
      const cells = row.children;
      for (let i = 0; i < cells.length; i++) sink += cells[i]!.textContent.length;
      row.querySelector(`.${FLOOR_MARK_CLASS}`)?.remove();
      const mark = doc.createElement('span');
      mark.className = FLOOR_MARK_CLASS;
      cells[3]?.append(mark);
    }
    observer.takeRecords(); // its own spans are not news
  };
  const observer = new win.MutationObserver(() =>
    meter.run(() => {
      if (frameRequested) return;
      frameRequested = true;
      meter.pendingWork++;
      meter.pendingAll++;
      win.requestAnimationFrame(() => {
        frameRequested = false;
        meter.pendingWork--;
        meter.pendingAll--;
        meter.frameStarting();
        meter.run(pass);
        meter.maybeDone();
      });
    }),
  );
  return {
    name: 'floor',
    meter,
    start() {
      observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true, attributes: true });
      meter.run(pass);
    },
    stop() {
      observer.disconnect();
      for (const mark of doc.querySelectorAll(`.${FLOOR_MARK_CLASS}`)) mark.remove();
      if (sink < 0) console.log(sink); // keeps the reads from being optimised away
    },
    rowReads: () => reads,
  };
}

/** Naive: a full re-read and re-evaluation of every row on every mutation batch, with the same engine and badges. */
export function makeNaive(doc: Document, options: AnnotatorOptions): Contender {
  const meter = new Meter();
  const win = doc.defaultView as Window & typeof globalThis;
  let reads = 0;
  const pass = () => {
    const { compiled, words, showAllowed } = options;
    // The shipped row pipeline, new for every pass: nothing is kept from one batch to the next.
    const pipeline = createRowPipeline(compiled);
    for (const table of findResourceTables(doc, options)) {
      for (const row of tableRows(table)) {
        const outcome = pipeline.run(row, table);
        if (outcome.kind === 'skip') {
          clearRow(row);
          continue;
        }
        const { evaluation, reading } = outcome;
        annotateRow(row, { evaluation, words, showBadge: evaluation.verdict !== 'allowed' || showAllowed, anchor: reading.anchor });
      }
    }
    reads += pipeline.reads;
    observer.takeRecords(); // its own badges are not news
  };
  const observer = new win.MutationObserver(() => {
    meter.run(pass);
    meter.maybeDone();
  });
  return {
    name: 'naive',
    meter,
    start() {
      observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true, attributes: true });
      meter.run(pass);
    },
    stop() {
      observer.disconnect();
      clearAll(doc);
    },
    rowReads: () => reads,
  };
}

/** No extension at all: for what the page costs by itself. */
export function makeNone(): Contender {
  return { name: 'none', meter: new Meter(), start() {}, stop() {}, rowReads: () => 0 };
}
