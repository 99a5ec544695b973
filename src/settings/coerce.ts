// Stored settings -> Settings, by hand. The background reads settings through this for the content
// script, and the popup for itself; zod would weigh more than either needs. Each field is taken only
// when it has the right shape, else its default; every field not taken is reported as a problem so
// the caller can keep the stored value aside instead of overwriting it later.
import { columnFields, type ColumnField } from '../console/columns';
import type { RuleVerdict, UserRule } from '../rules/types';
import { defaultSettings, type LanguageChoice, type Settings } from './settings';
import type { SettingsPath, SettingsProblem } from './problems';
import { nameProblem } from './user-rule-checks';
import {
  MAX_DISABLED_RULES,
  MAX_EXPLANATION_LENGTH,
  MAX_HEADER_LENGTH,
  MAX_HEADERS_PER_COLUMN,
  MAX_ID_LENGTH,
  MAX_NAME_LENGTH,
  MAX_NAMES_PER_RULE,
  MAX_USER_RULES,
  ruleIdPattern,
  userRuleIdPattern,
} from './limits';

export interface CoercedSettings {
  settings: Settings;
  problems: SettingsProblem[];
}

const settingsKeys: readonly (keyof Settings)[] = ['enabled', 'showAllowed', 'language', 'disabledRules', 'userRules', 'extraHeaders'];
const userRuleKeys: readonly (keyof UserRule)[] = ['id', 'names', 'verdict', 'explanation'];
const languages: readonly LanguageChoice[] = ['page', 'en', 'zh'];
const verdicts: readonly RuleVerdict[] = ['blocked', 'caution'];

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

const own = (object: Record<string, unknown>, key: string): unknown => (Object.hasOwn(object, key) ? object[key] : undefined);

/** A fresh copy of the defaults, safe to change. */
export function copyDefaultSettings(): Settings {
  return { ...defaultSettings, disabledRules: [], userRules: [], extraHeaders: {} };
}

export function coerceSettings(raw: unknown): CoercedSettings {
  const settings = copyDefaultSettings();
  const problems: SettingsProblem[] = [];
  if (raw === null || raw === undefined) return { settings, problems };
  if (!isPlainObject(raw)) {
    problems.push({ path: [], message: 'errNotObject' });
    return { settings, problems };
  }
  const problem: Report = (path, message, args) => {
    problems.push(args ? { path, message, args } : { path, message });
  };

  for (const key of Object.keys(raw))
    if (!(settingsKeys as readonly string[]).includes(key)) problem([key], 'errUnknownField');

  for (const key of ['enabled', 'showAllowed'] as const) {
    const value = own(raw, key);
    if (typeof value === 'boolean') settings[key] = value;
    else if (value !== undefined) problem([key], 'errExpectedBoolean');
  }

  const language = own(raw, 'language');
  if ((languages as readonly unknown[]).includes(language)) settings.language = language as LanguageChoice;
  else if (language !== undefined) problem(['language'], 'errExpectedLanguage');

  const disabled = own(raw, 'disabledRules');
  if (Array.isArray(disabled)) {
    const seen = new Set<string>();
    disabled.forEach((id, index) => {
      if (typeof id === 'string' && id.length <= MAX_ID_LENGTH * 2 && ruleIdPattern.test(id)) seen.add(id);
      else problem(['disabledRules', index], 'errRuleIdToSwitch');
    });
    settings.disabledRules = [...seen].slice(0, MAX_DISABLED_RULES);
    if (seen.size > MAX_DISABLED_RULES) problem(['disabledRules'], 'errTooMany', [String(MAX_DISABLED_RULES)]);
  } else if (disabled !== undefined) problem(['disabledRules'], 'errExpectedList');

  const userRules = own(raw, 'userRules');
  if (Array.isArray(userRules)) {
    const ids = new Set<string>();
    userRules.forEach((value, index) => {
      if (index >= MAX_USER_RULES) {
        if (index === MAX_USER_RULES) problem(['userRules'], 'errTooMany', [String(MAX_USER_RULES)]);
        return;
      }
      const before = problems.length;
      const rule = coerceUserRule(value, ['userRules', index], problem);
      if (!rule || problems.length > before) return;
      if (ids.has(rule.id)) return problem(['userRules', index, 'id'], 'errDuplicateId', [rule.id]);
      ids.add(rule.id);
      settings.userRules.push(rule);
    });
  } else if (userRules !== undefined) problem(['userRules'], 'errExpectedList');

  const headers = own(raw, 'extraHeaders');
  if (isPlainObject(headers)) {
    for (const key of Object.keys(headers)) {
      if (!(columnFields as readonly string[]).includes(key)) {
        problem(['extraHeaders', key], 'errUnknownColumn');
        continue;
      }
      const texts = coerceTexts(headers[key], ['extraHeaders', key], MAX_HEADERS_PER_COLUMN, MAX_HEADER_LENGTH, problem);
      if (texts) settings.extraHeaders[key as ColumnField] = texts;
    }
  } else if (headers !== undefined) problem(['extraHeaders'], 'errExpectedObject');

  return { settings, problems };
}

type Report = (path: SettingsPath, message: SettingsProblem['message'], args?: string[]) => void;

function coerceTexts(value: unknown, path: SettingsPath, maxItems: number, maxLength: number, problem: Report): string[] | undefined {
  if (!Array.isArray(value)) return void problem(path, 'errExpectedList');
  if (value.length > maxItems) return void problem(path, 'errTooMany', [String(maxItems)]);
  let ok = true;
  value.forEach((text, index) => {
    if (typeof text !== 'string' || !text.trim()) {
      problem([...path, index], 'errExpectedText');
      ok = false;
    } else if (text.length > maxLength) {
      problem([...path, index], 'errTooLong', [String(maxLength)]);
      ok = false;
    }
  });
  return ok ? (value as string[]).map((text) => text.trim()) : undefined;
}

function coerceUserRule(value: unknown, path: SettingsPath, problem: Report): UserRule | undefined {
  if (!isPlainObject(value)) return void problem(path, 'errExpectedObject');
  for (const key of Object.keys(value))
    if (!(userRuleKeys as readonly string[]).includes(key)) problem([...path, key], 'errUnknownField');

  const id = own(value, 'id');
  if (typeof id !== 'string' || id.length > MAX_ID_LENGTH || !userRuleIdPattern.test(id)) problem([...path, 'id'], 'errUserRuleId');

  const names = own(value, 'names');
  if (names === undefined) problem([...path, 'names'], 'errRequired');
  const texts = names === undefined ? undefined : coerceTexts(names, [...path, 'names'], MAX_NAMES_PER_RULE, MAX_NAME_LENGTH, problem);
  if (texts && texts.length === 0) problem([...path, 'names'], 'errNamesEmpty');
  texts?.forEach((name, index) => {
    const why = nameProblem(name);
    if (why) problem([...path, 'names', index], why, [name]);
  });

  const verdict = own(value, 'verdict');
  if (!(verdicts as readonly unknown[]).includes(verdict)) problem([...path, 'verdict'], 'errVerdict');

  const explanation = own(value, 'explanation');
  if (typeof explanation !== 'string') problem([...path, 'explanation'], 'errExpectedText');
  else if (explanation.length > MAX_EXPLANATION_LENGTH) problem([...path, 'explanation'], 'errTooLong', [String(MAX_EXPLANATION_LENGTH)]);

  if (typeof id !== 'string' || !texts || typeof explanation !== 'string') return undefined;
  return { id, names: texts, verdict: verdict as RuleVerdict, explanation };
}
