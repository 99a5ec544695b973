// The settings' zod schema, for imported files and the options page's rule editor. zod/mini keeps
// the options page small; the background and popup never import this file (they use coerce.ts).
import * as z from 'zod/mini';
import { columnFields, type ColumnField } from '../console/columns';
import type { MessageKey } from '../i18n/messages';
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

export const userRuleSchema = z.strictObject({
  id: z.string().check(z.maxLength(MAX_ID_LENGTH), z.regex(userRuleIdPattern, key('errUserRuleId'))),
  names: z.array(text(MAX_NAME_LENGTH)).check(z.minLength(1, key('errNamesEmpty')), z.maxLength(MAX_NAMES_PER_RULE)),
  verdict: z.enum(['blocked', 'caution'], key('errVerdict')),
  explanation: z.string().check(z.trim(), z.maxLength(MAX_EXPLANATION_LENGTH)),
});

const headerShape = Object.fromEntries(
  columnFields.map((field) => [field, z.optional(z.array(text(MAX_HEADER_LENGTH)).check(z.maxLength(MAX_HEADERS_PER_COLUMN)))]),
) as Record<ColumnField, z.ZodMiniOptional<z.ZodMiniArray<ReturnType<typeof text>>>>;

export const settingsFields = {
  enabled: z.boolean(),
  showAllowed: z.boolean(),
  language: z.enum(['page', 'en', 'zh'], key('errExpectedLanguage')),
  disabledRules: z.array(z.string().check(z.regex(ruleIdPattern, key('errRuleIdToSwitch')))).check(z.maxLength(MAX_DISABLED_RULES)),
  userRules: z.array(userRuleSchema).check(z.maxLength(MAX_USER_RULES)),
  extraHeaders: z.strictObject(headerShape),
};

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
