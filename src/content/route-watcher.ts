// Following the console's route the way its Angular router changes it. The router calls
// history.pushState / replaceState, which fire no hashchange, and the isolated world cannot wrap the
// page's history object. What can see every change:
// - the Navigation API's `currententrychange`, fired once the new URL is committed (its `navigate`
//   event, which WXT's wxt:locationchange uses, fires before: location.href is still the old URL);
// - popstate and hashchange for back/forward and hash assignment;
// - a check on every mutation of the page (a route change re-renders it), and a slow poll, for a
//   browser without the Navigation API.
// The callback runs only when the URL really changed, with the new URL.

export interface RouteWatcherOptions {
  /** How often to look at location.href anyway, for browsers without the Navigation API. */
  pollMs?: number;
}

interface NavigationLike extends EventTarget {
  currentEntry?: { url?: string | null } | null;
}

export function watchRoute(
  win: Window & typeof globalThis,
  onChange: (href: string) => void,
  signal: AbortSignal,
  { pollMs = 500 }: RouteWatcherOptions = {},
): void {
  let last = win.location.href;
  const check = () => {
    if (signal.aborted) return;
    const href = win.location.href;
    if (href === last) return;
    last = href;
    onChange(href);
  };
  const listen = { signal };
  const navigation = (win as { navigation?: NavigationLike }).navigation;
  if (typeof navigation?.addEventListener === 'function') navigation.addEventListener('currententrychange', check, listen);
  win.addEventListener('popstate', check, listen);
  win.addEventListener('hashchange', check, listen);
  const observer = new win.MutationObserver(check);
  observer.observe(win.document.documentElement, { childList: true, subtree: true });
  const poll = win.setInterval(check, pollMs);
  signal.addEventListener('abort', () => {
    observer.disconnect();
    win.clearInterval(poll);
  });
}
