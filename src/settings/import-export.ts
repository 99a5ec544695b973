// Settings as a JSON file: what export writes, and everything import refuses before it changes
// anything. Every problem is reported with its place in the file ("userRules[3].names").
import type * as z from 'zod/mini';
import type { MessageKey } from '../i18n/messages';
import type { Settings } from './settings';
import type { SettingsPath, SettingsProblem } from './problems';
import { settingsFileSchema, type SettingsFile } from './settings-schema';
import { nameProblem } from './user-rule-checks';
import { isPlainObject } from './coerce';
import { MAX_IMPORT_BYTES, MAX_IMPORT_DEPTH } from './limits';
import { jsonErrorOffset, jsonNestingDepth, lineAndColumn } from './json-error';
import { SETTINGS_VERSION } from './storage';

export const SETTINGS_FILE_FORMAT = 'unsub-lens-settings';

/** Keys that could reach an object's prototype if any code ever merged the file naively. */
const forbiddenKeys = new Set(['__proto__', 'constructor', 'prototype']);

export function settingsFileText(settings: Settings, now = new Date()): string {
  const file = { format: SETTINGS_FILE_FORMAT, version: SETTINGS_VERSION, exportedAt: now.toISOString(), ...settings };
  return JSON.stringify(file, null, 2) + '\n';
}

export type ImportResult = { ok: true; settings: Settings } | { ok: false; problems: SettingsProblem[] };

const kb = (bytes: number) => String(Math.ceil(bytes / 1024));

/** Refuses a file by its size before reading it. */
export function importSizeProblem(bytes: number): SettingsProblem | undefined {
  return bytes > MAX_IMPORT_BYTES ? { path: [], message: 'errFileTooLarge', args: [kb(bytes), kb(MAX_IMPORT_BYTES)] } : undefined;
}

/** Where a text stops being JSON: read from the text itself, else from JSON.parse's message. */
export function jsonErrorLocation(error: unknown, text: string): { line: number; column: number } | undefined {
  const offset = jsonErrorOffset(text);
  if (offset !== undefined) return lineAndColumn(text, offset);
  // Only reached if the two parsers disagree: Firefox says "line 1 column 9", V8 "position 8".
  const message = error instanceof Error ? error.message : String(error);
  const lineColumn = /line (\d+) column (\d+)/i.exec(message);
  if (lineColumn) return { line: Number(lineColumn[1]), column: Number(lineColumn[2]) };
  const position = /position (\d+)/i.exec(message);
  return position ? lineAndColumn(text, Number(position[1])) : undefined;
}

/** Every `__proto__`, `constructor` or `prototype` key, wherever it is. */
export function forbiddenKeyProblems(value: unknown, path: SettingsPath = []): SettingsProblem[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => forbiddenKeyProblems(item, [...path, index]));
  if (typeof value !== 'object' || value === null) return [];
  return Object.keys(value).flatMap((k) =>
    forbiddenKeys.has(k)
      ? [{ path: [...path, k], message: 'errForbiddenKey' as const }]
      : forbiddenKeyProblems((value as Record<string, unknown>)[k], [...path, k]),
  );
}

// The schema's own messages are message keys ("errUserRuleId"); zod's defaults are sentences.
const isMessageKey = (message: string): message is MessageKey => /^err[A-Z][A-Za-z]*$/.test(message);

/** zod's issues as problems in the user's language (the schema's messages are message keys). */
export function issueProblems(issues: readonly z.core.$ZodIssue[]): SettingsProblem[] {
  const problems: SettingsProblem[] = [];
  // zod still runs a list's length check on text given in its place ("names": "Cloud Phone Host"),
  // which would add "too long (at most 20 characters)" to "expected a list": the type says it all.
  const pathKey = (issue: z.core.$ZodIssue) => JSON.stringify(issue.path.map(String));
  const wrongType = new Set(issues.filter((issue) => issue.code === 'invalid_type').map(pathKey));
  for (const issue of issues) {
    if (issue.code !== 'invalid_type' && wrongType.has(pathKey(issue))) continue;
    const path = issue.path.map((part) => (typeof part === 'number' ? part : String(part)));
    const add = (message: MessageKey, args?: string[]) => problems.push(args ? { path, message, args } : { path, message });
    switch (issue.code) {
      case 'unrecognized_keys':
        for (const k of issue.keys) if (!forbiddenKeys.has(k)) problems.push({ path: [...path, k], message: 'errUnknownField' });
        break;
      case 'invalid_type':
        if (issue.input === undefined) add('errRequired');
        else if (issue.expected === 'boolean') add('errExpectedBoolean');
        else if (issue.expected === 'array') add('errExpectedList');
        else if (issue.expected === 'object') add('errExpectedObject');
        else if (issue.expected === 'string') add('errExpectedText');
        else if (issue.expected === 'number' || issue.expected === 'int') add('errExpectedNumber');
        else add('errInvalid');
        break;
      case 'too_big':
        add(issue.origin === 'array' ? 'errTooMany' : 'errTooLong', [String(issue.maximum)]);
        break;
      default:
        if (isMessageKey(issue.message)) add(issue.message);
        else if (issue.code === 'invalid_value') add('errOneOf', [issue.values.map((v) => JSON.stringify(v)).join(', ')]);
        else add('errInvalid');
    }
  }
  return problems;
}

/** What the schema cannot say: ids used twice, names that would match every product. */
function userRuleProblems(raw: unknown): SettingsProblem[] {
  if (!isPlainObject(raw) || !Array.isArray(raw.userRules)) return [];
  const problems: SettingsProblem[] = [];
  const firstIndex = new Map<string, number>();
  raw.userRules.forEach((rule: unknown, index) => {
    if (!isPlainObject(rule)) return;
    if (typeof rule.id === 'string') {
      const first = firstIndex.get(rule.id);
      if (first === undefined) firstIndex.set(rule.id, index);
      else problems.push({ path: ['userRules', index, 'id'], message: 'errDuplicateIdAt', args: [rule.id, `userRules[${first}]`] });
    }
    if (Array.isArray(rule.names))
      rule.names.forEach((name: unknown, n) => {
        if (typeof name !== 'string') return;
        const why = nameProblem(name);
        // An empty name is already the schema's "expected text".
        if (why && why !== 'errNameEmpty') problems.push({ path: ['userRules', index, 'names', n], message: why, args: [name] });
      });
  });
  return problems;
}

function fileSettings(file: SettingsFile, current: Settings): Settings {
  const { format: _format, version: _version, exportedAt: _exportedAt, ...fields } = file;
  const next: Settings = { ...current };
  // Only the fields the file holds replace the current ones.
  if (fields.enabled !== undefined) next.enabled = fields.enabled;
  if (fields.showAllowed !== undefined) next.showAllowed = fields.showAllowed;
  if (fields.language !== undefined) next.language = fields.language;
  if (fields.disabledRules !== undefined) next.disabledRules = [...new Set(fields.disabledRules)];
  if (fields.userRules !== undefined) next.userRules = fields.userRules;
  if (fields.extraHeaders !== undefined) next.extraHeaders = fields.extraHeaders;
  return next;
}

/** Reads a settings file's text against the current settings. Nothing is saved here. */
export function parseSettingsFile(text: string, current: Settings): ImportResult {
  const tooLarge = importSizeProblem(new TextEncoder().encode(text).length);
  if (tooLarge) return { ok: false, problems: [tooLarge] };

  const body = text.replace(/^\uFEFF/, '');
  if (jsonNestingDepth(body, MAX_IMPORT_DEPTH) > MAX_IMPORT_DEPTH)
    return { ok: false, problems: [{ path: [], message: 'errTooDeep', args: [String(MAX_IMPORT_DEPTH)] }] };
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch (error) {
    const at = jsonErrorLocation(error, body);
    const detail = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      problems: [at ? { path: [], message: 'errMalformedJson', args: [String(at.line), String(at.column)] } : { path: [], message: 'errMalformedJsonNoPlace', args: [detail] }],
    };
  }
  if (!isPlainObject(raw)) return { ok: false, problems: [{ path: [], message: 'errNotObject' }] };

  const problems = forbiddenKeyProblems(raw);
  const version = raw.version;
  if (typeof version === 'number' && version > SETTINGS_VERSION)
    problems.push({ path: ['version'], message: 'errNewerFile', args: [String(version), String(SETTINGS_VERSION)] });
  // reportInput: tells a missing field ("required") from a wrong-typed one.
  const parsed = settingsFileSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) problems.push(...issueProblems(parsed.error.issues));
  problems.push(...userRuleProblems(raw));
  if (problems.length || !parsed.success) return { ok: false, problems };
  return { ok: true, settings: fileSettings(parsed.data, current) };
}
