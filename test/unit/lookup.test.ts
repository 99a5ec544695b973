// The look-up: "can I unsubscribe from X?" answered from the catalog, best hit first.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { catalog } from '../../src/rules/catalog';
import { buildLookupIndex, lookup, lookupIndexed, lookupTopics, withinOneEdit } from '../../src/rules/lookup';
import type { EngineSettings, UserRule } from '../../src/rules/types';

const ruleIds = (query: string, settings?: EngineSettings) => lookup(query, catalog, settings).map((hit) => hit.rule);
const first = (query: string, settings?: EngineSettings) => lookup(query, catalog, settings)[0];

describe('finding a service', () => {
  it('by its abbreviation: "SMN" is Simple Message Notification, blocked', () => {
    expect(first('SMN')).toMatchObject({
      rule: 'service/simple-message-notification',
      title: 'Simple Message Notification',
      verdict: 'blocked',
      matched: 'SMN',
      explanation: expect.stringContaining('Table 1'),
    });
    expect(ruleIds('SMN')).toEqual(['service/simple-message-notification']);
  });

  it('by its Chinese name: "消息通知服务"', () => {
    expect(first('消息通知服务')).toMatchObject({ rule: 'service/simple-message-notification', matched: '消息通知服务' });
  });

  it('by part of its name: "anti ddos" is Advanced Anti-DDoS, "message notif" is SMN', () => {
    expect(first('anti ddos')?.rule).toBe('service/advanced-anti-ddos');
    expect(first('message notif')?.rule).toBe('service/simple-message-notification');
    expect(first('bare metal')?.rule).toBe('service/dedicated-cloud-bare-metal-server');
  });

  it('with one typo: "notifcation", "notificaiton", "Elasticserach"', () => {
    expect(first('notifcation')?.rule).toBe('service/simple-message-notification');
    expect(first('notificaiton')?.rule).toBe('service/simple-message-notification');
    expect(first('Elasticserach')?.rule).toBe('service/elasticsearch-service');
  });

  it('in a question: "can I unsubscribe from SMN?", "可以退订SMN吗？", "Is Direct Connect refundable?"', () => {
    expect(first('can I unsubscribe from SMN?')?.rule).toBe('service/simple-message-notification');
    expect(first('可以退订SMN吗？')?.rule).toBe('service/simple-message-notification');
    expect(first('消息通知服务能退订吗')?.rule).toBe('service/simple-message-notification');
    expect(first('Is Direct Connect refundable?')?.rule).toBe('service/direct-connect');
  });

  it('whatever the case and width: "ｓｍｎ", "simple MESSAGE notification"', () => {
    expect(first('ｓｍｎ')?.rule).toBe('service/simple-message-notification');
    expect(first('simple MESSAGE notification')?.rule).toBe('service/simple-message-notification');
  });

  it('ranks the most specific name first: Dedicated Cloud Bare Metal Server above Dedicated Cloud', () => {
    const ids = ruleIds('Dedicated Cloud Bare Metal Server');
    expect(ids[0]).toBe('service/dedicated-cloud-bare-metal-server');
    expect(ids.indexOf('service/dedicated-cloud')).toBeGreaterThan(0);
    expect(first('Dedicated Cloud')?.rule).toBe('service/dedicated-cloud');
  });

  it('finds every Table 1 service by its abbreviation or Chinese name', () => {
    const byShortName: Array<[string, string]> = [
      ['DeC', 'service/dedicated-cloud'],
      ['DC', 'service/direct-connect'],
      ['云专线', 'service/direct-connect'],
      ['DIS', 'service/data-ingestion-service'],
      ['MLS', 'service/machine-learning-service'],
      ['DEW', 'service/data-encryption-workshop'],
      ['密码安全中心', 'service/data-encryption-workshop'],
      ['AAD', 'service/advanced-anti-ddos'],
      ['DDoS高防', 'service/advanced-anti-ddos'],
      ['Domains', 'service/domain-registration'],
      ['域名注册服务', 'service/domain-registration'],
      ['数据接入服务', 'service/data-ingestion-service'],
      ['CCE HCS Agile', 'service/cce-hcs-agile'],
      ['华为云会议', 'service/huawei-cloud-meeting'],
      ['WeLink', 'service/huawei-cloud-welink'],
      ['SCM', 'service/ssl-certificate-manager'],
    ];
    for (const [query, id] of byShortName) expect(first(query)?.rule, query).toBe(id);
  });

  it('says an inferred name is only a check, with the reason', () => {
    for (const [query, id] of [
      ['CSS', 'service/elasticsearch-service'],
      ['Cloud Search Service', 'service/elasticsearch-service'],
      ['ModelArts', 'service/machine-learning-service'],
      ['IoTDA', 'service/iot-device-management'],
    ]) {
      const hit = first(query!);
      expect(hit, query).toMatchObject({ rule: id, verdict: 'caution', note: expect.any(String) });
    }
    // The 2020 name itself is on Table 1: blocked, no note.
    expect(first('Elasticsearch Service')).toMatchObject({ rule: 'service/elasticsearch-service', verdict: 'blocked' });
    expect(first('Elasticsearch Service')?.note).toBeUndefined();
  });

  it('SSL Certificate Manager is "not here": the certificate console, within 7 days, while pending or revoked', () => {
    expect(first('ssl')).toMatchObject({ rule: 'service/ssl-certificate-manager', verdict: 'elsewhere' });
    expect(first('ssl')?.where).toMatch(/Cloud Certificate Manager \(CCM\) console.*7x24 h.*Pending application or Revoked/);
  });

  it('reserved instances and HUAWEI CLOUD Meeting are "not here", and say where', () => {
    expect(first('reserved instance')).toMatchObject({ verdict: 'elsewhere', where: expect.stringMatching(/own console/) });
    expect(first('Meeting')).toMatchObject({
      rule: 'service/huawei-cloud-meeting',
      verdict: 'elsewhere',
      where: expect.stringMatching(/account manager.*hotline/),
    });
    expect(first('华为云会议', { lang: 'zh' })).toMatchObject({ verdict: 'elsewhere', where: expect.stringContaining('4000-955-988') });
  });
});

describe('finding a condition', () => {
  it.each([
    ['coupon', 'promotion'],
    ['lucky draw', 'promotion'],
    ['优惠券', 'promotion'],
    ['invoice', 'marketplace-invoiced'],
    ['发票', 'marketplace-invoiced'],
    ['reserved instance', 'reserved-instance'],
    ['预留实例', 'reserved-instance'],
    ['试用', 'trial'],
    ['trial', 'trial'],
    ['frozen', 'frozen-for-security'],
    ['expired', 'expired'],
    ['pending payment', 'transaction-in-progress'],
    ['resource package', 'pay-per-use-package'],
    ['资源包', 'pay-per-use-package'],
    ['stored value card', 'reseller-stored-value-card'],
    ['support plan', 'support-plan-benefits-used'],
    ['portfolio', 'combined-subscription'],
    ['senior benefit', 'senior-benefit-trial'],
    ['sales contract', 'standard-sales-contract'],
    ['referral', 'referral-partner-invoiced'],
    ['KooGallery', 'marketplace'],
    ['云商店', 'marketplace'],
    ['Marketplace', 'marketplace'],
    ['greyed out', 'unknown-reason'],
  ])('"%s" -> %s', (query, id) => {
    expect(first(query)?.rule).toBe(id);
  });

  it('"invoice" also offers the partner-paid referral order of the revision', () => {
    expect(ruleIds('invoice').slice(0, 2)).toEqual(['marketplace-invoiced', 'referral-partner-invoiced']);
  });

  it('"KooGallery" also offers the invoiced KooGallery rule', () => {
    expect(ruleIds('KooGallery')).toContain('marketplace-invoiced');
    expect(first('KooGallery')?.verdict).toBe('elsewhere');
  });

  it('a reserved instance is explained: unsubscribe on the service console instead', () => {
    expect(first('reserved instance')?.explanation).toMatch(/not listed on Billing Center > Unsubscriptions.*console/);
    expect(first('预留实例', { lang: 'zh' })?.explanation).toContain('控制台');
  });

  it('a one-off purchase is explained: never listed, and where the purchase is', () => {
    const hit = lookup('one-off', catalog).find((h) => h.rule === 'one-off-not-listed');
    expect(hit?.explanation).toMatch(/not displayed on the Unsubscriptions page.*Orders > My Orders/);
  });
});

describe('every hit says what and why', () => {
  it('gives verdict, title, explanation, source and the words it matched', () => {
    for (const hit of lookup('package', catalog)) {
      expect(['blocked', 'caution']).toContain(hit.verdict);
      expect(hit.title).not.toBe('');
      expect(hit.explanation).not.toBe('');
      expect(hit.source.url).toMatch(/^https:\/\/support(-intl)?\.huaweicloud\.com\//);
      expect(hit.matched).not.toBe('');
    }
  });

  it('answers in Chinese when asked', () => {
    expect(first('SMN', { lang: 'zh' })).toMatchObject({
      title: '消息通知服务',
      explanation: '消息通知服务在不可退订云服务列表（表1）中，不支持退订。',
    });
    expect(first('coupon', { lang: 'zh' })?.title).toBe('参与了特殊奖励活动');
  });

  it('ranks best first, each rule once, and stops at the limit', () => {
    const hits = lookup('cloud', catalog);
    const scores = hits.map((h) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(new Set(hits.map((h) => h.rule)).size).toBe(hits.length);
    expect(lookup('cloud', catalog, undefined, 3)).toEqual(hits.slice(0, 3));
    expect(hits.length).toBeLessThanOrEqual(10);
  });

  it('finds every rule by its own title, in English and in Chinese', () => {
    for (const rule of catalog.rules) {
      expect(first(rule.title.en)?.rule, rule.title.en).toBe(rule.id);
      expect(first(rule.title.zh, { lang: 'zh' })?.rule, rule.title.zh).toBe(rule.id);
    }
  });
});

describe('no answer rather than a wrong one', () => {
  it('gives nothing for an empty or punctuation-only query', () => {
    expect(lookup('', catalog)).toEqual([]);
    expect(lookup('  ？！ -- ', catalog)).toEqual([]);
  });

  it('gives nothing for words no rule knows', () => {
    expect(lookup('zzzz', catalog)).toEqual([]);
    expect(lookup('Elastic Volume Service', catalog)).toEqual([]);
  });

  it('does not find a short query inside a longer word: "ri" is reserved instances, not "trial"', () => {
    expect(ruleIds('ri')).toEqual(['reserved-instance']);
    expect(ruleIds('dc')).toEqual(['service/direct-connect']);
    expect(ruleIds('the')).toEqual([]);
  });

  it('allows one typo only, and not in short words', () => {
    expect(ruleIds('notifcaton')).not.toContain('service/simple-message-notification');
    expect(ruleIds('smm')).toEqual([]);
  });
});

describe('settings', () => {
  it('leaves out switched-off rules', () => {
    expect(ruleIds('SMN', { disabledRules: ['service/simple-message-notification'] })).toEqual([]);
    expect(ruleIds('coupon', { disabledRules: ['promotion'] })).not.toContain('promotion');
  });

  it("finds the user's own rules by their names", () => {
    const mine: UserRule = { id: 'gaussdb', names: ['GaussDB', '云数据库 GaussDB'], verdict: 'caution', explanation: 'Ask the DBA first.' };
    expect(first('gaussdb', { userRules: [mine] })).toMatchObject({
      rule: 'user/gaussdb',
      title: 'GaussDB',
      verdict: 'caution',
      explanation: 'Ask the DBA first.',
      source: expect.objectContaining({ section: 'Your own rules' }),
    });
    expect(ruleIds('gaussdb', { userRules: [mine], disabledRules: ['user/gaussdb'] })).toEqual([]);
  });

  it('answers for the settings given, not for settings used before', () => {
    const zh: EngineSettings = { lang: 'zh' };
    const en: EngineSettings = { lang: 'en' };
    expect(first('SMN', zh)?.title).toBe('消息通知服务');
    expect(first('SMN', en)?.title).toBe('Simple Message Notification');
  });

  it('a prebuilt index answers as lookup does', () => {
    const settings: EngineSettings = { lang: 'zh', disabledRules: ['trial'] };
    const index = buildLookupIndex(catalog, settings);
    for (const query of ['试用', 'SMN', 'anti ddos']) expect(lookupIndexed(query, index)).toEqual(lookup(query, catalog, settings));
  });
});

describe('withinOneEdit', () => {
  it('accepts one substitution, insertion, deletion or swap of neighbours', () => {
    expect(withinOneEdit('notification', 'notification')).toBe(true);
    expect(withinOneEdit('notifixation', 'notification')).toBe(true);
    expect(withinOneEdit('notifcation', 'notification')).toBe(true);
    expect(withinOneEdit('notificationn', 'notification')).toBe(true);
    expect(withinOneEdit('notificaiton', 'notification')).toBe(true);
  });

  it('rejects two edits', () => {
    expect(withinOneEdit('notifcaton', 'notification')).toBe(false);
    expect(withinOneEdit('ntoificaiton', 'notification')).toBe(false);
    expect(withinOneEdit('notifi', 'notification')).toBe(false);
  });
});

describe('topics: questions answered with facts, not verdicts', () => {
  it.each([
    ['handling fee', 'refund-and-handling-fee'],
    ['how much is the handling fee?', 'refund-and-handling-fee'],
    ['退款', 'refund-and-handling-fee'],
    ['手续费', 'refund-and-handling-fee'],
    ['5-day', 'five-day-no-reason'],
    ['five day', 'five-day-no-reason'],
    ['no reason', 'five-day-no-reason'],
    ['五天无理由', 'five-day-no-reason'],
  ])('"%s" finds %s first', (query, id) => {
    expect(lookupTopics(query, catalog)[0]?.topic).toBe(id);
  });

  it.each(['asdfqwer', 'SMN', 'coupon', 'frozen', 'f'])('"%s" asks about no topic', (query) => {
    expect(lookupTopics(query, catalog)).toEqual([]);
  });

  it('answers in the chosen language, every fact with a dated source', () => {
    for (const lang of ['en', 'zh'] as const) {
      const [hit] = lookupTopics('refund', catalog, lang);
      expect(hit!.points.length).toBeGreaterThanOrEqual(4);
      for (const point of hit!.points) {
        expect(point.text).toMatch(lang === 'zh' ? /\p{Script=Han}/u : /^[^\u4e00-\u9fff]*[A-Za-z][^]*$/);
        expect(point.source.url).toMatch(/^https:\/\//);
        expect(point.source.edition).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
    }
  });

  it('states the published fee table and formula', () => {
    const text = lookupTopics('handling fee', catalog)[0]!
      .points.map((point) => point.text)
      .join(' ');
    expect(text).toContain('Refund = actual payment − consumed amount − handling fee');
    expect(text).toMatch(/3-year term costs 15% in its first year of use, 10% in the second and 5% in the third/);
    expect(text).toMatch(/2-year term 15%, then 10%/);
    expect(text).toMatch(/1-year or monthly term 10%/);
    expect(text).toContain('USD 7,000');
  });
});

describe('the look-up examples the first-run page gives', () => {
  const examples = (locale: string) => {
    const messages = JSON.parse(readFileSync(resolve(__dirname, `../../public/_locales/${locale}/messages.json`), 'utf8')) as Record<
      string,
      { message: string }
    >;
    return [...messages.welcomeHowPopup!.message.matchAll(/“([^”]+)”/g)].map((match) => match[1]!);
  };

  it.each([
    ['en', 'en'],
    ['zh_CN', 'zh'],
  ] as const)('each find a rule in %s', (locale, lang) => {
    const found = examples(locale).map((example) => [example, first(example, { lang })?.rule ?? 'nothing']);
    expect(found.length).toBe(3);
    expect(found.filter(([, rule]) => rule === 'nothing')).toEqual([]);
  });
});
