// What the content script is told about the settings. The background reads them (checked, with
// unusable stored values kept aside by loadSettings, the organisation's policy merged in) and works out the rules in effect, so the script
// that runs on every console visit carries no storage, settings or user-rule code.
import type { PageConfig } from '../messaging/protocol';
import { badgeText } from '../badges/badge-text';
import { reasonWords } from '../rules/reason-words';
import { headerNames } from '../console/columns';
import { effectiveRules } from '../rules/engine';
import type { Catalog } from '../rules/types';
import type { Settings } from '../settings/settings';
import { loadEffectiveSettings } from '../settings/effective-settings';

const FIVE_DAY_TOPIC = 'five-day-no-reason';

export function pageConfigFrom(catalog: Catalog, settings: Settings & { orgRules?: Settings['userRules'] }): PageConfig {
  const { enabled, showAllowed, language, extraHeaders, disabledRules, userRules, orgRules } = settings;
  const rules = effectiveRules(catalog, { disabledRules, userRules, orgRules });
  const fiveDayTopic = catalog.topics?.find((topic) => topic.id === FIVE_DAY_TOPIC);
  return {
    enabled,
    showAllowed,
    language,
    headers: headerNames(extraHeaders),
    words: badgeText,
    reasonWords,
    rules,
    ...(fiveDayTopic && { fiveDayTopic }),
  };
}

/** Read from storage at each request: a service worker may have slept since the last one. */
export async function loadPageConfig(catalog: Catalog): Promise<PageConfig> {
  const { settings, policyPending } = await loadEffectiveSettings();
  return { ...pageConfigFrom(catalog, settings), ...(policyPending && { policyPending }) };
}
