// Time accounting around a contender's callbacks (mutation observer, frame and timer callbacks),
// and the moment its work on a change is complete. The measured code itself is not touched: the
// annotator gets a wrapping scheduler, and its observers are built from a metering subclass.

export interface Completion {
  /** From the change to the end of the work, the forced layout included. */
  wallMs: number;
  /** The same without the wait for the first animation frame (idle for every contender). */
  activeMs: number;
  /** Time inside the contender's own callbacks. */
  busyMs: number;
  /** The forced style and layout at the end. */
  layoutMs: number;
}

interface Armed {
  t0: number;
  forceLayout: () => void;
  resolve: (completion: Completion) => void;
  /** The idle gap before the first frame callback, once it ran. */
  firstFrameGap: number | null;
  busyAtArm: number;
}

export class Meter {
  busyMs = 0;
  calls = 0;
  /** Frame callbacks and zero-delay timeouts run (slices of work). */
  frames = 0;
  slices = 0;
  /** The longest single callback: the contender's own share of any long task. */
  longestCallbackMs = 0;
  /** Mutation records delivered to the contender's observers. */
  records = 0;
  /** The most frames and zero-delay timeouts queued at once: more than one means parallel chains of work. */
  maxPendingWork = 0;
  /** Frames and zero-delay timeouts queued: work on a change that is still to come. */
  pendingWork = 0;
  /** Every callback queued, including deferred bookkeeping (the annotator's 150 ms summary timer). */
  pendingAll = 0;
  private lastEnd = 0;
  private armed: Armed | null = null;

  /** Runs a callback of the contender, counting its time. */
  run<T>(callback: () => T): T {
    const start = performance.now();
    try {
      return callback();
    } finally {
      const end = performance.now();
      this.busyMs += end - start;
      if (end - start > this.longestCallbackMs) this.longestCallbackMs = end - start;
      this.calls++;
      this.lastEnd = end;
    }
  }

  /** Called as a frame callback starts: the time since the last callback was a wait for the frame. */
  frameStarting(): void {
    const armed = this.armed;
    this.frames++;
    if (armed && armed.firstFrameGap === null) armed.firstFrameGap = performance.now() - Math.max(armed.t0, this.lastEnd);
  }

  /** Waits for the contender to finish the work a change (made just before) gave it. */
  arm(t0: number, forceLayout: () => void): Promise<Completion> {
    return new Promise((resolve) => {
      this.lastEnd = t0;
      this.armed = { t0, forceLayout, resolve, firstFrameGap: null, busyAtArm: this.busyMs };
    });
  }

  /** Called where the contender may have finished: completes the armed wait when no work is queued. */
  maybeDone(): void {
    const armed = this.armed;
    if (!armed || this.pendingWork > 0) return;
    this.armed = null;
    const layoutStart = performance.now();
    armed.forceLayout();
    const end = performance.now();
    const wallMs = end - armed.t0;
    armed.resolve({
      wallMs,
      activeMs: wallMs - (armed.firstFrameGap ?? 0),
      busyMs: this.busyMs - armed.busyAtArm + (end - layoutStart),
      layoutMs: end - layoutStart,
    });
  }

  get waiting(): boolean {
    return this.armed !== null;
  }

  resetCounters(): void {
    this.busyMs = 0;
    this.calls = 0;
    this.frames = 0;
    this.slices = 0;
    this.longestCallbackMs = 0;
    this.records = 0;
    this.maxPendingWork = this.pendingWork;
  }

  /** Called whenever the contender queues a frame or a zero-delay timeout. */
  queued(): void {
    if (this.pendingWork > this.maxPendingWork) this.maxPendingWork = this.pendingWork;
  }
}

/** Builds whatever `build` creates with window.MutationObserver replaced by one that meters callbacks. */
export function withMeteredObservers<T>(win: Window & typeof globalThis, meter: Meter, build: () => T): T {
  const Native = win.MutationObserver;
  class MeteredMutationObserver extends Native {
    constructor(callback: MutationCallback) {
      super((records, observer) => {
        meter.records += records.length;
        meter.run(() => callback(records, observer));
        // A few rows are done inside the callbacks themselves, with nothing queued after: checked once
        // every observer of this delivery has run (they run one after another in one microtask).
        queueMicrotask(() => meter.maybeDone());
      });
    }
  }
  win.MutationObserver = MeteredMutationObserver;
  try {
    return build();
  } finally {
    win.MutationObserver = Native;
  }
}
