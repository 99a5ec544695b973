// How a verdict is named and shown, the same way in every list of the popup.
import type { Verdict } from '../rules/types';
import type { MessageKey, Translate } from '../i18n/messages';
import { h } from './dom';
import { shortVerdictMessageKey, verdictMessageKey } from '../i18n/verdict-words';

export const verdictLabelKey: Readonly<Record<Verdict, MessageKey>> = verdictMessageKey;

export function verdictPill(verdict: Verdict, t: Translate): HTMLElement {
  return h('span', { class: `verdict verdict-${verdict}` }, t(verdictLabelKey[verdict]));
}

/** The pill in one short word, for a list where every row has one (its full words are its title). */
export function shortVerdictPill(verdict: Verdict, t: Translate): HTMLElement {
  return h('span', { class: `verdict verdict-${verdict}`, title: t(verdictLabelKey[verdict]) }, t(shortVerdictMessageKey[verdict]));
}
