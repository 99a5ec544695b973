// One switch per catalog rule, grouped as the source document groups them.
import type { Rule, RuleGroup } from '../rules/types';
import type { MessageKey } from '../i18n/messages';
import { h } from '../ui/dom';
import { verdictPill } from '../ui/verdict';
import { switchRule, type OptionsContext } from './context';
import { lockedLabel } from './policy-view';

export const groupOrder: readonly { group: RuleGroup; title: MessageKey; hint: MessageKey }[] = [
  { group: 'condition', title: 'groupCondition', hint: 'groupConditionHint' },
  { group: 'other-reason', title: 'groupOtherReason', hint: 'groupOtherReasonHint' },
  { group: 'service', title: 'groupService', hint: 'groupServiceHint' },
  { group: 'not-listed', title: 'groupNotListed', hint: 'groupNotListedHint' },
  { group: 'revision', title: 'groupRevision', hint: 'groupRevisionHint' },
  { group: 'page', title: 'groupPage', hint: 'groupPageHint' },
];

export function rulesView(ctx: OptionsContext): HTMLElement {
  const { t, lang, catalog } = ctx;
  const disabled = new Set(ctx.store.draft.disabledRules);

  const ruleSwitch = (rule: Rule) => {
    const id = `rule-${rule.id.replace('/', '--')}`;
    // Switched off by a locked policy: shown off, whatever the user's own switch says.
    const locked = ctx.locks.disabledRules.has(rule.id);
    return h(
      'li',
      { class: 'option' },
      h('input', {
        type: 'checkbox',
        id,
        'data-rule': rule.id,
        'aria-describedby': `${id}-hint${locked ? ` ${id}-locked` : ''}`,
        checked: !locked && !disabled.has(rule.id),
        disabled: locked,
        onchange: (event) => void switchRule(ctx, rule.id, (event.target as HTMLInputElement).checked),
      }),
      h(
        'div',
        null,
        h('label', { for: id, class: 'rule-title' }, rule.title[lang], ' ', verdictPill(rule.verdict, t)),
        locked ? lockedLabel(ctx, `${id}-locked`) : null,
        h('p', { class: 'hint clamp', id: `${id}-hint`, title: rule.explanation[lang] }, rule.explanation[lang]),
      ),
    );
  };

  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'rules-title' },
    h('h2', { id: 'rules-title' }, t('rulesTitle')),
    h('p', { class: 'hint' }, t('rulesHint', catalog.edition)),
    groupOrder.map(({ group, title, hint }) => {
      const rules = catalog.rules.filter((rule) => rule.group === group);
      if (!rules.length) return null;
      return h(
        'fieldset',
        { class: 'rule-group', 'data-group': group },
        h('legend', null, t(title)),
        h('p', { class: 'hint' }, t(hint)),
        h('ul', { class: 'switches' }, rules.map(ruleSwitch)),
      );
    }),
  );
}
