// The explanation a badge opens: every reason, what the page showed, and the source. Built with
// createElement/textContent only: rule and page text never become markup.
import type { Evaluation, PageNote, RuleSource } from '../rules/types';
import type { BadgeWords } from './badge-text';
import { isOrgRuleSource } from '../rules/engine';

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, text = '', className = ''): HTMLElementTagNameMap[K] {
  const element = doc.createElement(tag);
  element.className = className;
  element.textContent = text;
  return element;
}

/** Fills `panel` with the explanation of an evaluation, replacing what it held. */
export function fillExplanation(panel: HTMLElement, { verdict, reasons, notes }: Evaluation, words: BadgeWords): void {
  const doc = panel.ownerDocument;
  const close = el(doc, 'button', '×', 'close');
  close.type = 'button';
  close.setAttribute('aria-label', words.close);
  const noted = verdict === 'allowed' && notes?.length ? notes : undefined;
  const heading = noted ? words.fiveDay : words[verdict];
  // No aria-label: the panel is the badge's description, and a label would be read instead of it.
  panel.removeAttribute('aria-label');
  panel.replaceChildren(close, el(doc, 'h2', heading, verdict));
  if (noted) for (const note of noted) panel.append(noteSection(doc, note, words));
  else if (!reasons.length) panel.append(el(doc, 'p', words.allowedExplanation));
  for (const reason of reasons) {
    const { field, text } = reason.evidence;
    const shown = field === 'actionDisabled' ? words.disabledAction : `“${text.length > 160 ? `${text.slice(0, 159)}…` : text}”`;
    const source = sourceLine(doc, reason.source, words);
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

/** "Source: Table 1 · 2020-01-14" as a link; the user's and the organisation's rules say whose they are. */
function sourceLine(doc: Document, source: RuleSource, words: BadgeWords): HTMLElement {
  const line = el(doc, 'p', `${words.source}${words.colon}${source.url ? '' : isOrgRuleSource(source) ? words.orgRule : words.yourRule}`);
  if (source.url) {
    const link = el(doc, 'a', `${source.section} · ${source.edition}`);
    link.href = source.url;
    link.target = '_blank';
    link.rel = 'noopener noreferrer';
    line.append(link);
  }
  return line;
}

/** A note of the page (the five-day tab): its title, then each fact with its source. */
function noteSection(doc: Document, note: PageNote, words: BadgeWords): HTMLElement {
  const section = el(doc, 'section', '', 'page-note');
  section.append(el(doc, 'h3', note.title));
  note.points.forEach((point, i) => {
    section.append(el(doc, 'p', point.text));
    // Facts from one document share one source line, after the last of them.
    const next = note.points[i + 1]?.source;
    if (!next || next.url !== point.source.url || next.section !== point.source.section) section.append(sourceLine(doc, point.source, words));
  });
  return section;
}
