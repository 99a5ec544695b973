// The bar above the resource table: the page's counts by verdict, what each verdict means, and
// "show only rows that need attention" (or, chosen in the popup, one verdict's rows). Built like the
// badges (a host and a closed shadow root). The filter hides rows through a class on the table and an
// attribute on each row, under one stylesheet of ours: nothing else of the console changes, and all
// of it goes when the bar does.
import type { Verdict } from '../rules/types';
import { ruleVerdicts, verdicts } from '../rules/types';
import type { BadgeWords } from './badge-text';
import { styleShadow } from './badge-styles';
import { BAR_ATTRIBUTE, FILTERED_CLASS, HIDDEN_ATTRIBUTE } from '../marks/own-marks';

/** Elements this module put in the page: the change tracker ignores them. */
const own = new WeakSet<Node>();
export const isOwnBarNode = (node: Node): boolean => own.has(node);

/** Which rows are shown: all (null), those that need attention, or one verdict's. */
export type RowFilter = 'attention' | Verdict | null;

/** Whether a row of `verdict` is hidden under `filter`. */
export const hiddenBy = (filter: RowFilter, verdict: Verdict): boolean =>
  filter === 'attention' ? verdict === 'allowed' : filter !== null && verdict !== filter;

export interface SummaryBar {
  /** Shows `counts` in the bar just above `table`, putting the bar there when it is not. */
  show(table: Element, counts: Record<Verdict, number>, words: BadgeWords): void;
  readonly filter: RowFilter;
  /** Filters the rows (the popup's counts); the bar says which are shown. */
  setFilter(filter: RowFilter): void;
  /** Takes the bar, the stylesheet, the class and every row's attribute off the page. */
  remove(): void;
}

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, className: string, text = ''): HTMLElementTagNameMap[K] {
  const element = doc.createElement(tag);
  element.className = className;
  element.textContent = text;
  return element;
}

/** The class goes on and off the table as it came: without a class attribute, none is left behind. */
function setClass(element: Element | undefined, on: boolean): void {
  if (!element || element.classList.contains(FILTERED_CLASS) === on) return;
  element.classList.toggle(FILTERED_CLASS, on);
  if (!on && !element.classList.length) element.removeAttribute('class');
}

/** `onFilter` is told when the filter changes, to mark the rows (the bar marks none itself). */
export function createSummaryBar(doc: Document, onFilter: (filter: RowFilter) => void): SummaryBar {
  const host = doc.createElement('div');
  host.setAttribute(BAR_ATTRIBUTE, '');
  own.add(host);
  const shadow = host.attachShadow({ mode: doc.defaultView?.navigator.webdriver === true ? 'open' : 'closed' });
  styleShadow(shadow);
  const counts = el(doc, 'p', 'bar-counts');
  const legend = el(doc, 'p', 'bar-legend');
  const toggle = el(doc, 'button', 'bar-filter');
  toggle.type = 'button';
  toggle.setAttribute('aria-pressed', 'false');
  const note = el(doc, 'p', 'bar-note');
  const bar = el(doc, 'div', 'bar');
  bar.setAttribute('role', 'region');
  bar.append(counts, toggle, note, legend);
  shadow.append(bar);
  const style = el(doc, 'style', '', `.${FILTERED_CLASS} [${HIDDEN_ATTRIBUTE}]{display:none!important}`);
  own.add(style);

  let filter: RowFilter = null;
  let table: Element | undefined;
  let shown = '';
  let lastWords: BadgeWords | undefined;
  // One verdict's rows only (chosen in the popup): the bar names it, and its button shows all again.
  const say = () => {
    note.textContent = filter && filter !== 'attention' && lastWords ? lastWords.onlyVerdict.replace('$1', lastWords[filter]) : '';
    note.hidden = !note.textContent;
  };
  const setFilter = (next: RowFilter) => {
    filter = next;
    toggle.setAttribute('aria-pressed', String(next !== null));
    setClass(table, next !== null);
    if (next !== null && !style.isConnected) (doc.head ?? doc.documentElement).append(style);
    say();
    onFilter(next);
  };
  // The bar's clicks stay its own: the console never sees them.
  bar.addEventListener('click', (event) => {
    event.stopPropagation();
    if (toggle.contains(event.target as Node)) setFilter(filter === null ? 'attention' : null);
  });

  return {
    show(next, tally, words) {
      lastWords = words;
      if (table !== next) {
        setClass(table, false);
        table = next;
        setClass(table, filter !== null);
      }
      if (host.nextElementSibling !== next) next.parentElement?.insertBefore(host, next);
      const key = JSON.stringify([tally, words.barLabel]);
      if (key === shown) return;
      shown = key;
      bar.setAttribute('aria-label', words.barLabel);
      counts.replaceChildren(...verdicts.map((verdict) => el(doc, 'span', `chip ${verdict}`, `${tally[verdict]} ${words[verdict]}`)));
      toggle.textContent = words.filterLabel;
      say();
      legend.replaceChildren(
        ...ruleVerdicts.map((verdict) => {
          const item = el(doc, 'span', 'legend-item');
          item.append(el(doc, 'b', verdict, words.short[verdict]), ` ${words.legend[verdict]}`);
          return item;
        }),
      );
    },
    get filter() {
      return filter;
    },
    setFilter,
    remove() {
      if (filter !== null) setFilter(null);
      setClass(table, false);
      table = undefined;
      shown = '';
      host.remove();
      style.remove();
      for (const row of doc.querySelectorAll(`[${HIDDEN_ATTRIBUTE}]`)) row.removeAttribute(HIDDEN_ATTRIBUTE);
    },
  };
}

/** Marks a row hidden by the filter, or not; changes nothing when it already is. */
export function markHidden(row: Element, hidden: boolean): void {
  if (hidden !== row.hasAttribute(HIDDEN_ATTRIBUTE)) row.toggleAttribute(HIDDEN_ATTRIBUTE, hidden);
}
