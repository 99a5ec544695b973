// The filter box over the catalog's rules: a rule stays shown when every word typed is in its title,
// explanation, names, keywords or id, in either language; a group with no rule left is hidden.
import type { Rule } from '../rules/types';
import { h, replaceChildren } from '../ui/dom';
import type { OptionsContext } from './context';

const fold = (text: string) => text.normalize('NFKC').toLowerCase();

/** Everything a rule can be found by, folded once. */
export function ruleSearchText(rule: Rule): string {
  return fold(
    [
      rule.id,
      rule.title.en,
      rule.title.zh,
      rule.explanation.en,
      rule.explanation.zh,
      ...(rule.names ?? []).map((name) => name.text),
      ...(rule.keywords ?? []),
    ].join('\n'),
  );
}

export function queryWords(query: string): string[] {
  return fold(query).split(/\s+/).filter(Boolean);
}

export function ruleMatches(searchText: string, words: readonly string[]): boolean {
  return words.every((word) => searchText.includes(word));
}

/** A rule's line on the page, the group it is listed in, and its ruleSearchText. */
export interface FilterEntry {
  element: HTMLElement;
  group: HTMLElement;
  text: string;
}

/** Shows the entries that match `query`, hides a group with none left, and answers how many are shown. */
export function filterRules(entries: readonly FilterEntry[], query: string): number {
  const words = queryWords(query);
  const groupsShown = new Map<HTMLElement, boolean>();
  let shown = 0;
  for (const { element, group, text } of entries) {
    const match = ruleMatches(text, words);
    element.hidden = !match;
    groupsShown.set(group, (groupsShown.get(group) ?? false) || match);
    if (match) shown++;
  }
  for (const [group, any] of groupsShown) group.hidden = !any;
  return shown;
}

/** The box, its count ("Showing 1 of 48 rules") and its "No rule matches" line, over `entries`. */
export function ruleFilterBox({ t, ui }: OptionsContext, entries: readonly FilterEntry[]): { box: HTMLElement; none: HTMLElement } {
  const count = h('p', { class: 'hint filter-count', 'aria-live': 'polite', 'data-filter-count': '' });
  const none = h('p', { class: 'notice', 'data-filter-none': '' });
  const filter = h('input', {
    type: 'search',
    id: 'rule-filter',
    'data-action': 'filter-rules',
    placeholder: t('ruleFilterPlaceholder'),
    autocomplete: 'off',
    'aria-describedby': 'rule-filter-count',
  });
  count.id = 'rule-filter-count';
  filter.value = ui.ruleFilter;
  const applyFilter = () => {
    ui.ruleFilter = filter.value;
    const shown = filterRules(entries, filter.value);
    replaceChildren(count, filter.value.trim() ? t('ruleFilterCount', shown, entries.length) : '');
    replaceChildren(none, shown ? '' : t('ruleFilterNone', filter.value.trim()));
    none.hidden = shown > 0 || !entries.length;
  };
  filter.addEventListener('input', applyFilter);
  filter.addEventListener('keydown', (event) => {
    // Escape empties the box (the browser does so for a search box; this says it in every browser).
    if (event.key === 'Escape' && filter.value) {
      event.preventDefault();
      filter.value = '';
      applyFilter();
    }
  });
  applyFilter();

  return { box: h('div', { class: 'rule-filter' }, h('label', { for: 'rule-filter' }, t('ruleFilterLabel')), filter, count), none };
}
