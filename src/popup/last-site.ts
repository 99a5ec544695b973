// The console site the user last had the popup summarise (international or China), so that the
// popup elsewhere opens Unsubscriptions on that site. Kept on this device only; a value that is not
// a site reads as the international one.
import { storage } from 'wxt/utils/storage';
import type { ConsoleSite } from '../console/route';

const lastSiteItem = storage.defineItem<unknown>('local:lastSite');

export async function loadLastSite(): Promise<ConsoleSite> {
  const value = await lastSiteItem.getValue().catch(() => undefined);
  return value === 'china' ? 'china' : 'intl';
}

export function saveLastSite(site: ConsoleSite): Promise<void> {
  return lastSiteItem.setValue(site).catch(() => undefined);
}
