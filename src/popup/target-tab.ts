// The tab the popup talks about: the active tab, or the one named by ?tabId= (tests, and popup.html
// opened as a tab, where the active tab would be the popup itself).
import { browser } from 'wxt/browser';

export function tabIdFromSearch(search: string): number | undefined {
  const value = new URLSearchParams(search).get('tabId');
  return value !== null && /^\d{1,10}$/.test(value) ? Number(value) : undefined;
}

export async function targetTabId(search: string): Promise<number | undefined> {
  const named = tabIdFromSearch(search);
  if (named !== undefined) return named;
  try {
    // Needs no "tabs" permission: only the id is read, never the URL or title.
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return tab?.id;
  } catch {
    return undefined;
  }
}
