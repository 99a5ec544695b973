// One switch per catalog rule, grouped as the source document groups them, with a filter box over
// them. Each rule shows where it comes from; its explanation opens in full on click.
import type { Rule, RuleGroup } from '../rules/types';
import type { MessageKey } from '../i18n/messages';
import { reasonWords } from '../rules/reason-words';
import { localSource } from '../rules/local-source';
import { h } from '../ui/dom';
import { sourceLine } from '../ui/source-line';
import { verdictPill } from '../ui/verdict';
import { switchRule, type OptionsContext } from './context';
import { lockedLabel } from './policy-view';
import { ruleFilterBox, ruleSearchText, type FilterEntry } from './rule-filter';
import { ruleExplanation } from './rule-explanation';

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
  const entries: FilterEntry[] = [];
  const explanation = ruleExplanation(ctx);

  const ruleSwitch = (rule: Rule, group: HTMLElement) => {
    const id = `rule-${rule.id.replace('/', '--')}`;
    // Switched off by a locked policy: shown off, whatever the user's own switch says.
    const locked = ctx.locks.disabledRules.has(rule.id);
    const item = h(
      'li',
      { class: 'option', 'data-rule-item': rule.id },
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
        { class: 'rule-body' },
        h('label', { for: id, class: 'rule-title' }, rule.title[lang], ' ', verdictPill(rule.verdict, t)),
        locked ? lockedLabel(ctx, `${id}-locked`) : null,
        explanation(rule, id),
        sourceLine(localSource(rule.source, reasonWords[lang]), t),
      ),
    );
    entries.push({ element: item, group, text: ruleSearchText(rule) });
    return item;
  };

  const groups = groupOrder.map(({ group, title, hint }) => {
    const rules = catalog.rules.filter((rule) => rule.group === group);
    if (!rules.length) return null;
    const list = h('ul', { class: 'switches' });
    const fieldset = h(
      'fieldset',
      { class: 'rule-group', 'data-group': group },
      h('legend', null, t(title)),
      h('p', { class: 'hint' }, t(hint)),
      list,
    );
    for (const rule of rules) list.append(ruleSwitch(rule, fieldset));
    return fieldset;
  });

  const filterBox = ruleFilterBox(ctx, entries);

  return h(
    'section',
    { class: 'card', id: 'rules', 'aria-labelledby': 'rules-title' },
    h('h2', { id: 'rules-title' }, t('rulesTitle')),
    h('p', { class: 'hint' }, t('rulesHint', catalog.edition)),
    entries.length ? filterBox.box : null,
    filterBox.none,
    groups,
  );
}
