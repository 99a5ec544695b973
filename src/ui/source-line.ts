// "Source: Table 1, edition 2020-01-14" as a link to the document, in the popup and the options page;
// the user's own rules and the organisation's say whose they are.
import type { RuleSource } from '../rules/types';
import type { Translate } from '../i18n/messages';
import { isOrgRuleSource } from '../rules/engine';
import { externalLink, h, isWebUrl } from './dom';

export function sourceLine(source: RuleSource, t: Translate): HTMLElement {
  if (!isWebUrl(source.url)) return h('p', { class: 'source' }, t(isOrgRuleSource(source) ? 'sourceOrgRule' : 'sourceUserRule'));
  return h('p', { class: 'source' }, externalLink(source.url, t('sourceLink', source.section, source.edition)));
}
