// Ticking the selection box of a row that will be refused (blocked, or not here): a short warning in
// the row, under its badge, that the batch unsubscription will refuse it and why. Not a dialog: the
// console's own controls work as before. Read after every change of a selection box, and again a
// moment later, when the console has ticked the rows a "select all" box selects.
import { VERDICT_ATTRIBUTE, ownBadgeSelector } from '../marks/own-marks';
import { styleShadow } from './badge-styles';

const own = new WeakSet<Node>();
export const isOwnWarningNode = (node: Node): boolean => own.has(node);

/** The warning words and the reason of a row, or undefined for a row that will not be refused. */
export type RefusalOf = (row: Element) => { label: string; reason: string } | undefined;

const selectionBox = 'input[type="checkbox"], input[type="radio"]';

/** Starts watching the selection boxes; the returned function stops and takes every warning away. */
export function watchSelections(doc: Document, refusalOf: RefusalOf): () => void {
  const warnings = new Map<Element, HTMLElement>();
  /** Each warning's text, in its closed shadow root. */
  const texts = new WeakMap<Element, HTMLElement>();

  const warn = (row: Element) => {
    const refusal = refusalOf(row);
    const box = row.querySelector<HTMLInputElement>(selectionBox);
    const existing = warnings.get(row);
    if (!refusal || !box?.checked) {
      existing?.remove();
      warnings.delete(row);
      return;
    }
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

  const check = () => {
    for (const row of doc.querySelectorAll(`[${VERDICT_ATTRIBUTE}]`)) warn(row);
    for (const row of [...warnings.keys()]) if (!row.isConnected) warnings.delete(row);
  };
  let later: ReturnType<typeof setTimeout> | undefined;
  const onChange = (event: Event) => {
    if (!(event.target instanceof Element) || !event.target.matches(selectionBox)) return;
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
