// Estimating the handling fee by hand: a term and the date the order took effect -> the fee's share,
// and with the amount paid, the consumed amount, the fee and the refund. Shown only with the source
// of the fee table: never a figure without it.
import type { Catalog, Lang, RuleSource } from '../rules/types';
import { localSource } from '../rules/local-source';
import { reasonWords } from '../rules/reason-words';
import type { MessageKey, Translate } from '../i18n/messages';
import { h, replaceChildren, uniqueId } from '../ui/dom';
import { estimateHandlingFee, termEnd, terms, type FeeProblem, type Term } from '../fees/handling-fee';
import { sourceLine } from '../ui/source-line';

const termLabel: Readonly<Record<Term, MessageKey>> = {
  monthly: 'termMonthly',
  '1-year': 'term1Year',
  '2-year': 'term2Year',
  '3-year': 'term3Year',
};

const problemMessage: Readonly<Record<Exclude<FeeProblem, 'term-over'>, MessageKey>> = {
  'start-invalid': 'feeProblemStart',
  'at-invalid': 'feeProblemAt',
  'at-before-start': 'feeProblemOrder',
  'paid-invalid': 'feeProblemPaid',
};

/** The source of the fee table: the refund topic's point that states it, in the reader's words. */
export function feeTableSource(catalog: Catalog, lang: Lang): RuleSource | undefined {
  const topic = catalog.topics?.find((candidate) => candidate.id === 'refund-and-handling-fee');
  const point = topic?.points.find((candidate) => candidate.text.en.startsWith('Handling fee'));
  return point && localSource(point.source, reasonWords[lang]);
}

/** A date field's value as a local date, YYYY-MM-DD. */
const dateValue = (date: Date) => `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
const localDate = (value: string) => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00`) : new Date(NaN));

export function feeEstimateView(t: Translate, source: RuleSource, lang: Lang, now: () => Date = () => new Date()): HTMLElement {
  const ids = { term: uniqueId('term'), start: uniqueId('start'), at: uniqueId('at'), paid: uniqueId('paid') };
  const term = h(
    'select',
    { id: ids.term },
    terms.map((value) => h('option', { value }, t(termLabel[value]))),
  );
  const start = h('input', { id: ids.start, type: 'date', required: true });
  const at = h('input', { id: ids.at, type: 'date', value: dateValue(now()) });
  const paid = h('input', { id: ids.paid, type: 'number', min: '0', step: '0.01', inputmode: 'decimal' });
  const output = h('div', { class: 'fee-output', 'aria-live': 'polite' });
  const money = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const day = new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en', { dateStyle: 'medium' });

  const update = () => {
    if (!start.value) return replaceChildren(output, h('p', { class: 'hint' }, t('feeHint')));
    const estimate = estimateHandlingFee({
      term: term.value as Term,
      start: localDate(start.value),
      at: localDate(at.value),
      ...(paid.value.trim() ? { paid: Number(paid.value) } : {}),
    });
    if ('problem' in estimate) {
      const message =
        estimate.problem === 'term-over'
          ? t('feeProblemOver', day.format(termEnd(term.value as Term, localDate(start.value))))
          : t(problemMessage[estimate.problem]);
      return replaceChildren(output, h('p', { class: 'problem', role: 'alert' }, message));
    }
    const { percent, yearOfUse, end, amounts, withinFiveDays } = estimate;
    replaceChildren(
      output,
      h('p', { class: 'fee-rate' }, t('feeRate', percent, yearOfUse, day.format(end))),
      amounts
        ? h('p', { class: 'fee-amounts' }, t('feeAmounts', money.format(amounts.consumed), money.format(amounts.fee), money.format(amounts.refund)))
        : null,
      withinFiveDays ? h('p', { class: 'note' }, t('feeFiveDays')) : null,
      h('p', { class: 'hint' }, t('feeEstimateNote')),
      sourceLine(source, t),
    );
  };

  const form = h(
    'form',
    { class: 'fee-form', onsubmit: (event) => event.preventDefault(), oninput: update, onchange: update },
    h('label', { for: ids.term }, t('feeTerm')),
    term,
    h('label', { for: ids.start }, t('feeStart')),
    start,
    h('label', { for: ids.at }, t('feeAt')),
    at,
    h('label', { for: ids.paid }, t('feePaid')),
    paid,
  );
  update();
  return h('section', { class: 'fee', 'aria-label': t('feeTitle') }, h('h3', null, t('feeTitle')), form, output);
}
