// The user's settings: their shape and defaults. Plain TypeScript so every entrypoint can use it;
// validation (zod) lives in settings-schema.ts, which only the options page and tests import.
import type { UserRule } from '../rules/types';
import type { ColumnField } from '../console/columns';
import type { LanguageChoice } from '../i18n/languages';

export interface Settings {
  /** Master switch: no badges at all when off. */
  enabled: boolean;
  /** Also badge rows no rule blocks ("No rule" badge). */
  showAllowed: boolean;
  /** Badge language: follow the page, or fixed. */
  language: LanguageChoice;
  /** Rule ids switched off. */
  disabledRules: string[];
  /** The user's own service entries. */
  userRules: UserRule[];
  /** Extra header texts per column, for when the console relabels one. */
  extraHeaders: Partial<Record<ColumnField, string[]>>;
}

export const defaultSettings: Readonly<Settings> = Object.freeze({
  enabled: true,
  showAllowed: false,
  language: 'page',
  disabledRules: [],
  userRules: [],
  extraHeaders: {},
});
