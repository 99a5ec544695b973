// Every reason's words agree with its verdict, for every rule and both languages: a block never says
// it can be unsubscribed, a check never states a certain block, "not here" says where, and a reason
// the page gives is what the title names. Runs each rule through every way a row can reach it.
import { describe, expect, it } from 'vitest';
import { catalog } from '../../src/rules/catalog';
import { evaluate } from '../../src/rules/engine';
import { lookup } from '../../src/rules/lookup';
import { langs, type Lang } from '../../src/i18n/languages';
import type { Reason, Resource, Rule, RuleVerdict } from '../../src/rules/types';

const blockPhrase: Record<Lang, RegExp> = {
  en: /\b(cannot|can't|can not)\b[^.;:]*\bunsubscri|\bnot (be )?(allowed|supported)\b|\bno self-service unsubscription/i,
  zh: /不支持(自助)?退订|不可退订|不能(在此)?退订|无法退订|不允许退订/,
};
const allowPhrase: Record<Lang, RegExp> = { en: /\bcan be unsubscribed\b/i, zh: /可以?(在此)?退订|支持退订/ };
const hedge: Record<Lang, RegExp> = { en: /\b(if|may|might|unless|whether|check)\b/i, zh: /如果|若|可能|核实|核对|是否|除非/ };
// "Not here" blocks this page only: a sentence saying "cannot" says where it cannot.
const here: Record<Lang, RegExp> = { en: /\b(here|this page|Billing Center|in the console|self-service)\b/i, zh: /此页|在此|费用中心|控制台|自助/ };

const sentences = (text: string) => text.split(/(?<=[.;!?。；！？])\s*/).filter(Boolean);

/** What is wrong with a text for a verdict, or nothing. */
function contradiction(verdict: RuleVerdict, text: string, lang: Lang, where?: string): string | undefined {
  for (const sentence of sentences(text)) {
    const blocks = blockPhrase[lang].test(sentence);
    const allows = allowPhrase[lang].test(sentence.replace(new RegExp(blockPhrase[lang], 'g'), ''));
    if (verdict === 'blocked' && allows && !hedge[lang].test(sentence)) return `a block that says it can be unsubscribed: "${sentence}"`;
    if (verdict === 'caution' && blocks && !hedge[lang].test(sentence)) return `a check that states a certain block: "${sentence}"`;
    if (verdict === 'elsewhere' && blocks && !here[lang].test(sentence))
      return `"not here" that says it cannot be unsubscribed at all: "${sentence}"`;
  }
  if (verdict === 'caution' && !hedge[lang].test(text)) return `a check that never says what to check: "${text}"`;
  if (verdict === 'elsewhere' && !where) return 'a "not here" that does not say where';
  return undefined;
}

/** Every row a rule can be reached by: each of its names, match phrases and variants. */
function rowsFor(rule: Rule): Resource[] {
  const rows: Resource[] = [];
  for (const name of rule.names ?? []) {
    rows.push({ productType: name.text });
    for (const variant of rule.variants ?? []) rows.push({ productType: name.text, specification: variant.phrases[0] });
  }
  const match = rule.match;
  for (const status of match?.status ?? []) rows.push({ status });
  for (const billingMode of match?.billingMode ?? []) rows.push({ billingMode });
  for (const tag of match?.tags ?? []) rows.push({ tags: [tag] });
  for (const reasonText of match?.reasonText ?? []) rows.push({ reasonText, actionDisabled: true });
  for (const code of match?.codes ?? []) rows.push({ reasonText: code, actionDisabled: true });
  return rows;
}

const cases = catalog.rules.flatMap((rule) => langs.map((lang) => [rule.id, lang, rule] as const));

describe.each(cases)('%s in %s', (_id, lang, rule) => {
  it('its own text agrees with its own verdict', () => {
    expect(contradiction(rule.verdict, rule.explanation[lang], lang, rule.where?.[lang])).toBeUndefined();
    for (const variant of rule.variants ?? [])
      if (variant.verdict !== 'allowed')
        expect(contradiction(variant.verdict, variant.explanation[lang], lang, variant.where?.[lang])).toBeUndefined();
  });

  it('every row that reaches it gets words that agree with the verdict it gets', () => {
    const reached: Reason[] = [];
    for (const row of rowsFor(rule)) {
      for (const reason of evaluate(row, catalog, { lang }).reasons) {
        expect(contradiction(reason.verdict, reason.explanation, lang, reason.where), JSON.stringify(row)).toBeUndefined();
        if (reason.ruleId === rule.id) reached.push(reason);
      }
    }
    // Rules for what never shows on the page (reserved instances, one-off products) are look-up answers only.
    if (rule.id !== 'unknown-reason' && rule.group !== 'not-listed') expect(reached.length).toBeGreaterThan(0);
  });

  it('its look-up answers agree with their verdicts', () => {
    for (const name of rule.names ?? [rule.title]) {
      const text = typeof name === 'object' && 'text' in name ? name.text : rule.title[lang];
      for (const hit of lookup(text, catalog, { lang }))
        expect(contradiction(hit.verdict, hit.explanation, lang, hit.where), `${text} -> ${hit.rule}`).toBeUndefined();
    }
  });
});

describe('the examples users saw', () => {
  it.each(langs)('Cloud Search Service is a check whose text says "if", in %s', (lang) => {
    const zhName = lang === 'zh' ? '云搜索服务' : 'Cloud Search Service';
    const [reason] = evaluate({ productType: zhName }, catalog, { lang }).reasons;
    expect(reason).toMatchObject({ ruleId: 'service/elasticsearch-service', verdict: 'caution' });
    expect(reason!.explanation).toMatch(lang === 'en' ? /^If “Elasticsearch Service” applies to this row/ : /^如果“Elasticsearch 服务”适用于此行/);
    expect(reason!.note).toBeTruthy();
  });

  it.each(langs)('a reason the page shows that no rule names is the panel title, in %s', (lang) => {
    const reasonText = 'The resource is bound to an ongoing migration task';
    const { verdict, reasons } = evaluate({ productType: 'Elastic Cloud Server', reasonText, actionDisabled: true }, catalog, { lang });
    expect(verdict).toBe('caution');
    expect(reasons).toHaveLength(1);
    expect(reasons[0]!.title).toContain(reasonText);
    expect(reasons[0]!.title).not.toMatch(/not shown|未显示/);
    expect(reasons[0]!.explanation).not.toMatch(/shows no reason|未显示原因/);
  });

  it('a disabled action without a reason is still titled "reason not shown"', () => {
    const [reason] = evaluate({ productType: 'Elastic Cloud Server', actionDisabled: true }, catalog).reasons;
    expect(reason).toMatchObject({ ruleId: 'unknown-reason', title: 'Unsubscribe is disabled, reason not shown' });
  });

  it('a long reason is shortened in the title and kept whole as the evidence', () => {
    const reasonText = 'x'.repeat(200);
    const [reason] = evaluate({ reasonText, actionDisabled: true }, catalog).reasons;
    expect(reason!.title.length).toBeLessThan(90);
    expect(reason!.evidence.text).toBe(reasonText);
  });

  it('an invoiced KooGallery tag without KooGallery is a check that says "if"', () => {
    const [reason] = evaluate({ productType: 'Elastic Cloud Server', tags: ['Invoiced'] }, catalog).reasons;
    if (reason?.ruleId === 'marketplace-invoiced') {
      expect(reason.verdict).toBe('caution');
      expect(reason.explanation).toMatch(/^If /);
    }
    expect(contradiction(reason?.verdict ?? 'caution', reason?.explanation ?? 'check', 'en', reason?.where)).toBeUndefined();
  });

  it('the contradiction check itself catches each kind of contradiction', () => {
    expect(contradiction('caution', 'Elasticsearch Service is on Table 1: it cannot be unsubscribed from.', 'en')).toMatch(/certain block/);
    expect(contradiction('caution', '云搜索服务在表1中，不支持退订。请核实。', 'zh')).toMatch(/certain block/);
    expect(contradiction('blocked', 'Self-service connections can be unsubscribed from.', 'en')).toMatch(/can be unsubscribed/);
    expect(contradiction('blocked', '自助专线可以退订。', 'zh')).toMatch(/can be unsubscribed/);
    expect(contradiction('elsewhere', 'Meeting cannot be unsubscribed from.', 'en', 'the hotline')).toMatch(/at all/);
    expect(contradiction('elsewhere', 'Meeting is not unsubscribed on this page.', 'en')).toMatch(/where/);
  });
});
