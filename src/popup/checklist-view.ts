// The conditions no page can show (a reseller's stored-value card, a special reward event ...):
// a short list the user ticks off by hand. Ticks are not kept; the list is a reminder.
import type { Lang, Rule } from '../rules/types';
import type { Translate } from '../i18n/messages';
import { h } from '../ui/dom';
import { sourceLine } from '../ui/source-line';

export function manualCheckRules(rules: readonly Rule[]): Rule[] {
  return rules.filter((rule) => rule.manualCheck);
}

export function checklistView(t: Translate, rules: readonly Rule[], lang: Lang): HTMLElement {
  const items = manualCheckRules(rules).map((rule) =>
    h(
      'li',
      { 'data-rule': rule.id },
      h('label', { class: 'check-item' }, h('input', { type: 'checkbox' }), h('strong', null, rule.title[lang])),
      h('p', { class: 'explanation' }, rule.explanation[lang]),
      sourceLine(rule.source, t),
    ),
  );
  return h(
    'details',
    { class: 'panel checklist' },
    h('summary', null, t('checklistTitle', items.length)),
    h('p', { class: 'hint' }, t('checklistHint')),
    h('ul', { class: 'checklist-items' }, items),
  );
}
