// The popup's side of the messages to the content script (src/messaging/protocol.ts).
import type { PageSummary, RowSummary } from '../messaging/protocol';
import type { SeenCount } from '../annotator/seen-resources';
import type { PageThroughStatus } from '../annotator/page-through';
import { askTab } from '../messaging/send';
import type { Verdict } from '../rules/types';

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

/** Shows only `verdict`'s rows on the page (null: all of them); false when the page is not badged. */
export async function filterPageRows(tabId: number, verdict: Verdict | null): Promise<boolean> {
  return (await askTab(tabId, { type: 'filter-rows', verdict }, ANSWER_TIMEOUT_MS)) === true;
}

/** Every resource seen on the tab's console page, across its pages. */
export async function requestSeen(tabId: number): Promise<RowSummary[]> {
  return (await askTab(tabId, { type: 'get-seen' }, ANSWER_TIMEOUT_MS)) ?? [];
}

export async function clearSeen(tabId: number): Promise<SeenCount | undefined> {
  return askTab(tabId, { type: 'clear-seen' }, ANSWER_TIMEOUT_MS);
}

/** Starts or cancels "page through for me"; where it stands, or null when the page is not badged. */
export async function pageThrough(tabId: number, action: 'start' | 'cancel'): Promise<PageThroughStatus | null> {
  return (await askTab(tabId, { type: 'page-through', action }, ANSWER_TIMEOUT_MS)) ?? null;
}
