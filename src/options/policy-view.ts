// What the organisation's policy sets: said once at the top of the page, with its own rules (each
// with a switch a user may turn off unless the policy is locked) and the policy values ignored for
// failing the settings schema. The other sections lock the values it sets (see `lockedBy`).
import type { Rule } from '../rules/types';
import { ORG_RULE_PREFIX } from '../rules/engine';
import { hasPolicy, type CheckedPolicy, type ManagedPolicy } from '../settings/managed-policy';
import { h } from '../ui/dom';
import { verdictPill } from '../ui/verdict';
import { problemText, switchRule, type OptionsContext } from './context';

/** Which settings a locked policy sets, for the sections to show as locked. */
export interface PolicyLocks {
  showAllowed: boolean;
  language: boolean;
  /** Rule ids the policy switches off. */
  disabledRules: ReadonlySet<string>;
}

export function policyLocks(policy: ManagedPolicy): PolicyLocks {
  return {
    showAllowed: policy.lock && policy.showAllowed !== undefined,
    language: policy.lock && policy.language !== undefined,
    disabledRules: new Set(policy.lock ? (policy.disabledRules ?? []) : []),
  };
}

/** The label beside a locked control; its id describes the control. */
export function lockedLabel(ctx: OptionsContext, id: string): HTMLElement {
  return h('span', { class: 'locked', id, 'data-locked': '' }, ctx.t('policyLocked'));
}

export function policyView(ctx: OptionsContext, managed: CheckedPolicy): HTMLElement | null {
  const { t, lang } = ctx;
  const { policy, problems, error } = managed;
  if (!hasPolicy(policy) && !problems.length && !error) return null;
  const disabled = new Set(ctx.store.draft.disabledRules);
  const orgRule = (rule: NonNullable<ManagedPolicy['rules']>[number]) => {
    const id = `org-rule-${rule.id}`;
    const ruleId = ORG_RULE_PREFIX + rule.id;
    return h(
      'li',
      { class: 'option' },
      h('input', {
        type: 'checkbox',
        id,
        'data-rule': ruleId,
        checked: policy.lock || !disabled.has(ruleId),
        disabled: policy.lock,
        'aria-describedby': `${id}-hint${policy.lock ? ` ${id}-locked` : ''}`,
        onchange: (event) => void switchRule(ctx, ruleId, (event.target as HTMLInputElement).checked),
      }),
      h(
        'div',
        null,
        h('label', { for: id, class: 'rule-title' }, rule.names.join(', '), ' ', verdictPill(rule.verdict, t)),
        policy.lock ? lockedLabel(ctx, `${id}-locked`) : null,
        h('p', { class: 'hint', id: `${id}-hint` }, rule.explanation || t('policyRuleNoExplanation')),
      ),
    );
  };
  const headers = Object.entries(policy.extraHeaders ?? {}).flatMap(([, texts]) => texts);
  const switchedOff = (policy.disabledRules ?? []).map((id) => ctx.catalog.rules.find((rule: Rule) => rule.id === id)?.title[lang] ?? id);
  return h(
    'section',
    { class: 'card policy', id: 'policy', 'aria-labelledby': 'policy-title', 'data-policy': policy.lock ? 'locked' : 'suggested' },
    h('h2', { id: 'policy-title' }, t('policyTitle')),
    h('p', null, t(policy.lock ? 'policyLockedIntro' : 'policySuggestedIntro')),
    switchedOff.length ? h('p', { class: 'hint' }, t('policySwitchedOff', switchedOff.join(lang === 'zh' ? '、' : ', '))) : null,
    headers.length ? h('p', { class: 'hint' }, t('policyHeaders', headers.join(lang === 'zh' ? '、' : ', '))) : null,
    policy.rules?.length ? h('ul', { class: 'switches', 'aria-label': t('policyRules') }, policy.rules.map(orgRule)) : null,
    problems.length || error
      ? h(
          'div',
          { class: 'notice', role: 'status', 'data-policy-problems': '' },
          h('p', null, t('policyIgnored')),
          h('ul', null, [...problems.map((problem) => h('li', null, problemText(problem, t))), error ? h('li', null, error) : null]),
        )
      : null,
  );
}
