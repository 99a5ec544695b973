// What importing a settings file will change, said before it happens, and the two ways to take it:
// replace (the file's fields over the current settings) or merge (keep everything here, add what the
// file adds: its own rules with new ids, its switched-off rules, its extra header names).
import type { UserRule } from '../rules/types';
import type { Settings } from './settings';
import type { ColumnField } from '../console/columns';

export interface ImportChanges {
  /** User rules by their first name: added, removed, changed (same id, other names, verdict or text). */
  rulesAdded: string[];
  rulesRemoved: string[];
  rulesChanged: string[];
  /** Catalog (or user) rule ids switched off and back on. */
  switchedOff: string[];
  switchedOn: string[];
  /** Other settings whose value changes: enabled, showAllowed, language, extraHeaders. */
  otherChanges: Array<Exclude<keyof Settings, 'userRules' | 'disabledRules'>>;
}

const nameOf = (rule: UserRule) => rule.names[0] ?? rule.id;
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function importChanges(current: Settings, next: Settings): ImportChanges {
  const before = new Map(current.userRules.map((rule) => [rule.id, rule]));
  const after = new Map(next.userRules.map((rule) => [rule.id, rule]));
  const off = new Set(current.disabledRules);
  const nextOff = new Set(next.disabledRules);
  return {
    rulesAdded: next.userRules.filter((rule) => !before.has(rule.id)).map(nameOf),
    rulesRemoved: current.userRules.filter((rule) => !after.has(rule.id)).map(nameOf),
    rulesChanged: next.userRules.filter((rule) => before.has(rule.id) && !same(before.get(rule.id), rule)).map(nameOf),
    switchedOff: next.disabledRules.filter((id) => !off.has(id)),
    switchedOn: current.disabledRules.filter((id) => !nextOff.has(id)),
    otherChanges: (['enabled', 'showAllowed', 'language', 'extraHeaders'] as const).filter((key) => !same(current[key], next[key])),
  };
}

export function hasChanges(changes: ImportChanges): boolean {
  return (Object.values(changes) as unknown[][]).some((list) => list.length > 0);
}

/**
 * Keeps everything of `current` and adds what `file` adds: its user rules whose ids are new here, its
 * switched-off rules, its extra header names. The file's switches and language are not taken.
 */
export function mergeImport(current: Settings, file: Partial<Settings>): Settings {
  const ids = new Set(current.userRules.map((rule) => rule.id));
  const extraHeaders: Settings['extraHeaders'] = { ...current.extraHeaders };
  for (const [field, names] of Object.entries(file.extraHeaders ?? {}) as Array<[ColumnField, string[]]>)
    extraHeaders[field] = [...new Set([...(extraHeaders[field] ?? []), ...names])];
  return {
    ...current,
    userRules: [...current.userRules, ...(file.userRules ?? []).filter((rule) => !ids.has(rule.id))],
    disabledRules: [...new Set([...current.disabledRules, ...(file.disabledRules ?? [])])],
    extraHeaders,
  };
}
