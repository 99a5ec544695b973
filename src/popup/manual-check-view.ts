// Checking a resource by hand: the fields a row would show -> the verdict a badge would give.
import type { Evaluation, Resource } from '../rules/types';
import type { MessageKey, Translate } from '../i18n/messages';
import { h, replaceChildren, uniqueId } from '../ui/dom';
import { billingModeChoices, isEmptyCheck, manualCheckResource, statusChoices, tagChoices, type ManualCheckInput } from './manual-check';
import { reasonItem } from './reason-view';
import { verdictPill } from '../ui/verdict';

/** `fee`, when given, is the handling-fee estimator shown under the check. */
export function manualCheckView(t: Translate, evaluate: (resource: Resource) => Evaluation, fee?: HTMLElement): HTMLElement {
  const productId = uniqueId('product');
  const billingId = uniqueId('billing');
  const statusId = uniqueId('status');
  const product = h('input', { id: productId, type: 'text', placeholder: t('checkProductPlaceholder'), autocomplete: 'off' });
  const select = (id: string, choices: readonly MessageKey[]) =>
    h(
      'select',
      { id },
      h('option', { value: '' }, t('checkAny')),
      choices.map((key) => h('option', { value: key }, t(key))),
    );
  const billing = select(billingId, billingModeChoices);
  const status = select(statusId, statusChoices);
  const tagBoxes = tagChoices.map((key) => ({ key, box: h('input', { type: 'checkbox', value: key }) }));
  const output = h('div', { class: 'check-output', 'aria-live': 'polite' });

  const read = (): ManualCheckInput => ({
    productType: product.value,
    billingMode: (billing.value || undefined) as MessageKey | undefined,
    status: (status.value || undefined) as MessageKey | undefined,
    tags: tagBoxes.filter(({ box }) => box.checked).map(({ key }) => key),
  });

  const update = () => {
    const input = read();
    if (isEmptyCheck(input)) return replaceChildren(output, h('p', { class: 'hint' }, t('checkHint')));
    const evaluation = evaluate(manualCheckResource(input, t));
    replaceChildren(
      output,
      h(
        'div',
        { class: 'check-verdict' },
        verdictPill(evaluation.verdict, t),
        evaluation.reasons.length ? null : h('span', null, t('checkNoReason')),
      ),
      evaluation.reasons.length
        ? h(
            'ul',
            { class: 'reasons' },
            evaluation.reasons.map((reason) => reasonItem(reason, t)),
          )
        : null,
    );
  };

  const form = h(
    'form',
    { class: 'check-form', onsubmit: (event) => event.preventDefault(), oninput: update, onchange: update },
    h('label', { for: productId }, t('columnProductType')),
    product,
    h('label', { for: billingId }, t('columnBillingMode')),
    billing,
    h('label', { for: statusId }, t('columnStatus')),
    status,
    h(
      'fieldset',
      { class: 'tags' },
      h('legend', null, t('fieldTags')),
      tagBoxes.map(({ key, box }) => h('label', { class: 'tag' }, box, t(key))),
    ),
  );
  update();
  return h('details', { class: 'panel check' }, h('summary', null, t('checkTitle')), form, output, fee ?? null);
}
