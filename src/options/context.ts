// What every section of the options page works with.
import type { Catalog, Lang } from '../rules/types';
import type { Translate } from '../i18n/messages';
import type { Settings } from '../settings/settings';
import type { SettingsProblem } from '../settings/problems';
import { formatPath } from '../settings/problems';
import { showInvisible } from '../i18n/visible-text';
import type { SettingsStore } from './settings-store';
import type { CheckedPolicy } from '../settings/managed-policy';
import type { PolicyLocks } from './policy-view';
import type { ColumnField } from '../console/columns';

/** What the page shows that is not a setting, kept across redraws: the filter typed, what was opened. */
export interface OptionsUi {
  ruleFilter: string;
  /** Rules whose whole explanation is shown. */
  expandedRules: Set<string>;
  /** Whether two lines cut a rule's explanation, as last measured. */
  explanationCut: Map<string, boolean>;
  /** Column-name boxes opened by the user (a box with names in it is always open). */
  openColumns: Set<ColumnField>;
}

export function createOptionsUi(): OptionsUi {
  return { ruleFilter: '', expandedRules: new Set(), explanationCut: new Map(), openColumns: new Set() };
}

export interface OptionsContext {
  t: Translate;
  lang: Lang;
  catalog: Catalog;
  store: SettingsStore;
  /** The organisation's policy, and what of it the sections show locked. */
  managed: CheckedPolicy;
  locks: PolicyLocks;
  ui: OptionsUi;
  /** Applies an edit to the current settings and saves it. */
  edit(change: (draft: Settings) => Settings): Promise<boolean>;
  /** Draws the whole page again (after a language change, an import, a reset). */
  rerender(): Promise<void>;
  /** Says something in the page's status line. */
  announce(text: string): void;
}

/** Switches the rule `ruleId` on or off in the user's own settings (a catalog rule or an organisation's). */
export function switchRule(ctx: OptionsContext, ruleId: string, on: boolean): Promise<boolean> {
  return ctx.edit((draft) => ({
    ...draft,
    disabledRules: on ? draft.disabledRules.filter((id) => id !== ruleId) : [...new Set([...draft.disabledRules, ruleId])],
  }));
}

/**
 * "userRules[3].names: add at least one name", in the user's language. The path and the values come
 * from the user's text: characters that cannot be seen are written out (\u200B), or the message would
 * refuse what looks like a fine name.
 */
export function problemText(problem: SettingsProblem, t: Translate): string {
  const message = t(problem.message, ...(problem.args ?? []).map(showInvisible));
  return problem.path.length ? `${showInvisible(formatPath(problem.path))}: ${message}` : message;
}
