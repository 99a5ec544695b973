// When the annotator's pass runs: in the next animation frame after a change, again after yielding to
// the page while work is left (a zero-delay timeout, one chain of slices at a time), and a summary a
// moment after the page went quiet. Nothing runs once `signal` is aborted (leaving the route, the
// extension updated).

/** Timers that stop when the extension is updated (the content script passes its lifetime's). */
export interface Timers {
  frame(callback: () => void): void;
  timeout(callback: () => void, ms: number): void;
}

export interface PassScheduler {
  /** Runs the pass in the next frame, unless a slice already queued will take the new work. */
  frame(): void;
  /** Runs the pass again after yielding to the page. */
  slice(): void;
  /** Whether a slice is queued (its pass takes any rows marked since). */
  readonly sliceQueued: boolean;
  /** Runs the settling work once, a moment after the first call since it last ran. */
  settle(): void;
}

/** How long the page must be quiet before the counts are taken again. */
const SETTLE_MS = 150;

export function createPassScheduler(timers: Timers, signal: AbortSignal, work: { pass(): void; settle(): void }): PassScheduler {
  let frameQueued = false;
  let sliceQueued = false;
  let settleQueued = false;
  const alive = () => !signal.aborted;
  return {
    frame() {
      if (frameQueued || !alive()) return;
      frameQueued = true;
      timers.frame(() => {
        frameQueued = false;
        if (alive() && !sliceQueued) work.pass();
      });
    },
    slice() {
      if (sliceQueued || !alive()) return;
      sliceQueued = true;
      timers.timeout(() => {
        sliceQueued = false;
        if (alive()) work.pass();
      }, 0);
    },
    get sliceQueued() {
      return sliceQueued;
    },
    settle() {
      if (settleQueued || !alive()) return;
      settleQueued = true;
      timers.timeout(() => {
        settleQueued = false;
        if (alive()) work.settle();
      }, SETTLE_MS);
    },
  };
}
