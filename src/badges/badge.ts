// A row's badge: a compact button in a shadow root saying the verdict ("Cannot unsubscribe", "Check"),
// so it fits a narrow cell. Its accessible name adds the main reason; its explanation (every reason,
// evidence, source) opens on hover, focus and click, is announced through aria-describedby, and closes
// with Escape, a click elsewhere, or when the pointer or focus leaves it.
//
// A page may hold thousands of badges, so a badge is a host and a button sharing one stylesheet, and
// no badge has listeners of its own: one set on the document (capture phase, so the console's row
// never sees a badge's clicks and keys) serves them all. The explanation is built only when opened,
// and only one is open at a time: the listeners it needs on the window exist only while it is open.
import type { Evaluation } from '../rules/types';
import { OWN_BADGE_CLASS } from '../marks/own-marks';
import { styleShadow } from './badge-styles';
import type { BadgeWords } from './badge-text';
import { fillExplanation } from './explanation-panel';

interface BadgeState {
  evaluation: Evaluation;
  words: BadgeWords;
  /** The badge's shadow root: closed, so only this module holds it. */
  shadow: ShadowRoot;
  button: HTMLButtonElement;
  panel?: HTMLElement;
}

const states = new WeakMap<Element, BadgeState>();
const PANEL_ID = 'unsub-lens-explanation';
// The badge lives inside the console's row: its clicks and keys must not select or open the row.
const KEPT_FROM_ROW = ['click', 'mousedown', 'pointerdown', 'mouseup', 'keydown', 'keyup', 'dblclick'];
const BADGE_EVENTS = [...KEPT_FROM_ROW, 'mouseover', 'mouseout', 'focusin', 'focusout'];
const WINDOW_EVENTS = ['keydown', 'pointerdown', 'scroll', 'resize'];

/** The badge whose explanation is open, and whether a click pinned it open. */
let shown: Element | undefined;
let pinned = false;
let closeTimer: ReturnType<typeof setTimeout> | undefined;

/** What the badge is called for screen readers: the verdict, the main reason and how many more. */
export function badgeName({ verdict, reasons, notes }: Evaluation, words: BadgeWords): string {
  if (verdict === 'allowed' && notes?.[0]) return `${words.fiveDay}${words.colon}${notes[0].title}`;
  const label = words[verdict];
  if (!reasons[0]) return label;
  const more = reasons.length - 1;
  // Said in words: a screen reader reads "(+1)" as "plus one".
  const rest = more ? `${words.comma}${more === 1 ? words.oneMoreReason : words.moreReasons.replace('$1', String(more))}` : '';
  return `${label}${words.colon}${reasons[0].title}${rest}`;
}

export function createBadge(doc: Document, evaluation: Evaluation, words: BadgeWords): HTMLElement {
  const host = doc.createElement('span');
  host.className = OWN_BADGE_CLASS;
  const shadow = host.attachShadow({ mode: shadowMode(doc) });
  styleShadow(shadow);
  const button = doc.createElement('button');
  button.type = 'button';
  button.setAttribute('aria-expanded', 'false');
  shadow.append(button);
  listenForBadges(doc);
  const state: BadgeState = { evaluation, words, shadow, button };
  states.set(host, state);
  paint(host, state);
  return host;
}

/**
 * Closed: the page's scripts cannot read or change what a badge says. Open only under automation
 * (navigator.webdriver, which a page cannot fake for the content script's world), so the browser
 * tests can read and press badges; one of them runs without it and checks the closed root.
 */
function shadowMode(doc: Document): ShadowRootMode {
  return doc.defaultView?.navigator.webdriver === true ? 'open' : 'closed';
}

/** A badge's shadow root, closed or not (for the extension's own code and its tests). */
export function badgeShadowRoot(host: Element): ShadowRoot | undefined {
  return states.get(host)?.shadow;
}

/** Shows a new evaluation on an existing badge; returns false when nothing changed. */
export function updateBadge(host: Element, evaluation: Evaluation, words: BadgeWords): boolean {
  const state = states.get(host);
  if (!state || (state.words === words && sameEvaluation(state.evaluation, evaluation))) return false;
  state.evaluation = evaluation;
  state.words = words;
  paint(host, state);
  if (shown === host) fillExplanation(state.panel!, evaluation, words);
  return true;
}

/** Whether `element` is a badge this extension made (a page element may carry the same class). */
export function isOwnBadge(element: Element): boolean {
  return states.has(element);
}

/** Moves the keyboard focus onto the badge's button; false when `element` is no badge of ours. */
export function focusBadge(element: Element): boolean {
  const state = states.get(element);
  state?.button.focus({ preventScroll: true });
  return Boolean(state);
}

/** Closes the badge's explanation (and its listeners) and takes the badge out of the page. */
export function removeBadge(host: Element): void {
  if (shown === host) close();
  states.delete(host);
  host.remove();
}

/** Evaluations are plain data; the annotator hands the same object to rows that show the same. */
function sameEvaluation(a: Evaluation, b: Evaluation): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

function paint(host: Element, { evaluation, words, button }: BadgeState): void {
  const { verdict } = evaluation;
  const noted = verdict === 'allowed' && Boolean(evaluation.notes?.length);
  // One short word in the cell; the full words are the accessible name and head the explanation.
  const word = noted ? words.fiveDay : words.short[verdict];
  button.className = `badge ${verdict}${noted ? ' noted' : ''}`;
  button.textContent = word;
  button.setAttribute('aria-label', badgeName(evaluation, words));
  host.setAttribute('data-verdict', verdict);
}

const listening = new WeakSet<Document>();

function listenForBadges(doc: Document): void {
  if (listening.has(doc)) return;
  listening.add(doc);
  for (const type of BADGE_EVENTS) doc.addEventListener(type, onBadgeEvent, true);
}

/** Takes the badges' listeners off the document (when the last badge has gone with the route). */
export function stopListeningForBadges(doc: Document): void {
  if (!listening.delete(doc)) return;
  for (const type of BADGE_EVENTS) doc.removeEventListener(type, onBadgeEvent, true);
}

/**
 * The one listener of every badge. From the document an event inside a badge targets its host; the
 * event's path says whether it was on the button or in the explanation. Events between two parts of
 * one badge (mouseout from the button into its explanation) do not leave the badge, so never come here.
 */
function onBadgeEvent(event: Event): void {
  const target = event.target as Node;
  // Browsers retarget to the host; some DOMs (happy-dom) hand over the inner node.
  const host = (states.has(target as Element) ? target : (target.getRootNode?.() as ShadowRoot | undefined)?.host) as Element | undefined;
  const state = host && states.get(host);
  if (!host || !state) return;
  const { type } = event;
  const inner = innerTarget(event, host, state);
  const onButton = inner === host || state.button.contains(inner);
  if (type === 'mouseover' || type === 'focusin') {
    if (onButton) open(host, state);
    else if (shown === host) clearTimeout(closeTimer);
  } else if (type === 'mouseout' || type === 'focusout') {
    const related = (event as FocusEvent).relatedTarget as Node | null;
    const staysInside = related !== null && (related === host || state.button.getRootNode().contains(related));
    if (shown === host && !pinned && !staysInside) {
      clearTimeout(closeTimer);
      // A moment's grace, so the pointer can travel from the badge into its explanation.
      closeTimer = setTimeout(closeIfLeft, 200);
    }
  } else {
    event.stopPropagation();
    if (type !== 'click') return;
    if (onButton) {
      if (shown === host && pinned) return close();
      open(host, state);
      pinned = true;
    } else if (inner.nodeType === 1 && (inner as Element).closest('.close')) {
      close();
      state.button.focus({ preventScroll: true });
    }
  }
}

/**
 * What inside the badge an event is on. From the document, an event in a closed shadow root shows
 * only the host; the badge's own root tells: what has focus, or what lies under the pointer.
 */
function innerTarget(event: Event, host: Element, { shadow }: BadgeState): Node {
  const first = event.composedPath()[0] as Node;
  if (first !== host) return first; // an open root, or a DOM that does not retarget
  const pointer = event as MouseEvent;
  const byKeyboard = event.type.startsWith('focus') || (event.type === 'click' && pointer.detail === 0);
  if (byKeyboard) return shadow.activeElement ?? host;
  return shadow.elementFromPoint?.(pointer.clientX, pointer.clientY) ?? host;
}

function closeIfLeft(): void {
  const state = shown && states.get(shown);
  if (shown && state && !pinned && !state.shadow.activeElement && !shown.matches(':hover')) close();
}

function open(host: Element, state: BadgeState): void {
  clearTimeout(closeTimer);
  if (shown === host) return;
  close();
  let panel = state.panel;
  if (!panel) {
    panel = state.panel = host.ownerDocument.createElement('div');
    panel.className = 'panel';
    panel.id = PANEL_ID;
    panel.setAttribute('role', 'group');
    // In the top layer the table's overflow cannot clip it.
    if ('showPopover' in panel) panel.popover = 'manual';
    state.shadow.append(panel);
    state.button.setAttribute('aria-controls', PANEL_ID);
    state.button.setAttribute('aria-describedby', PANEL_ID);
  }
  fillExplanation(panel, state.evaluation, state.words);
  panel.hidden = false;
  try {
    panel.showPopover?.();
  } catch {
    /* the badge left the document */
  }
  state.button.setAttribute('aria-expanded', 'true');
  shown = host;
  place(state.button, panel);
  const win = host.ownerDocument.defaultView;
  for (const type of WINDOW_EVENTS) win?.addEventListener(type, onWindowEvent, true);
}

function close(): void {
  clearTimeout(closeTimer);
  const host = shown;
  const state = host && states.get(host);
  shown = undefined;
  pinned = false;
  if (!host || !state?.panel) return;
  const win = host.ownerDocument.defaultView;
  for (const type of WINDOW_EVENTS) win?.removeEventListener(type, onWindowEvent, true);
  try {
    state.panel.hidePopover?.();
  } catch {
    /* not shown as a popover */
  }
  state.panel.hidden = true;
  state.button.setAttribute('aria-expanded', 'false');
}

/** While an explanation is open: Escape and clicks elsewhere close it; scrolling moves it with its badge. */
function onWindowEvent(event: Event): void {
  const host = shown;
  const state = host && states.get(host);
  if (!host || !state?.panel) return;
  const inside = event.composedPath().includes(host);
  if (event.type === 'keydown') {
    if ((event as KeyboardEvent).key !== 'Escape') return;
    close();
    if (!inside) return;
    event.stopPropagation();
    state.button.focus({ preventScroll: true });
  } else if (event.type === 'pointerdown') {
    if (!inside) close();
  } else {
    const win = host.ownerDocument.defaultView!;
    const rect = state.button.getBoundingClientRect();
    const away = !host.isConnected || rect.bottom < 0 || rect.right < 0 || rect.top > win.innerHeight || rect.left > win.innerWidth;
    if (away) close();
    else place(state.button, state.panel);
  }
}

/** Below the badge, or above it when there is no room; always inside the viewport. Fixed: scrolls nothing. */
function place(anchor: Element, panel: HTMLElement): void {
  const win = anchor.ownerDocument.defaultView;
  if (!win) return;
  const rect = anchor.getBoundingClientRect();
  const height = panel.offsetHeight;
  const above = rect.top - height - 4;
  const top = rect.bottom + 4 + height > win.innerHeight - 8 && above >= 8 ? above : rect.bottom + 4;
  panel.style.left = `${Math.max(8, Math.min(rect.left, win.innerWidth - panel.offsetWidth - 8))}px`;
  panel.style.top = `${top}px`;
}
