// A row's badge: a button in a shadow root naming the verdict and the main reason. Its explanation
// opens on hover, on keyboard focus and on click, is announced through aria-describedby, and closes
// with Escape. The explanation is built only when first opened, so a page of badges stays cheap.
import type { Evaluation, Lang } from '../rules/types';
import { OWN_BADGE_CLASS } from '../page/selectors';
import { badgeCss } from './badge-styles';
import { verdictLabel } from './badge-text';
import { fillExplanation } from './explanation-panel';

interface BadgeState {
  evaluation: Evaluation;
  lang: Lang;
  button: HTMLButtonElement;
  label: HTMLElement;
  reason: HTMLElement;
  panel?: HTMLElement;
  /** Opened by a click: stays open until Escape, a second click or the close button. */
  pinned: boolean;
  closeTimer?: ReturnType<typeof setTimeout>;
  onViewportChange?: () => void;
}

const states = new WeakMap<Element, BadgeState>();
const PANEL_ID = 'unsub-lens-explanation';

/** The text a badge shows, e.g. "Cannot unsubscribe · Expired +1". */
export function badgeLabel(evaluation: Evaluation, lang: Lang): { label: string; reason: string } {
  const [main, ...rest] = evaluation.reasons;
  const reason = main ? `· ${main.title}${rest.length ? ` +${rest.length}` : ''}` : '';
  return { label: verdictLabel(evaluation.verdict, lang), reason };
}

export function createBadge(doc: Document, evaluation: Evaluation, lang: Lang): HTMLElement {
  const host = doc.createElement('span');
  host.className = OWN_BADGE_CLASS;
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = badgeCss;
  const button = doc.createElement('button');
  button.type = 'button';
  button.setAttribute('aria-expanded', 'false');
  const icon = doc.createElement('span');
  icon.className = 'icon';
  icon.setAttribute('aria-hidden', 'true');
  const label = doc.createElement('span');
  const reason = doc.createElement('span');
  reason.className = 'reason';
  button.append(icon, label, doc.createTextNode(' '), reason);
  shadow.append(style, button);

  const state: BadgeState = { evaluation, lang, button, label, reason, pinned: false };
  states.set(host, state);
  paint(host, state);

  button.addEventListener('mouseenter', () => open(host));
  host.addEventListener('mouseleave', () => closeSoon(host));
  host.addEventListener('mouseenter', () => cancelClose(host));
  button.addEventListener('focus', () => open(host));
  shadow.addEventListener('focusout', (event) => {
    const next = (event as FocusEvent).relatedTarget as Node | null;
    if (!next || !shadow.contains(next)) closeSoon(host);
  });
  button.addEventListener('click', () => {
    const s = states.get(host);
    if (!s) return;
    if (s.pinned) close(host);
    else {
      s.pinned = true;
      open(host);
    }
  });
  shadow.addEventListener('click', (event) => {
    if ((event.target as Element | null)?.closest?.('[data-action="close"]')) {
      close(host);
      button.focus();
    }
  });
  shadow.addEventListener('keydown', (event) => {
    if ((event as KeyboardEvent).key !== 'Escape' || !states.get(host)?.panel || states.get(host)!.panel!.hidden) return;
    event.stopPropagation();
    close(host);
    button.focus();
  });
  // The badge lives inside the console's row: its clicks and keys must not select or open the row.
  for (const type of ['click', 'mousedown', 'pointerdown', 'mouseup', 'keydown', 'keyup', 'dblclick'])
    host.addEventListener(type, (event) => event.stopPropagation());
  return host;
}

/** Shows a new evaluation on an existing badge; returns false when nothing changed. */
export function updateBadge(host: Element, evaluation: Evaluation, lang: Lang): boolean {
  const state = states.get(host);
  if (!state) return false;
  if (sameEvaluation(state.evaluation, evaluation) && state.lang === lang) return false;
  state.evaluation = evaluation;
  state.lang = lang;
  paint(host, state);
  if (state.panel && !state.panel.hidden) fillExplanation(state.panel, evaluation, lang);
  return true;
}

/** Closes the badge's explanation (and its listeners) and takes the badge out of the page. */
export function removeBadge(host: Element): void {
  close(host);
  states.delete(host);
  host.remove();
}

function sameEvaluation(a: Evaluation, b: Evaluation): boolean {
  if (a.verdict !== b.verdict || a.reasons.length !== b.reasons.length) return false;
  return a.reasons.every((reason, i) => {
    const other = b.reasons[i]!;
    return (
      reason.ruleId === other.ruleId &&
      reason.verdict === other.verdict &&
      reason.title === other.title &&
      reason.evidence.text === other.evidence.text &&
      reason.explanation === other.explanation
    );
  });
}

function paint(host: Element, state: BadgeState): void {
  const { evaluation, lang, button } = state;
  const text = badgeLabel(evaluation, lang);
  button.className = `badge ${evaluation.verdict}`;
  (button.firstChild as HTMLElement).textContent = evaluation.verdict === 'blocked' ? '⊘' : evaluation.verdict === 'caution' ? '!' : '✓';
  state.label.textContent = text.label;
  state.reason.textContent = text.reason;
  host.setAttribute('data-verdict', evaluation.verdict);
}

function cancelClose(host: Element): void {
  const state = states.get(host);
  if (state?.closeTimer) clearTimeout(state.closeTimer);
  if (state) state.closeTimer = undefined;
}

function closeSoon(host: Element): void {
  const state = states.get(host);
  if (!state || state.pinned) return;
  cancelClose(host);
  // A moment's grace so the pointer can travel from the badge into its explanation.
  state.closeTimer = setTimeout(() => {
    const shadow = host.shadowRoot;
    if (shadow?.activeElement || host.matches(':hover')) return;
    close(host);
  }, 200);
}

function open(host: Element): void {
  const state = states.get(host);
  if (!state) return;
  cancelClose(host);
  const shadow = host.shadowRoot!;
  let panel = state.panel;
  if (!panel) {
    panel = host.ownerDocument.createElement('div');
    panel.className = 'panel';
    panel.id = PANEL_ID;
    panel.setAttribute('role', 'group');
    panel.hidden = true;
    if ('popover' in panel) panel.setAttribute('popover', 'manual'); // top layer: no clipping by the table
    shadow.append(panel);
    state.panel = panel;
    state.button.setAttribute('aria-controls', PANEL_ID);
    state.button.setAttribute('aria-describedby', PANEL_ID);
  }
  if (panel.hidden) {
    fillExplanation(panel, state.evaluation, state.lang);
    panel.setAttribute('aria-label', state.label.textContent ?? '');
    panel.hidden = false;
    if (panel.hasAttribute('popover')) {
      try {
        (panel as HTMLElement & { showPopover(): void }).showPopover();
      } catch {
        /* already shown, or the page's document does not support popovers */
      }
    }
    state.button.setAttribute('aria-expanded', 'true');
    place(state.button, panel);
    const win = host.ownerDocument.defaultView;
    if (win && !state.onViewportChange) {
      state.onViewportChange = () => (state.pinned ? place(state.button, panel!) : close(host));
      win.addEventListener('scroll', state.onViewportChange, { capture: true, passive: true });
      win.addEventListener('resize', state.onViewportChange, { passive: true });
    }
  }
}

function close(host: Element): void {
  const state = states.get(host);
  if (!state) return;
  cancelClose(host);
  state.pinned = false;
  const win = host.ownerDocument.defaultView;
  if (win && state.onViewportChange) {
    win.removeEventListener('scroll', state.onViewportChange, { capture: true });
    win.removeEventListener('resize', state.onViewportChange);
    state.onViewportChange = undefined;
  }
  const panel = state.panel;
  if (!panel || panel.hidden) return;
  if (panel.hasAttribute('popover')) {
    try {
      (panel as HTMLElement & { hidePopover(): void }).hidePopover();
    } catch {
      /* not shown as a popover */
    }
  }
  panel.hidden = true;
  state.button.setAttribute('aria-expanded', 'false');
}

/** Below the badge, or above it when there is no room; always inside the viewport. */
function place(anchor: Element, panel: HTMLElement): void {
  const win = anchor.ownerDocument.defaultView;
  if (!win) return;
  const rect = anchor.getBoundingClientRect();
  const width = panel.offsetWidth || 380;
  const height = panel.offsetHeight || 200;
  const left = Math.max(8, Math.min(rect.left, win.innerWidth - width - 8));
  const below = rect.bottom + 4;
  const top = below + height > win.innerHeight - 8 && rect.top - height - 4 >= 8 ? rect.top - height - 4 : below;
  panel.style.left = `${Math.round(left)}px`;
  panel.style.top = `${Math.round(top)}px`;
}
