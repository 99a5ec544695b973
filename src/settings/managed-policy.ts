// An organisation's settings for everyone, from the browser's enterprise policy: Chrome and Edge
// read them through public/managed_schema.json, Firefox from policies.json
// (3rdparty.Extensions["unsub-lens@unsub-lens"]); both hand them to browser.storage.managed.
//
// With `lock`, the policy's values are in force over the user's and the options page shows them
// locked. Without it they are the organisation's suggestion: a user who has saved no settings of
// their own starts from them. The organisation's own rules are in force either way (a user may
// switch one off unless the policy is locked). A value that fails the settings schema is ignored and
// named in the options page; the policy never stops anything from working.
import { browser } from 'wxt/browser';
import type { LanguageChoice } from '../i18n/languages';
import type { ColumnField } from '../console/columns';
import type { UserRule } from '../rules/types';
import { ORG_RULE_PREFIX } from '../rules/engine';
import { coerceFields, isPlainObject } from './coerce';
import type { SettingsProblem } from './problems';
import type { Settings } from './settings';

export interface ManagedPolicy {
  lock: boolean;
  disabledRules?: string[];
  /** The organisation's own rules, in the shape of the user's. */
  rules?: UserRule[];
  extraHeaders?: Partial<Record<ColumnField, string[]>>;
  language?: LanguageChoice;
  showAllowed?: boolean;
  /** false: the first-run page is not opened on install (an organisation that deploys to everyone). */
  welcomePage?: boolean;
}

export interface CheckedPolicy {
  policy: ManagedPolicy;
  /** Values ignored, with why (paths as the policy names them: "rules[0].names"). */
  problems: SettingsProblem[];
  /** The browser could not read the policy at all (not an error when there is none). */
  error?: string;
}

/** The settings in effect: the user's with the policy merged in, and the organisation's rules. */
export interface EffectiveSettings extends Settings {
  orgRules: UserRule[];
}

export const noPolicy: CheckedPolicy = Object.freeze({ policy: Object.freeze({ lock: false }), problems: [] });

const policyFields = ['disabledRules', 'extraHeaders', 'language', 'showAllowed'] as const;

/** Checks a policy as the browser gives it, keeping every value that passes. */
export function checkPolicy(raw: unknown): CheckedPolicy {
  if (raw === null || raw === undefined) return noPolicy;
  if (!isPlainObject(raw)) return { policy: { lock: false }, problems: [{ path: [], message: 'errNotObject' }] };
  const problems: SettingsProblem[] = [];
  for (const key of Object.keys(raw))
    if (![...policyFields, 'rules', 'lock', 'welcomePage'].includes(key)) problems.push({ path: [key], message: 'errUnknownField' });
  const fields = coerceFields({ ...raw, userRules: raw.rules }, [...policyFields, 'userRules']);
  // The user's rules are "userRules" in settings; the policy calls its own "rules".
  for (const problem of fields.problems)
    problems.push(problem.path[0] === 'userRules' ? { ...problem, path: ['rules', ...problem.path.slice(1)] } : problem);
  const policy: ManagedPolicy = { lock: false };
  if (raw.lock !== undefined) {
    if (typeof raw.lock === 'boolean') policy.lock = raw.lock;
    else problems.push({ path: ['lock'], message: 'errExpectedBoolean' });
  }
  if (raw.welcomePage !== undefined) {
    if (typeof raw.welcomePage === 'boolean') policy.welcomePage = raw.welcomePage;
    else problems.push({ path: ['welcomePage'], message: 'errExpectedBoolean' });
  }
  const { userRules, ...rest } = fields.values as Partial<Settings>;
  Object.assign(policy, rest);
  if (userRules) policy.rules = userRules;
  return { policy, problems };
}

/** The policy the browser holds for the extension; none when there is none or it cannot be read. */
export async function readManagedPolicy(): Promise<CheckedPolicy> {
  const managed = (browser.storage as { managed?: { get(): Promise<Record<string, unknown>> } }).managed;
  if (!managed) return noPolicy;
  try {
    const raw = await managed.get();
    return Object.keys(raw).length ? checkPolicy(raw) : noPolicy;
  } catch (error) {
    // Firefox throws when no policy names the extension; Chrome when the schema is missing.
    const message = error instanceof Error ? error.message : String(error);
    return /manifest|not found|undefined/i.test(message) ? noPolicy : { ...noPolicy, error: message };
  }
}

/** Whether the policy sets anything at all. */
export function hasPolicy(policy: ManagedPolicy): boolean {
  return policy.lock || Object.keys(policy).some((key) => key !== 'lock');
}

function unionHeaders(a: Settings['extraHeaders'], b: Settings['extraHeaders'] = {}): Settings['extraHeaders'] {
  const merged: Settings['extraHeaders'] = { ...a };
  for (const [field, texts] of Object.entries(b) as [ColumnField, string[]][]) merged[field] = [...new Set([...(merged[field] ?? []), ...texts])];
  return merged;
}

/**
 * The settings in effect. `userSaved`: whether the user has saved settings of their own (an unlocked
 * policy only seeds a user who has not).
 */
export function applyPolicy(user: Settings, userSaved: boolean, policy: ManagedPolicy): EffectiveSettings {
  const orgRules = policy.rules ?? [];
  if (!policy.lock && userSaved) return { ...user, orgRules };
  const disabledRules = [...new Set([...user.disabledRules, ...(policy.disabledRules ?? [])])];
  return {
    ...user,
    ...(policy.language !== undefined && { language: policy.language }),
    ...(policy.showAllowed !== undefined && { showAllowed: policy.showAllowed }),
    // Locked, the organisation's rules cannot be switched off.
    disabledRules: policy.lock ? disabledRules.filter((id) => !id.startsWith(ORG_RULE_PREFIX)) : disabledRules,
    extraHeaders: unionHeaders(user.extraHeaders, policy.extraHeaders),
    orgRules,
  };
}
