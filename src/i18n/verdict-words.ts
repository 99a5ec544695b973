// The words for a verdict, in each language: the one set every surface uses (badges, popup, options,
// CSV and report, both CLIs). The extension's pages get them through their translator under the keys
// below; the badge words and the CLIs take them from here.
import type { Lang } from './languages';
import type { Verdict } from '../rules/types';

export const verdictWords = {
  en: { blocked: 'Cannot unsubscribe', elsewhere: 'Not here', caution: 'Check', allowed: 'No rule' },
  zh: { blocked: '不可退订', elsewhere: '不在此退订', caution: '请核实', allowed: '无规则' },
} as const satisfies Record<Lang, Record<Verdict, string>>;

/**
 * The same verdicts in one short word, where a narrow space shows them (the badge in a table cell,
 * a row of the popup's list); the full words stay in the accessible name, the panel and the counts.
 */
export const shortVerdictWords = {
  en: { blocked: 'Blocked', elsewhere: 'Not here', caution: 'Check', allowed: 'No rule' },
  zh: { blocked: '不可退订', elsewhere: '不在此退订', caution: '请核实', allowed: '无规则' },
} as const satisfies Record<Lang, Record<Verdict, string>>;

/** The message keys the pages' translators know the verdict words by. */
export const verdictMessageKey = {
  blocked: 'verdictBlocked',
  elsewhere: 'verdictElsewhere',
  caution: 'verdictCaution',
  allowed: 'verdictAllowed',
} as const satisfies Record<Verdict, string>;

/** The message keys of the short words. */
export const shortVerdictMessageKey = {
  blocked: 'verdictBlockedShort',
  elsewhere: 'verdictElsewhereShort',
  caution: 'verdictCautionShort',
  allowed: 'verdictAllowedShort',
} as const satisfies Record<Verdict, string>;

export type VerdictMessageKey = (typeof verdictMessageKey)[Verdict] | (typeof shortVerdictMessageKey)[Verdict];

/** The verdict words of `lang`, full and short, as message-file entries. */
export function verdictMessages(lang: Lang): Record<VerdictMessageKey, { message: string }> {
  const entries: [string, { message: string }][] = [];
  for (const verdict of Object.keys(verdictMessageKey) as Verdict[]) {
    entries.push([verdictMessageKey[verdict], { message: verdictWords[lang][verdict] }]);
    entries.push([shortVerdictMessageKey[verdict], { message: shortVerdictWords[lang][verdict] }]);
  }
  return Object.fromEntries(entries) as Record<VerdictMessageKey, { message: string }>;
}
