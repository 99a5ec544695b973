// A redraw replaces the page's controls. One that lands between a press and its release swallows the
// click: the press went to the old control, the release to the new one, and no control saw a click.
// So a redraw (another page's change arriving) waits until no pointer or activation key is held.

/** A press held longer than this no longer holds redraws back (a release the page never saw). */
const LONGEST_PRESS_MS = 5000;
const ACTIVATION_KEYS = new Set([' ', 'Enter']);

export interface RedrawGate {
  /** Resolves when nothing is pressed: at once, or just after the release's click has been handled. */
  whenIdle(): Promise<void>;
  stop(): void;
}

export function createRedrawGate(target: Window | Document): RedrawGate {
  let pressedSince = 0;
  let waiting: (() => void)[] = [];
  let cap: ReturnType<typeof setTimeout> | undefined;

  const flush = () => {
    pressedSince = 0;
    clearTimeout(cap);
    const ready = waiting;
    waiting = [];
    for (const resolve of ready) resolve();
  };
  const press = () => {
    pressedSince = Date.now();
    clearTimeout(cap);
    cap = setTimeout(flush, LONGEST_PRESS_MS);
  };
  // The click (and its change event) comes right after the release, in the same task: wait one more.
  const release = () => void setTimeout(flush, 0);
  const onKeyDown = (event: Event) => ACTIVATION_KEYS.has((event as KeyboardEvent).key) && press();
  const onKeyUp = (event: Event) => ACTIVATION_KEYS.has((event as KeyboardEvent).key) && release();

  const listeners: [string, (event: Event) => void][] = [
    ['pointerdown', press],
    ['pointerup', release],
    ['pointercancel', release],
    ['keydown', onKeyDown],
    ['keyup', onKeyUp],
    ['blur', release],
  ];
  for (const [type, listener] of listeners) target.addEventListener(type, listener, true);

  return {
    whenIdle: () => (pressedSince ? new Promise((resolve) => waiting.push(resolve)) : Promise.resolve()),
    stop() {
      for (const [type, listener] of listeners) target.removeEventListener(type, listener, true);
      flush();
    },
  };
}
