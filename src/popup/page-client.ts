// The popup's side of the messages to the content script (src/messaging/protocol.ts).
import { browser } from 'wxt/browser';
import type { ContentRequest, PageSummary } from '../messaging/protocol';

/** How long to wait for the content script; a tab that never answers is "not the page". */
const ANSWER_TIMEOUT_MS = 2000;

function ask(tabId: number, request: ContentRequest): Promise<unknown> {
  return Promise.race([
    browser.tabs.sendMessage(tabId, request),
    new Promise((resolve) => setTimeout(resolve, ANSWER_TIMEOUT_MS, undefined)),
  ]);
}

function isPageSummary(value: unknown): value is PageSummary {
  if (typeof value !== 'object' || value === null) return false;
  const summary = value as Partial<PageSummary>;
  return (
    Array.isArray(summary.rows) &&
    typeof summary.counts === 'object' &&
    summary.counts !== null &&
    typeof summary.diagnostics === 'object' &&
    summary.diagnostics !== null
  );
}

/** The page summary, or null when the tab is not the Unsubscriptions page (no content script answered). */
export async function requestSummary(tabId: number): Promise<PageSummary | null> {
  try {
    const answer = await ask(tabId, { type: 'get-summary' });
    return isPageSummary(answer) ? answer : null;
  } catch {
    // "Could not establish connection": no content script in that tab.
    return null;
  }
}

/** Asks the page to scroll a row into view and highlight it; false when the row is gone. */
export async function revealRow(tabId: number, index: number): Promise<boolean> {
  try {
    return (await ask(tabId, { type: 'reveal-row', index })) === true;
  } catch {
    return false;
  }
}
