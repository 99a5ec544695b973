// Where a rule comes from, in the reader's language: the section as the Chinese documents name it,
// and the China site's copy of a document where the site has one (same topic id, its zh-cn page).
// English readers get the catalog's own words and links. Handed to the content script with the
// engine's other words (src/rules/reason-words.ts), so they are not in its bundle.
import type { RuleSource } from './types';

export interface SourceWords {
  /** Section names by the catalog's English name. */
  sections: Readonly<Record<string, string>>;
  /** Document addresses by the catalog's address. */
  documents: Readonly<Record<string, string>>;
}

const CHINA_LIST = 'https://support.huaweicloud.com/usermanual-billing/zh-cn_topic_0083138804.html';

export const sourceWords = {
  en: { sections: {}, documents: {} },
  zh: {
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
} as const satisfies Record<'en' | 'zh', SourceWords>;

/** `source` in the words of `words`: the same object when nothing changes. */
export function localSource(source: RuleSource, words: SourceWords): RuleSource {
  const section = words.sections[source.section];
  const url = words.documents[source.url];
  return section || url ? { ...source, section: section ?? source.section, url: url ?? source.url } : source;
}
