// What the content script is told about the settings. The background reads them (checked, with
// unusable stored values kept aside by loadSettings) and works out the rules in effect, so the script
// that runs on every console visit carries no storage, settings or user-rule code.
import type { PageConfig } from '../messaging/protocol';
import { badgeText } from '../badges/badge-text';
import { headerNames } from '../console/columns';
import { effectiveRules } from '../rules/engine';
import type { Catalog } from '../rules/types';
import type { Settings } from '../settings/settings';
import { loadSettings } from '../settings/storage';

export function pageConfigFrom(catalog: Catalog, settings: Settings): PageConfig {
  const { enabled, showAllowed, language, extraHeaders, disabledRules, userRules } = settings;
  const rules = effectiveRules(catalog, { disabledRules, userRules });
  return { enabled, showAllowed, language, headers: headerNames(extraHeaders), words: badgeText, rules };
}

/** Read from storage at each request: a service worker may have slept since the last one. */
export async function loadPageConfig(catalog: Catalog): Promise<PageConfig> {
  return pageConfigFrom(catalog, (await loadSettings()).settings);
}
