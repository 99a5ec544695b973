// The one definition of what the settings may hold. Stored values (coerce.ts), imported files
// (import-export.ts) and the options page's rule editor are all checked against it, so they accept
// exactly the same settings. zod/mini keeps the pages that load it small.
import * as z from 'zod/mini';
import { columnFields, type ColumnField } from '../console/columns';
import { languageChoices } from '../i18n/languages';
import { userRuleVerdicts } from '../rules/types';
import type { MessageKey } from '../i18n/messages';
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

z.config({ jitless: true }); // zod probes `new Function` otherwise, which the MV3 CSP reports

// Messages are message keys; issueProblems() turns them into the user's language.
const key = (message: MessageKey) => message;

const text = (max: number) => z.string().check(z.trim(), z.minLength(1, key('errExpectedText')), z.maxLength(max));

/** A name the matcher would find in every product type ("a", "云", "--") is never saved. */
const ruleName = text(MAX_NAME_LENGTH).check(
  z.superRefine((name, ctx) => {
    const why = nameProblem(name);
    if (why && why !== 'errNameEmpty') ctx.issues.push({ code: 'custom', message: why, input: name, params: { args: [name] } });
  }),
);

export const userRuleSchema = z.strictObject({
  id: z.string().check(z.maxLength(MAX_ID_LENGTH), z.regex(userRuleIdPattern, key('errUserRuleId'))),
  names: z.array(ruleName).check(z.minLength(1, key('errNamesEmpty')), z.maxLength(MAX_NAMES_PER_RULE)),
  verdict: z.enum(userRuleVerdicts, key('errVerdict')),
  explanation: z.string().check(z.trim(), z.maxLength(MAX_EXPLANATION_LENGTH)),
});

/** Each id once: a second rule with the same id is refused, naming the first. */
const uniqueIds = z.superRefine((rules: Array<{ id: string }>, ctx) => {
  const first = new Map<string, number>();
  rules.forEach(({ id }, index) => {
    const at = first.get(id);
    if (at === undefined) first.set(id, index);
    else
      ctx.issues.push({
        code: 'custom',
        message: key('errDuplicateIdAt'),
        input: id,
        path: [index, 'id'],
        params: { args: [id, `userRules[${at}]`] },
      });
  });
});

const headerShape = Object.fromEntries(
  columnFields.map((field) => [field, z.optional(z.array(text(MAX_HEADER_LENGTH)).check(z.maxLength(MAX_HEADERS_PER_COLUMN)))]),
) as Record<ColumnField, z.ZodMiniOptional<z.ZodMiniArray<ReturnType<typeof text>>>>;

/** Each field of the settings, checked on its own: a stored value keeps every field that passes. */
export const settingsFields = {
  enabled: z.boolean(),
  showAllowed: z.boolean(),
  language: z.enum(languageChoices, key('errExpectedLanguage')),
  disabledRules: z
    .array(z.string().check(z.maxLength(MAX_ID_LENGTH * 2), z.regex(ruleIdPattern, key('errRuleIdToSwitch'))))
    .check(z.maxLength(MAX_DISABLED_RULES)),
  userRules: z.array(userRuleSchema).check(z.maxLength(MAX_USER_RULES), uniqueIds),
  extraHeaders: z.strictObject(headerShape),
};

/**
 * Where a field that fails as a whole can still be kept in part: the items of a list, the columns of
 * the extra header names. A stored list with one bad item keeps the others (the bad value itself is
 * kept aside by storage.ts).
 */
export const settingsFieldParts = {
  disabledRules: { kind: 'items', schema: settingsFields.disabledRules.def.element, max: MAX_DISABLED_RULES },
  userRules: { kind: 'items', schema: userRuleSchema, max: MAX_USER_RULES },
  extraHeaders: { kind: 'entries', schemas: headerShape },
} as const;

/** A settings file as exported: every field optional, so a file holding only userRules imports them. */
export const settingsFileSchema = z.strictObject({
  format: z.optional(z.literal('unsub-lens-settings', key('errFormat'))),
  version: z.optional(z.number().check(z.int())),
  exportedAt: z.optional(z.string()),
  enabled: z.optional(settingsFields.enabled),
  showAllowed: z.optional(settingsFields.showAllowed),
  language: z.optional(settingsFields.language),
  disabledRules: z.optional(settingsFields.disabledRules),
  userRules: z.optional(settingsFields.userRules),
  extraHeaders: z.optional(settingsFields.extraHeaders),
});

export type SettingsFile = z.infer<typeof settingsFileSchema>;
