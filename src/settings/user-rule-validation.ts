// Checks one user rule from the options page's editor, with the same schema an import uses.
import type { UserRule } from '../rules/types';
import type { SettingsProblem } from './problems';
import { userRuleSchema } from './settings-schema';
import { issueProblems } from './issue-problems';

/** Problems with paths relative to the rule (['names', 1]); `others` are the rules it must not clash with. */
export function validateUserRule(rule: UserRule, others: readonly UserRule[]): SettingsProblem[] {
  const parsed = userRuleSchema.safeParse(rule, { reportInput: true });
  const problems = parsed.success ? [] : issueProblems(parsed.error.issues);
  const lower = new Set(rule.names.map((name) => name.trim().toLowerCase()));
  if (lower.size < rule.names.length) problems.push({ path: ['names'], message: 'errNameTwice' });
  if (others.some((other) => other.id === rule.id)) problems.push({ path: ['id'], message: 'errDuplicateId', args: [rule.id] });
  return problems;
}
