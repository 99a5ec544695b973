// Sources in the reader's language: a Chinese reader sees 表1 and 条件 and gets the China site's copy
// of a document where it has one; an English reader the catalog's own words and the international site.
import { describe, expect, it } from 'vitest';
import { catalog } from '../../src/rules/catalog';
import { evaluate } from '../../src/rules/engine';
import { lookup } from '../../src/rules/lookup';
import { reasonWords } from '../../src/rules/reason-words';
import { fillExplanation } from '../../src/badges/explanation-panel';
import { badgeText } from '../../src/badges/badge-text';

const han = /\p{Script=Han}/u;
// Latin words a Chinese section name may keep: error codes.
const latinWord = /\b(?!CBC\b)[A-Za-z]{2,}\b/;

const sources = [
  ...catalog.rules.map((rule) => rule.source),
  ...(catalog.topics ?? []).flatMap((topic) => topic.points.map((point) => point.source)),
];

describe('section names and documents in Chinese', () => {
  const sections = [...new Set(sources.map((source) => source.section))];

  it.each(sections)('"%s" has a Chinese name without English words', (section) => {
    const zh = (reasonWords.zh.sections as Record<string, string>)[section];
    expect(zh).toMatch(han);
    expect(zh).not.toMatch(latinWord);
  });

  it("links each document of the billing manual to the China site's copy; the rest stay", () => {
    for (const url of new Set(sources.map((source) => source.url))) {
      // A China-site-only document (five-day unsubscription) is linked as it is.
      const china = url.startsWith('https://support.huaweicloud.com/usermanual-billing/') ? url : undefined;
      const zh = (reasonWords.zh.documents as Record<string, string>)[url] ?? china;
      if (url.includes('/usermanual-billing/')) expect(zh).toMatch(/^https:\/\/support\.huaweicloud\.com\/usermanual-billing\/[\w-]+\.html$/);
      else expect(zh).toBeUndefined();
    }
  });
});

describe('what readers see', () => {
  it('gives a Chinese reason its source as 表1 on the China site, and an English one Table 1 on the international site', () => {
    const [zh] = evaluate({ productType: '消息通知服务' }, catalog, { lang: 'zh' }).reasons;
    expect(zh!.source).toEqual({
      url: 'https://support.huaweicloud.com/usermanual-billing/zh-cn_topic_0083138804.html',
      section: '表1',
      edition: '2020-01-14',
    });
    const [en] = evaluate({ productType: 'SMN' }, catalog, { lang: 'en' }).reasons;
    expect(en!.source).toEqual({
      url: 'https://support-intl.huaweicloud.com/en-us/usermanual-billing/en-us_topic_0083138804.html',
      section: 'Table 1',
      edition: '2020-01-14',
    });
  });

  it('gives a Chinese look-up answer its source in Chinese', () => {
    expect(lookup('试用', catalog, { lang: 'zh' })[0]?.source.section).toBe('条件');
    expect(lookup('trial', catalog, { lang: 'en' })[0]?.source.section).toBe('Conditions');
  });

  it("keeps your own and your organisation's rules marked as such", () => {
    const settings = { lang: 'zh' as const, userRules: [{ id: 'mine', names: ['My Host'], verdict: 'caution' as const, explanation: 'Ask first.' }] };
    expect(evaluate({ productType: 'My Host' }, catalog, settings).reasons[0]?.source).toEqual({ url: '', section: 'Your own rules', edition: '' });
  });

  it.each([
    ['消息通知服务', 'SMN', '表1'],
    ['已过期', 'Expired', '条件'],
  ])('shows a Chinese panel no English source words (%s)', (zhProduct, enProduct, section) => {
    const panel = document.createElement('div');
    const zhEvaluation = evaluate(zhProduct === '已过期' ? { status: zhProduct } : { productType: zhProduct }, catalog, { lang: 'zh' });
    fillExplanation(panel, zhEvaluation, badgeText.zh);
    const link = panel.querySelector('a')!;
    expect(link.textContent).toBe(`${section} · 2020-01-14`);
    expect(link.href).toContain('support.huaweicloud.com/usermanual-billing/zh-cn_topic');
    expect(panel.textContent).not.toMatch(/Table 1|Conditions|Source/);

    const enPanel = document.createElement('div');
    fillExplanation(
      enPanel,
      evaluate(enProduct === 'Expired' ? { status: enProduct } : { productType: enProduct }, catalog, { lang: 'en' }),
      badgeText.en,
    );
    expect(enPanel.querySelector('a')!.href).toContain('support-intl.huaweicloud.com');
  });
});
