// zod's issues as settings problems: a path into the value ("userRules[3].names") and a message key
// in the user's language. Shared by everything that checks settings against the schema.
import type * as z from 'zod/mini';
import type { MessageKey } from '../i18n/messages';
import type { SettingsPath, SettingsProblem } from './problems';

/** Keys that could reach an object's prototype if any code ever merged the file naively. */
const forbiddenKeys = new Set(['__proto__', 'constructor', 'prototype']);

export const isForbiddenKey = (key: string): boolean => forbiddenKeys.has(key);

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
        // A forbidden key is reported by forbiddenKeyProblems, wherever it is.
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
        if (isMessageKey(issue.message))
          add(issue.message, issue.code === 'custom' ? (issue.params as { args?: string[] } | undefined)?.args : undefined);
        else if (issue.code === 'invalid_value') add('errOneOf', [issue.values.map((v) => JSON.stringify(v)).join(', ')]);
        else add('errInvalid');
    }
  }
  return problems;
}
