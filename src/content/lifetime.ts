// How long the content script lives, decided by the extension alone.
//
// WXT's ContentScriptContext stops a script when a CustomEvent of a known name reaches `document`,
// and announces every start with window.postMessage; any script of the page can send that event, and
// every badge would be gone until a reload. So the content script keeps its own lifetime: it ends when
// the extension really is gone (browser.runtime.id no longer there, after an update, reload or
// removal) or when a newer instance of this script starts in the same isolated world, which only
// our own code can reach (the page cannot see that world's globals).

export interface Lifetime {
  readonly signal: AbortSignal;
  /** Whether the extension is still there; ends the lifetime when it is not. */
  alive(): boolean;
  end(): void;
}

const instanceKey = Symbol.for('unsub-lens.content-instance');

export function claimLifetime(
  world: object,
  extensionPresent: () => boolean,
  { checkEveryMs = 1000, setInterval = globalThis.setInterval, clearInterval = globalThis.clearInterval } = {},
): Lifetime {
  const controller = new AbortController();
  const holder = world as Record<symbol, Lifetime | undefined>;
  holder[instanceKey]?.end();
  const lifetime: Lifetime = {
    signal: controller.signal,
    alive() {
      if (controller.signal.aborted) return false;
      let present = false;
      try {
        present = extensionPresent();
      } catch {
        // Reading runtime of a removed extension can throw.
      }
      if (!present) lifetime.end();
      return present;
    },
    end() {
      if (controller.signal.aborted) return;
      if (holder[instanceKey] === lifetime) delete holder[instanceKey];
      controller.abort();
    },
  };
  holder[instanceKey] = lifetime;
  const timer = setInterval(() => lifetime.alive(), checkEveryMs);
  controller.signal.addEventListener('abort', () => clearInterval(timer));
  return lifetime;
}
