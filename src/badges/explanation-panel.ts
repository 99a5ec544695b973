// The explanation a badge opens: every reason, what the page showed, and the source. Built with
// createElement/textContent only: rule and page text never become markup.
import type { Evaluation, Lang } from '../rules/types';
import { badgeText, verdictLabel } from './badge-text';

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, className?: string, text?: string) {
  const element = doc.createElement(tag);
  if (className) element.className = className;
  if (text !== undefined) element.textContent = text;
  return element;
}

/** Fills `panel` with the explanation of an evaluation, replacing what it held. */
export function fillExplanation(panel: HTMLElement, evaluation: Evaluation, lang: Lang): void {
  const doc = panel.ownerDocument;
  const words = badgeText[lang];
  panel.replaceChildren();
  const close = el(doc, 'button', 'close', '×');
  close.type = 'button';
  close.setAttribute('aria-label', words.close);
  close.dataset.action = 'close';
  panel.append(close, el(doc, 'h2', evaluation.verdict, verdictLabel(evaluation.verdict, lang)));

  if (!evaluation.reasons.length) {
    panel.append(el(doc, 'p', undefined, words.allowedExplanation));
    return;
  }
  for (const reason of evaluation.reasons) {
    const section = el(doc, 'section');
    const heading = reason.verdict === evaluation.verdict ? reason.title : `${reason.title} (${verdictLabel(reason.verdict, lang)})`;
    section.append(el(doc, 'h3', undefined, heading), el(doc, 'p', undefined, reason.explanation));
    const { field, text } = reason.evidence;
    const shown = field === 'actionDisabled' ? words.disabledAction : `“${text.length > 160 ? `${text.slice(0, 159)}…` : text}”`;
    section.append(el(doc, 'p', 'evidence', `${words.evidence}: ${words.fields[field]} ${shown}`));
    if (reason.note) section.append(el(doc, 'p', 'note', reason.note));
    if (reason.source.url) {
      const line = el(doc, 'p', 'source', `${words.source}: `);
      const link = el(doc, 'a', undefined, `${reason.source.section} · ${reason.source.edition}`);
      link.href = reason.source.url;
      link.target = '_blank';
      link.rel = 'noopener noreferrer';
      line.append(link);
      section.append(line);
    } else {
      section.append(el(doc, 'p', 'source', `${words.source}: ${words.yourRule}`));
    }
    panel.append(section);
  }
}
