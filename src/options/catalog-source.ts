// The options page asks the background for the rule catalog, as the content script does, instead of
// bundling its own copy: the catalog is a third of a page's weight.
import type { Catalog } from '../rules/types';
import { askBackground } from '../messaging/send';

export function requestCatalog(): Promise<Catalog | undefined> {
  return askBackground({ type: 'get-catalog' });
}
