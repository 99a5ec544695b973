// The options page asks the background for the rule catalog, as the content script does, instead of
// bundling its own copy: the catalog is a third of a page's weight.
import { browser } from 'wxt/browser';
import type { BackgroundRequest } from '../messaging/protocol';
import type { Catalog } from '../rules/types';

function isCatalog(value: unknown): value is Catalog {
  return typeof value === 'object' && value !== null && Array.isArray((value as Catalog).rules) && typeof (value as Catalog).edition === 'string';
}

export async function requestCatalog(): Promise<Catalog | undefined> {
  try {
    const answer: unknown = await browser.runtime.sendMessage({ type: 'get-catalog' } satisfies BackgroundRequest);
    return isCatalog(answer) ? answer : undefined;
  } catch {
    return undefined;
  }
}
