// The toolbar button's badge: how many rows of the page in that tab cannot be unsubscribed.
// The background runs this when the content script reports a count (protocol.ts, 'blocked-count').
import { browser } from 'wxt/browser';
import type { BackgroundRequest } from '../messaging/protocol';

const BADGE_COLOR = '#c7000b';

/** Empty for none (no badge); the badge has room for about four characters. */
export function badgeText(count: number | null): string {
  if (!count || count < 0 || !Number.isFinite(count)) return '';
  return count > 999 ? '999+' : String(Math.floor(count));
}

type BlockedCount = Extract<BackgroundRequest, { type: 'blocked-count' }>;

function isBlockedCount(message: unknown): message is BlockedCount {
  if (typeof message !== 'object' || message === null) return false;
  const { type, count } = message as { type?: unknown; count?: unknown };
  return type === 'blocked-count' && (count === null || typeof count === 'number');
}

/** MV3 has browser.action; Firefox's MV2 build has browser.browserAction. */
function toolbarAction() {
  return browser.action ?? (browser as unknown as { browserAction?: typeof browser.action }).browserAction;
}

export async function showBlockedCount(tabId: number, count: number | null): Promise<void> {
  const action = toolbarAction();
  if (!action) return;
  const text = badgeText(count);
  await action.setBadgeText({ tabId, text });
  if (text) await action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOR });
}

/** The background's message listener. Returns nothing, so other listeners' answers are not taken over. */
export function onBackgroundMessage(message: unknown, sender: { tab?: { id?: number } }): void {
  const tabId = sender.tab?.id;
  if (!isBlockedCount(message) || tabId === undefined || tabId < 0) return;
  // A tab closed meanwhile makes the call fail; there is nothing to update then.
  showBlockedCount(tabId, message.count).catch(() => undefined);
}
