// A rule's reason as the popup shows it: verdict, title, explanation, the page text it was found in,
// and where the rule comes from.
import type { EvidenceField, Reason } from '../rules/types';
import type { MessageKey, Translate } from '../i18n/messages';
import { h } from '../ui/dom';
import { sourceLine } from '../ui/source-line';
import { verdictPill } from '../ui/verdict';

const evidenceLabelKey: Readonly<Record<EvidenceField, MessageKey>> = {
  productType: 'columnProductType',
  billingMode: 'columnBillingMode',
  status: 'columnStatus',
  tags: 'fieldTags',
  actionDisabled: 'fieldActionDisabled',
  reasonText: 'columnReason',
};

export function reasonItem(reason: Reason, t: Translate): HTMLElement {
  const evidence =
    reason.evidence.field === 'actionDisabled'
      ? t('evidenceDisabled')
      : t('evidence', t(evidenceLabelKey[reason.evidence.field]), reason.evidence.text);
  return h(
    'li',
    { class: 'reason' },
    h('div', { class: 'reason-head' }, verdictPill(reason.verdict, t), h('strong', null, reason.title)),
    h('p', { class: 'explanation' }, reason.explanation),
    h('p', { class: 'evidence' }, evidence),
    reason.where ? h('p', { class: 'where' }, h('strong', null, t('whereInstead')), reason.where) : null,
    reason.note ? h('p', { class: 'note' }, reason.note) : null,
    sourceLine(reason.source, t),
  );
}
