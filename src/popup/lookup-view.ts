// The look-up: a search box answering as you type. A combobox over a listbox, so arrow keys move
// through the results while focus stays in the box; Enter opens the active result in the same
// fixed-size box (nothing below moves), and an arrow key or Escape goes back to the list.
import type { LookupHit, TopicHit } from '../rules/lookup';
import type { Translate } from '../i18n/messages';
import { externalLink, h, isWebUrl, replaceChildren, uniqueId } from '../ui/dom';
import { sourceLine } from '../ui/source-line';
import { showInvisible } from '../i18n/visible-text';
import { verdictLabelKey, verdictPill } from '../ui/verdict';
import { isOrgRuleSource } from '../rules/engine';

export interface LookupView {
  element: HTMLElement;
  input: HTMLInputElement;
  /** Runs the look-up for the box's current text (also what typing does). */
  update(): void;
  /** Folds the results away while the box is empty (on the Unsubscriptions page, below the summary). */
  foldWhenEmpty(): void;
}

/**
 * `search` looks up the rules in effect; `switchedOff` the rules the user switched off, so that a
 * query only they name is not answered "no rule names this"; `topics` the questions no rule answers
 * (refunds and fees, five-day unsubscription), shown as facts with their sources above the rules.
 */
// eslint-disable-next-line max-lines-per-function -- a view closure: the search box, the results and the announcer share one state; each handler is short
export function lookupView(
  t: Translate,
  search: (query: string) => LookupHit[],
  switchedOff: (query: string) => LookupHit[] = () => [],
  topics: (query: string) => TopicHit[] = () => [],
): LookupView {
  const listId = uniqueId('results');
  const input = h('input', {
    type: 'search',
    class: 'search',
    role: 'combobox',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': listId,
    'aria-label': t('searchLabel'),
    placeholder: t('searchPlaceholder'),
    autocomplete: 'off',
    spellcheck: 'false',
  });
  // Fixed height: the box does not move and the popup does not resize while typing.
  const results = h('div', { class: 'results' });
  // The results change on every key; only an opened result is read out.
  const announcer = h('p', { class: 'visually-hidden', 'aria-live': 'polite' });

  let hits: LookupHit[] = [];
  let active = -1;
  let options: HTMLElement[] = [];
  let opened = false;

  const setActive = (index: number) => {
    active = index;
    options.forEach((option, i) => option.setAttribute('aria-selected', String(i === index)));
    const current = options[index];
    if (current) {
      input.setAttribute('aria-activedescendant', current.id);
      current.scrollIntoView?.({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };

  const hitOption = (hit: LookupHit, index: number) =>
    h(
      'li',
      {
        id: `${listId}-${index}`,
        role: 'option',
        class: 'hit',
        'aria-selected': 'false',
        'data-rule': hit.rule,
        onmousedown: (event) => event.preventDefault(), // keep focus in the box
        onclick: () => open(index),
      },
      h('div', { class: 'reason-head' }, verdictPill(hit.verdict, t), h('strong', null, hit.title)),
      h('p', { class: 'explanation clamp' }, hit.explanation),
      // Reachable by keyboard in the opened result; here it is for the mouse.
      isWebUrl(hit.source.url)
        ? h('p', { class: 'source' }, externalLink(hit.source.url, t('sourceLink', hit.source.section, hit.source.edition), { tabindex: -1 }))
        : h('p', { class: 'source' }, t(isOrgRuleSource(hit.source) ? 'sourceOrgRule' : 'sourceUserRule')),
    );

  const topicCard = (topic: TopicHit) =>
    h(
      'article',
      { class: 'topic', 'data-topic': topic.topic, 'aria-label': topic.title },
      h('h2', null, topic.title),
      h(
        'ul',
        null,
        topic.points.map((point) => h('li', null, h('p', null, point.text), sourceLine(point.source, t))),
      ),
    );

  const showList = (activeIndex: number) => {
    opened = false;
    const query = input.value.trim();
    const answers = query ? topics(query).map(topicCard) : [];
    if (!query) {
      options = [];
      replaceChildren(results, h('p', { class: 'hint' }, t('searchHint')));
    } else if (!hits.length && answers.length) {
      options = [];
      replaceChildren(results, ...answers);
    } else if (!hits.length) {
      // The query said back as typed, with what cannot be seen written out (a pasted U+200B finds nothing).
      options = [];
      // Plain words, not a result card: nothing was found, and no verdict is given for it.
      const off = switchedOff(query);
      replaceChildren(
        results,
        h(
          'div',
          { class: 'no-rule', 'data-answer': off.length ? 'switched-off' : 'none' },
          h('strong', null, showInvisible(query)),
          off.length ? h('p', null, t('lookupSwitchedOff', off.map((hit) => hit.title).join(', '))) : h('p', null, t('lookupNoRule')),
        ),
      );
    } else {
      options = hits.map(hitOption);
      replaceChildren(results, ...answers, h('ul', { id: listId, role: 'listbox', class: 'hits', 'aria-label': t('resultsLabel') }, options));
    }
    input.setAttribute('aria-expanded', String(options.length > 0));
    setActive(options.length ? Math.min(Math.max(activeIndex, 0), options.length - 1) : -1);
  };

  const open = (index: number) => {
    const hit = hits[index];
    if (!hit) return;
    opened = true;
    active = index;
    options = [];
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    replaceChildren(
      results,
      h(
        'article',
        { class: 'hit-detail', 'data-rule': hit.rule, 'aria-label': hit.title },
        h('div', { class: 'reason-head' }, verdictPill(hit.verdict, t), h('h2', null, hit.title)),
        hit.matched !== hit.title ? h('p', { class: 'evidence' }, t('lookupMatched', hit.matched)) : null,
        hit.note ? h('p', { class: 'note' }, hit.note) : null,
        h('p', { class: 'explanation' }, hit.explanation),
        hit.where ? h('p', { class: 'where' }, h('strong', null, t('whereInstead')), hit.where) : null,
        sourceLine(hit.source, t),
        hits.length > 1
          ? h(
              'button',
              { type: 'button', class: 'link-button back', 'data-action': 'back', onclick: () => (showList(index), input.focus()) },
              t('lookupBack'),
            )
          : null,
      ),
    );
    results.scrollTop = 0;
    replaceChildren(announcer, `${t(verdictLabelKey[hit.verdict])}: ${hit.title}. ${hit.explanation}`);
  };

  let foldable = false;
  const update = () => {
    const query = input.value.trim();
    hits = query ? search(query) : [];
    showList(0);
    element.classList.toggle('folded', foldable && !query);
  };

  input.addEventListener('input', update);
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      // From an opened result, an arrow goes back to the list where it was.
      if (opened) return showList(active);
      if (!options.length) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((active + step + options.length) % options.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (!opened) open(active);
    } else if (event.key === 'Escape' && (opened || input.value)) {
      // Escape closes an opened result, then clears the box; the next one closes the popup as usual.
      event.preventDefault();
      if (opened) return showList(active);
      input.value = '';
      update();
    }
  });

  const element = h('section', { class: 'lookup', 'aria-label': t('lookupSection') }, input, results, announcer);
  update();
  const foldWhenEmpty = () => {
    foldable = true;
    update();
  };
  return { element, input, update, foldWhenEmpty };
}
