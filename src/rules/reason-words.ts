// The words of reasons the engine writes itself, in each language: "if ..." for a row that only may
// fall under a rule, and the title of a reason the page shows that no rule names. $1 is the rule's
// title or the page's reason, $2 the list's edition, $3 where. With them, the words of sources
// (sections as the Chinese documents name them, the China site's copy of a document where it has
// one: same topic id, its zh-cn page). The content script is handed them with its settings
// (src/background/page-config.ts), so they are not in its bundle.
import type { Lang } from '../i18n/languages';
import type { SourceWords } from './source-words';

const CHINA_LIST = 'https://support.huaweicloud.com/usermanual-billing/zh-cn_topic_0083138804.html';

export const reasonWords = {
  en: {
    ifBlocked: 'If “$1” applies to this row, it cannot be unsubscribed from (list of $2).',
    ifElsewhere: 'If “$1” applies to this row, it is not unsubscribed on this page (list of $2) but here: $3.',
    unsure: 'What the row shows does not make it certain: check before you rely on it.',
    pageReasonTitle: 'Reason on the page: “$1”',
    pageReason:
      'The page refuses unsubscribing for the reason it shows, which no rule of the catalog names. Check what the reason asks for before you try again.',
    sections: {},
    documents: {},
  },
  zh: {
    ifBlocked: '如果“$1”适用于此行，则不支持退订（$2 版列表）。',
    ifElsewhere: '如果“$1”适用于此行，则不在此页面退订（$2 版列表），而是：$3。',
    unsure: '此行显示的内容不足以确定，请先核实。',
    pageReasonTitle: '页面原因：“$1”',
    pageReason: '页面因所示原因不允许退订，规则列表中没有收录该原因。请先核实该原因的要求，再尝试退订。',
    sections: {
      'Table 1': '表1',
      Conditions: '条件',
      Marketplace: '云商店（原云市场）',
      'Conditions: unsubscription not supported for other reasons': '条件：其他原因不支持退订',
      'Not displayed on the Unsubscriptions page': '不在退订页面显示',
      'Unsubscription Not Allowed (later revision)': '不可退订（后续修订版本）',
      'Unsubscribing from inactive resources: reasons': '退订未生效的资源：不可退订原因',
      'Error codes: CBC.0151': '错误码：CBC.0151',
      'Unsubscription Rules': '退订规则',
      'Large-value unsubscription': '大额退订',
      'Five-day no-reason unsubscription': '五天无理由退订',
    },
    documents: {
      'https://support-intl.huaweicloud.com/en-us/usermanual-billing/en-us_topic_0083138804.html': CHINA_LIST,
      'https://support.huaweicloud.com/eu/usermanual-billing/en-us_topic_0083138804.html': CHINA_LIST,
      'https://support.huaweicloud.com/intl/th-th/usermanual-billing/unsubscription_topic_2000007.html':
        'https://support.huaweicloud.com/usermanual-billing/unsubscription_topic_2000007.html',
      'https://support.huaweicloud.com/eu/usermanual-billing/unsubscription_topic_2000007.html':
        'https://support.huaweicloud.com/usermanual-billing/unsubscription_topic_2000007.html',
      'https://support.huaweicloud.com/intl/en-us/usermanual-billing/en-us_topic_0083138805.html':
        'https://support.huaweicloud.com/usermanual-billing/zh-cn_topic_0083138805.html',
    },
  },
} as const satisfies Record<Lang, unknown>;

export type ReasonWords = Record<Exclude<keyof (typeof reasonWords)['en'], keyof SourceWords>, string> & SourceWords;
