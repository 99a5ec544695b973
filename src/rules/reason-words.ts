// The words of reasons the engine writes itself, in each language: "if ..." for a row that only may
// fall under a rule, and the title of a reason the page shows that no rule names. $1 is the rule's
// title or the page's reason, $2 the list's edition, $3 where. With them, the words of sources
// (src/rules/source-words.ts). The content script is handed them with its settings
// (src/background/page-config.ts), so they are not in its bundle.
import type { Lang } from '../i18n/languages';
import { sourceWords, type SourceWords } from './source-words';

export const reasonWords = {
  en: {
    ifBlocked: 'If “$1” applies to this row, it cannot be unsubscribed from (list of $2).',
    ifElsewhere: 'If “$1” applies to this row, it is not unsubscribed on this page (list of $2) but here: $3.',
    unsure: 'What the row shows does not make it certain: check before you rely on it.',
    pageReasonTitle: 'Reason on the page: “$1”',
    pageReason:
      'The page refuses unsubscribing for the reason it shows, which no rule of the catalog names. Check what the reason asks for before you try again.',
    ...sourceWords.en,
  },
  zh: {
    ifBlocked: '如果“$1”适用于此行，则不支持退订（$2 版列表）。',
    ifElsewhere: '如果“$1”适用于此行，则不在此页面退订（$2 版列表），而是：$3。',
    unsure: '此行显示的内容不足以确定，请先核实。',
    pageReasonTitle: '页面原因：“$1”',
    pageReason: '页面因所示原因不允许退订，目录中没有规则收录该原因。请先核实该原因的要求，再尝试退订。',
    ...sourceWords.zh,
  },
} as const satisfies Record<Lang, unknown>;

export type ReasonWords = Record<Exclude<keyof (typeof reasonWords)['en'], keyof SourceWords>, string> & SourceWords;
