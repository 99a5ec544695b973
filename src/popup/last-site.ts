// The console site the user last had the popup summarise (international or China), so that the
// popup elsewhere opens Unsubscriptions on that site. Kept on this device only, straight in the
// browser's local storage (WXT's storage helpers would add 10 kB to the popup); a value that is not
// a site reads as the international one.
import { browser } from 'wxt/browser';
import type { ConsoleSite } from '../console/route';

const KEY = 'lastSite';

export async function loadLastSite(): Promise<ConsoleSite> {
  const stored: Record<string, unknown> = await browser.storage.local.get(KEY).catch(() => ({}));
  return stored[KEY] === 'china' ? 'china' : 'intl';
}

export function saveLastSite(site: ConsoleSite): Promise<void> {
  return browser.storage.local.set({ [KEY]: site }).catch(() => undefined);
}
