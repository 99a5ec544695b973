// A rule's reason as the popup shows it: verdict, title, explanation, the page text it was found in,
// and where the rule comes from.
import type { EvidenceField, Reason, RuleSource } from '../rules/types';
import type { MessageKey, Translate } from '../i18n/messages';
import { externalLink, h, isWebUrl } from '../ui/dom';
import { verdictPill } from '../ui/verdict';
import { isOrgRuleSource } from '../rules/engine';

const evidenceLabelKey: Readonly<Record<EvidenceField, MessageKey>> = {
  productType: 'columnProductType',
  billingMode: 'columnBillingMode',
  status: 'columnStatus',
  tags: 'fieldTags',
  actionDisabled: 'fieldActionDisabled',
  reasonText: 'columnReason',
};

/** "Source: Table 1, 2020-01-14 edition" as a link to the document; the user's own rules say so. */
export function sourceLine(source: RuleSource, t: Translate): HTMLElement {
  if (!isWebUrl(source.url)) return h('p', { class: 'source' }, t(isOrgRuleSource(source) ? 'sourceOrgRule' : 'sourceUserRule'));
  return h('p', { class: 'source' }, externalLink(source.url, t('sourceLink', source.section, source.edition)));
}

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
