// The look-up: a search box answering as you type. A combobox over a listbox, so arrow keys move
// through the results while focus stays in the box; Enter opens the active result below the list.
import type { LookupHit } from '../rules/lookup';
import type { Translate } from '../i18n/messages';
import { externalLink, h, isWebUrl, replaceChildren, uniqueId } from './dom';
import { sourceLine } from './reason-view';
import { verdictPill } from './verdict';

export interface LookupView {
  element: HTMLElement;
  input: HTMLInputElement;
  /** Runs the look-up for the box's current text (also what typing does). */
  update(): void;
}

export function lookupView(t: Translate, search: (query: string) => LookupHit[]): LookupView {
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
  const detail = h('div', { class: 'detail', 'aria-live': 'polite' });

  let hits: LookupHit[] = [];
  let active = -1;
  let options: HTMLElement[] = [];

  const setActive = (index: number) => {
    active = index;
    options.forEach((option, i) => option.setAttribute('aria-selected', String(i === index)));
    const current = options[index];
    if (current) {
      input.setAttribute('aria-activedescendant', current.id);
      current.scrollIntoView?.({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };

  const open = (index: number) => {
    const hit = hits[index];
    if (!hit) return;
    setActive(index);
    replaceChildren(
      detail,
      h(
        'article',
        { class: 'hit-detail', 'data-rule': hit.rule },
        h('div', { class: 'reason-head' }, verdictPill(hit.verdict, t), h('h2', null, hit.title)),
        hit.matched !== hit.title ? h('p', { class: 'evidence' }, t('lookupMatched', hit.matched)) : null,
        hit.note ? h('p', { class: 'note' }, hit.note) : null,
        h('p', { class: 'explanation' }, hit.explanation),
        sourceLine(hit.source, t),
      ),
    );
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
        : h('p', { class: 'source' }, t('sourceUserRule')),
    );

  const update = () => {
    const query = input.value.trim();
    hits = query ? search(query) : [];
    replaceChildren(detail);
    if (!query) {
      options = [];
      replaceChildren(results, h('p', { class: 'hint' }, t('searchHint')));
    } else if (!hits.length) {
      options = [];
      replaceChildren(
        results,
        h('div', { class: 'no-rule' }, h('div', { class: 'reason-head' }, verdictPill('allowed', t), h('strong', null, query)), h('p', null, t('lookupNoRule'))),
      );
    } else {
      options = hits.map(hitOption);
      replaceChildren(results, h('ul', { id: listId, role: 'listbox', class: 'hits', 'aria-label': t('resultsLabel') }, options));
    }
    input.setAttribute('aria-expanded', String(options.length > 0));
    setActive(options.length ? 0 : -1);
  };

  input.addEventListener('input', update);
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (!options.length) return;
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((active + step + options.length) % options.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      open(active);
    } else if (event.key === 'Escape' && input.value) {
      // First Escape clears the box; the next one closes the popup as usual.
      event.preventDefault();
      input.value = '';
      update();
    }
  });

  const element = h('section', { class: 'lookup', 'aria-label': t('lookupSection') }, input, results, detail);
  update();
  return { element, input, update };
}
