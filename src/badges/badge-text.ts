// The few words a badge says itself (a short verdict that fits a narrow cell); everything else comes
// from the catalog in the same language. The content script gets them from the background with its
// settings, like the rules, so they are not in its bundle: the badge code takes them as an argument.
import type { Lang } from '../i18n/languages';
import { shortVerdictWords, verdictWords } from '../i18n/verdict-words';

export const badgeText = {
  en: {
    ...verdictWords.en,
    short: shortVerdictWords.en,
    fiveDay: '5-day',
    barLabel: 'Unsub Lens: this page',
    refusedInBatch: { blocked: 'Will be refused: ', elsewhere: 'Not unsubscribed here: ' },
    filterLabel: 'Show only rows that need attention',
    onlyVerdict: 'Only “$1” rows are shown.',
    legend: {
      blocked: 'the list says it cannot be unsubscribed',
      elsewhere: 'not on this page: the badge says where',
      caution: 'a rule may apply: check',
    },
    source: 'Source',
    colon: ': ',
    comma: ', ',
    oneMoreReason: 'and 1 more reason',
    moreReasons: 'and $1 more reasons',
    where: 'Unsubscribe instead',
    yourRule: 'Your own rule',
    orgRule: 'Set by your organisation',
    evidence: 'Shown on the page',
    close: 'Close',
    fields: {
      productType: 'Product type',
      billingMode: 'Billing mode',
      status: 'Status',
      tags: 'Tag',
      reasonText: 'Reason on the page',
      actionDisabled: 'Unsubscribe action',
    },
    disabledAction: 'disabled',
    allowedExplanation:
      'No rule of the catalog applies to what this row shows. Conditions a page cannot show (invoice, promotion, reseller, support plan) may still apply.',
  },
  zh: {
    ...verdictWords.zh,
    short: shortVerdictWords.zh,
    fiveDay: '五天无理由',
    barLabel: '退订助手：本页',
    refusedInBatch: { blocked: '将被拒绝退订：', elsewhere: '不在此页面退订：' },
    filterLabel: '只显示需要注意的资源',
    onlyVerdict: '只显示“$1”的资源。',
    legend: {
      blocked: '列表规定不支持退订',
      elsewhere: '不在此页面退订，标记会说明在哪里办理',
      caution: '可能适用某条规则，请核实',
    },
    source: '来源',
    colon: '：',
    comma: '，',
    oneMoreReason: '另有 1 条原因',
    moreReasons: '另有 $1 条原因',
    where: '可改在',
    yourRule: '自定义规则',
    orgRule: '由贵单位统一设置',
    evidence: '页面显示',
    close: '关闭',
    fields: {
      productType: '产品类型',
      billingMode: '计费模式',
      status: '状态',
      tags: '标签',
      reasonText: '页面原因',
      actionDisabled: '退订操作',
    },
    disabledAction: '不可用',
    allowedExplanation: '没有规则适用于该行显示的内容，但页面无法显示的情况（如已开发票、促销、经销商、支持计划）仍可能使它不可退订。',
  },
} as const satisfies Record<Lang, unknown>;

/** The words of one language. */
export type BadgeWords = (typeof badgeText)[Lang];
