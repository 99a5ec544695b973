// A reason's words follow its verdict. A row that only may fall under a rule (an inferred name, a
// condition the row does not show for certain) gets "if ...", never the rule's certain "cannot";
// a reason the page shows that no rule names is titled with that reason, not "reason not shown".
import type { Lang, Rule, RuleVerdict } from './types';
import type { ReasonWords } from './reason-words';

const fill = (template: string, ...args: string[]) => template.replace(/\$([1-3])/g, (_, n: string) => args[Number(n) - 1] ?? '');

/** What a text would otherwise assert: the rule's own verdict, or a variant's. */
export interface StatedVerdict {
  verdict: RuleVerdict;
  explanation: string;
  where?: string;
}

/**
 * The explanation of `rule` at `verdict`: the stated text when the verdict is the one it states,
 * else (a check, weaker because the row does not show the rule for certain) a text that says "if".
 */
export function explanationAt(rule: Rule, verdict: RuleVerdict, lang: Lang, words: ReasonWords, stated?: StatedVerdict): string {
  const claim = stated ?? { verdict: rule.verdict, explanation: rule.explanation[lang], where: rule.where?.[lang] };
  if (verdict === claim.verdict || verdict !== 'caution') return claim.explanation;
  const title = rule.title[lang];
  const edition = rule.source.edition;
  const hedged =
    claim.verdict === 'elsewhere' && claim.where ? fill(words.ifElsewhere, title, edition, claim.where) : fill(words.ifBlocked, title, edition);
  return `${hedged} ${words.unsure}`;
}

const TITLE_QUOTE_LIMIT = 60;

/** The title and explanation of a reason the page shows that no rule names. */
export function pageReasonWords(text: string, words: ReasonWords): { title: string; explanation: string } {
  const quoted = text.length > TITLE_QUOTE_LIMIT ? `${text.slice(0, TITLE_QUOTE_LIMIT - 1)}…` : text;
  return { title: fill(words.pageReasonTitle, quoted), explanation: words.pageReason };
}
