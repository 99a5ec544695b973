// The popup's side of the messages to the content script (src/messaging/protocol.ts).
import type { PageSummary } from '../messaging/protocol';
import { askTab } from '../messaging/send';

/** How long to wait for the content script; a tab that never answers is "not the page". */
const ANSWER_TIMEOUT_MS = 2000;

/** The page summary, or null when the tab is not the Unsubscriptions page (no content script answered). */
export async function requestSummary(tabId: number): Promise<PageSummary | null> {
  return (await askTab(tabId, { type: 'get-summary' }, ANSWER_TIMEOUT_MS)) ?? null;
}

/** Asks the page to scroll a row into view and highlight it; false when the row is gone. */
export async function revealRow(tabId: number, index: number): Promise<boolean> {
  return (await askTab(tabId, { type: 'reveal-row', index }, ANSWER_TIMEOUT_MS)) === true;
}
