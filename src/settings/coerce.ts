// Stored settings -> Settings, derived from the one schema (settings-schema.ts): each field is taken
// when the schema accepts it; a list keeps the items that pass, the extra header names the columns that
// pass, and everything else gets its default. Every field or item not taken is reported as a problem,
// so the caller can keep the stored value aside instead of overwriting it later.
import type * as z from 'zod/mini';
import type { Settings } from './settings';
import { defaultSettings } from './settings';
import type { SettingsPath, SettingsProblem } from './problems';
import { settingsFieldParts, settingsFields } from './settings-schema';
import { forbiddenKeyProblems, isForbiddenKey, issueProblems } from './issue-problems';

export interface CoercedSettings {
  settings: Settings;
  problems: SettingsProblem[];
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** A fresh copy of the defaults, safe to change. */
export function copyDefaultSettings(): Settings {
  return { ...defaultSettings, disabledRules: [], userRules: [], extraHeaders: {} };
}

/** The same settings with each switched-off rule named once. */
export function normalizeSettings(settings: Settings): Settings {
  return { ...settings, disabledRules: [...new Set(settings.disabledRules)] };
}

export type Field = keyof typeof settingsFields;

const prefixed = (path: SettingsPath, problems: SettingsProblem[]) => problems.map((p) => ({ ...p, path: [...path, ...p.path] }));

function parse(schema: z.ZodMiniType, value: unknown, path: SettingsPath, problems: SettingsProblem[]): { ok: boolean; data?: unknown } {
  const parsed = schema.safeParse(value, { reportInput: true });
  if (parsed.success) return { ok: true, data: parsed.data };
  problems.push(...prefixed(path, issueProblems(parsed.error.issues)));
  return { ok: false };
}

/** What can be kept of a field the schema refused as a whole: the items or columns that pass on their own. */
function salvage(field: Field, value: unknown): unknown {
  const parts = (settingsFieldParts as Partial<Record<Field, (typeof settingsFieldParts)[keyof typeof settingsFieldParts]>>)[field];
  if (!parts) return undefined;
  if (parts.kind === 'entries') {
    if (!isPlainObject(value)) return undefined;
    const kept: Record<string, unknown> = {};
    for (const [column, texts] of Object.entries(value)) {
      if (!Object.hasOwn(parts.schemas, column)) continue;
      const parsed = parts.schemas[column as keyof typeof parts.schemas].safeParse(texts);
      if (parsed.success && parsed.data) kept[column] = parsed.data;
    }
    return kept;
  }
  if (!Array.isArray(value)) return undefined;
  const kept: unknown[] = [];
  const ids = new Set<string>();
  for (const item of value.slice(0, parts.max)) {
    const parsed = parts.schema.safeParse(item);
    if (!parsed.success) continue;
    const id = typeof parsed.data === 'string' ? parsed.data : parsed.data.id;
    // A second rule with an id already taken is dropped (it is named among the problems).
    if (typeof parsed.data !== 'string' && ids.has(id)) continue;
    ids.add(id);
    kept.push(parsed.data);
  }
  return kept;
}

/**
 * The given fields of `raw`, each taken when the schema accepts it (lists and columns salvaged in
 * part), with a problem for everything not taken. Stored settings and an organisation's policy both
 * go through this.
 */
export function coerceFields(
  raw: Record<string, unknown>,
  fields: readonly Field[],
): { values: Partial<Record<Field, unknown>>; problems: SettingsProblem[] } {
  const values: Partial<Record<Field, unknown>> = {};
  const problems: SettingsProblem[] = [];
  for (const field of fields) {
    if (!Object.hasOwn(raw, field) || raw[field] === undefined) continue;
    const parsed = parse(settingsFields[field], raw[field], [field], problems);
    const value = parsed.ok ? parsed.data : salvage(field, raw[field]);
    if (value !== undefined) values[field] = value;
  }
  return { values, problems };
}

const allFields = Object.keys(settingsFields) as Field[];

export function coerceSettings(raw: unknown): CoercedSettings {
  const settings = copyDefaultSettings();
  const problems: SettingsProblem[] = [];
  if (raw === null || raw === undefined) return { settings, problems };
  if (!isPlainObject(raw)) {
    problems.push({ path: [], message: 'errNotObject' });
    return { settings, problems };
  }
  problems.push(...forbiddenKeyProblems(raw));
  for (const key of Object.keys(raw))
    if (!Object.hasOwn(settingsFields, key) && !isForbiddenKey(key)) problems.push({ path: [key], message: 'errUnknownField' });
  const fields = coerceFields(raw, allFields);
  problems.push(...fields.problems);
  return { settings: normalizeSettings({ ...settings, ...(fields.values as Partial<Settings>) }), problems };
}
