// Ticking the selection box of a row that will be refused (blocked, or not here): a short warning in
// the row, under its badge, that the batch unsubscription will refuse it and why. Not a dialog: the
// console's own controls work as before. Read after every change of a selection box, and again a
// moment later, when the console has ticked the rows a "select all" box selects.
import { VERDICT_ATTRIBUTE, ownBadgeSelector } from '../marks/own-marks';
import { selectionBoxSelector, tickedSelectionSelector } from '../console/selectors';
import { styleShadow } from './badge-styles';

const own = new WeakSet<Node>();
export const isOwnWarningNode = (node: Node): boolean => own.has(node);

/** The warning words and the reason of a row, or undefined for a row that will not be refused. */
export type RefusalOf = (row: Element) => { label: string; reason: string } | undefined;

/** Starts watching the selection boxes; the returned function stops and takes every warning away. */
export function watchSelections(doc: Document, refusalOf: RefusalOf): () => void {
  const warnings = new Map<Element, HTMLElement>();
  /** Each warning's text, in its closed shadow root. */
  const texts = new WeakMap<Element, HTMLElement>();

  const unwarn = (row: Element) => {
    warnings.get(row)?.remove();
    warnings.delete(row);
  };
  const warn = (row: Element) => {
    const refusal = refusalOf(row);
    const existing = warnings.get(row);
    if (!refusal) return unwarn(row);
    const anchor = row.querySelector(ownBadgeSelector)?.parentElement;
    if (!anchor) return;
    const host = existing ?? doc.createElement('span');
    if (!existing) {
      own.add(host);
      host.className = 'unsub-lens-warning';
      const shadow = host.attachShadow({ mode: doc.defaultView?.navigator.webdriver === true ? 'open' : 'closed' });
      styleShadow(shadow);
      const text = doc.createElement('span');
      text.className = 'warning';
      text.setAttribute('role', 'status');
      shadow.append(text);
      texts.set(host, text);
      warnings.set(row, host);
    }
    const text = texts.get(host)!;
    const words = `${refusal.label}${refusal.reason}`;
    if (text.textContent !== words) text.textContent = words;
    if (host.parentElement !== anchor) anchor.append(host);
  };

  // One query for the ticked boxes, not one per row: a page may hold thousands of rows.
  const check = () => {
    const ticked = new Set<Element>();
    for (const box of doc.querySelectorAll(tickedSelectionSelector)) {
      const row = box.closest(`[${VERDICT_ATTRIBUTE}]`);
      if (row) ticked.add(row);
    }
    for (const row of [...warnings.keys()]) if (!ticked.has(row)) unwarn(row);
    for (const row of ticked) warn(row);
  };
  let later: ReturnType<typeof setTimeout> | undefined;
  const onChange = (event: Event) => {
    if (!(event.target instanceof Element) || !event.target.matches(selectionBoxSelector)) return;
    check();
    clearTimeout(later);
    later = setTimeout(check, 50);
  };
  doc.addEventListener('change', onChange, true);
  return () => {
    doc.removeEventListener('change', onChange, true);
    clearTimeout(later);
    for (const host of warnings.values()) host.remove();
    warnings.clear();
  };
}
