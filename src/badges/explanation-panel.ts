// The explanation a badge opens: every reason, what the page showed, and the source. Built with
// createElement/textContent only: rule and page text never become markup.
import type { Evaluation } from '../rules/types';
import type { BadgeWords } from './badge-text';
import { isOrgRuleSource } from '../rules/engine';

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, text = '', className = ''): HTMLElementTagNameMap[K] {
  const element = doc.createElement(tag);
  element.className = className;
  element.textContent = text;
  return element;
}

/** Fills `panel` with the explanation of an evaluation, replacing what it held. */
export function fillExplanation(panel: HTMLElement, { verdict, reasons }: Evaluation, words: BadgeWords): void {
  const doc = panel.ownerDocument;
  const close = el(doc, 'button', '×', 'close');
  close.type = 'button';
  close.setAttribute('aria-label', words.close);
  panel.setAttribute('aria-label', words[verdict]);
  panel.replaceChildren(close, el(doc, 'h2', words[verdict], verdict));
  if (!reasons.length) panel.append(el(doc, 'p', words.allowedExplanation));
  for (const reason of reasons) {
    const { field, text } = reason.evidence;
    const shown = field === 'actionDisabled' ? words.disabledAction : `“${text.length > 160 ? `${text.slice(0, 159)}…` : text}”`;
    const source = el(
      doc,
      'p',
      `${words.source}${words.colon}${reason.source.url ? '' : isOrgRuleSource(reason.source) ? words.orgRule : words.yourRule}`,
    );
    if (reason.source.url) {
      const link = el(doc, 'a', `${reason.source.section} · ${reason.source.edition}`);
      link.href = reason.source.url;
      link.target = '_blank';
      link.rel = 'noopener noreferrer';
      source.append(link);
    }
    const section = el(doc, 'section');
    section.append(
      el(doc, 'h3', reason.verdict === verdict ? reason.title : `${reason.title} (${words[reason.verdict]})`),
      el(doc, 'p', reason.explanation),
      ...(reason.where ? [el(doc, 'p', `${words.where}${words.colon}${reason.where}`, 'where')] : []),
      el(doc, 'p', `${words.evidence}${words.colon}${words.fields[field]} ${shown}`, 'evidence'),
    );
    if (reason.note) section.append(el(doc, 'p', reason.note, 'note'));
    section.append(source);
    panel.append(section);
  }
}
