// A rule's explanation in the options list: two lines, and the whole text on click ("Full text"),
// offered only where the two lines cut it.
import type { Rule } from '../rules/types';
import { h } from '../ui/dom';
import type { OptionsContext } from './context';

/** Explanations shorter than this fit the two lines the list shows, in either language. */
const SHORT_EXPLANATION = { en: 150, zh: 60 } as const;

/** A maker of explanations for one drawing of the list, sharing one measuring observer. */
export function ruleExplanation({ t, lang, ui }: OptionsContext): (rule: Rule, id: string) => HTMLElement[] {
  const toggles = new Map<Element, { rule: string; toggle: HTMLElement }>();
  // Measured once laid out, and again on reflow. What was measured is kept, so a redraw (another
  // window's change) draws each button as it was and nothing moves under the pointer.
  const measure =
    typeof ResizeObserver === 'function'
      ? new ResizeObserver((observed) => {
          for (const { target } of observed) {
            const entry = toggles.get(target);
            if (!entry || !target.classList.contains('clamp') || target.clientHeight === 0) continue;
            const cut = target.scrollHeight > target.clientHeight + 1;
            ui.explanationCut.set(entry.rule, cut);
            entry.toggle.hidden = !cut;
          }
        })
      : undefined;

  return (rule, id) => {
    const text = rule.explanation[lang];
    const hint = h('p', { class: 'hint', id: `${id}-hint` }, text);
    if (text.length < SHORT_EXPLANATION[lang]) return [hint];
    const toggle = h('button', { type: 'button', class: 'link-button', 'aria-controls': `${id}-hint`, 'data-action': `expand-${rule.id}` });
    const show = (expanded: boolean) => {
      hint.classList.toggle('clamp', !expanded);
      toggle.setAttribute('aria-expanded', String(expanded));
      toggle.textContent = t(expanded ? 'ruleLessText' : 'ruleFullText');
      if (expanded) ui.expandedRules.add(rule.id);
      else ui.expandedRules.delete(rule.id);
    };
    toggle.addEventListener('click', () => show(!ui.expandedRules.has(rule.id)));
    // A click on the text opens it too; selecting part of it does not.
    hint.addEventListener('click', () => !ui.expandedRules.has(rule.id) && !getSelection()?.toString() && show(true));
    show(ui.expandedRules.has(rule.id));
    toggle.hidden = ui.explanationCut.get(rule.id) === false && !ui.expandedRules.has(rule.id);
    toggles.set(hint, { rule: rule.id, toggle });
    measure?.observe(hint);
    return [hint, toggle];
  };
}
