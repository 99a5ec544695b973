// The bundled catalog is code: it is checked against its source document item by item, and for the
// hygiene a rule database needs (unique ids, texts, provenance, unambiguous names).
import { describe, expect, it } from 'vitest';
import catalogData from '../../src/rules/catalog.json';
import { catalog } from '../../src/rules/catalog';
import { catalogSchema, formatIssues, formatPath, parseCatalog } from '../../src/rules/catalog-schema';
import { normalizeText } from '../../src/rules/text-match';
import type { Confidence, Rule, RuleGroup, RuleVerdict } from '../../src/rules/types';

const SOURCE_2020 = 'https://support-intl.huaweicloud.com/en-us/usermanual-billing/en-us_topic_0083138804.html';
const SOURCE_2026 = 'https://support.huaweicloud.com/eu/usermanual-billing/en-us_topic_0083138804.html';
// The newer console's reason groups (inactive resources, 2026-06-24 wording) and the API's error codes.
const SOURCE_REASON_GROUPS = 'https://support.huaweicloud.com/intl/th-th/usermanual-billing/unsubscription_topic_2000007.html';
const SOURCE_ERROR_CODES = 'https://support.huaweicloud.com/intl/en-us/api-bpconsole/en-us_topic_0081766005.html';

function rule(id: string): Rule {
  const found = catalog.rules.find((r) => r.id === id);
  if (!found) throw new Error(`the catalog has no rule "${id}"`);
  return found;
}

const key = (text: string) => normalizeText(text).compact;
const han = /\p{Script=Han}/u;

interface Item {
  /** The item as the source document words it. */
  item: string;
  id: string;
  group: RuleGroup;
  verdict: RuleVerdict;
}

// "List of Cloud Service Products That You Cannot Unsubscribe From", updated Jan 14, 2020, in its order.
const bullets2020: Item[] = [
  { item: 'Trial cloud services', id: 'trial', group: 'condition', verdict: 'blocked' },
  { item: 'DevCloud products', id: 'devcloud', group: 'condition', verdict: 'blocked' },
  { item: 'One-off billed cloud services', id: 'one-off-billing', group: 'condition', verdict: 'blocked' },
  {
    item: 'Pay-per-use package products (excluding cloud server backups and data warehouses)',
    id: 'pay-per-use-package',
    group: 'condition',
    verdict: 'blocked',
  },
  { item: 'Free cloud services', id: 'free', group: 'condition', verdict: 'blocked' },
  { item: 'Expired cloud services', id: 'expired', group: 'condition', verdict: 'blocked' },
  { item: 'Cloud services that have been frozen for security reason', id: 'frozen-for-security', group: 'condition', verdict: 'blocked' },
  { item: 'Products for which other transactions are in progress', id: 'transaction-in-progress', group: 'condition', verdict: 'blocked' },
  {
    item: 'Resources purchased previously using stored value cards after the customer is associated with a reseller in advance payment mode',
    id: 'reseller-stored-value-card',
    group: 'condition',
    verdict: 'blocked',
  },
  { item: 'Marketplace cloud services for which an invoice has been issued', id: 'marketplace-invoiced', group: 'condition', verdict: 'blocked' },
  {
    item: 'Cloud services that have participated in a special reward event, such as promotion packages, promotion coupons, ...',
    id: 'promotion',
    group: 'condition',
    verdict: 'blocked',
  },
  {
    item: 'Resources for which a special unsubscription has been requested (handling fee relief or expenditure amount relief being reviewed)',
    id: 'special-unsubscription-pending',
    group: 'condition',
    verdict: 'blocked',
  },
  {
    item: 'Other reasons 1) The customer has subscribed to a support plan and used its value-added benefits',
    id: 'support-plan-benefits-used',
    group: 'other-reason',
    verdict: 'blocked',
  },
  { item: 'Other reasons 2) There is a combined subscription relationship', id: 'combined-subscription', group: 'other-reason', verdict: 'blocked' },
  { item: 'Other reasons 3) The resource does not exist', id: 'resource-not-found', group: 'other-reason', verdict: 'blocked' },
  {
    item: 'Other reasons 4) The subscription relationship has been archived and dumped',
    id: 'subscription-archived',
    group: 'other-reason',
    verdict: 'blocked',
  },
  { item: 'Other reasons 5) The senior benefit has been used for trial', id: 'senior-benefit-trial', group: 'other-reason', verdict: 'blocked' },
  {
    item: 'For cloud services in the Marketplace that you cannot unsubscribe from, see Unsubscription Rules on the Marketplace',
    id: 'marketplace',
    group: 'condition',
    // Not on this page: the seller negotiates it (domain.md section 5).
    verdict: 'elsewhere',
  },
  {
    item: 'Not displayed 1) One-off billed products. They become invalid immediately after purchase',
    id: 'one-off-not-listed',
    group: 'not-listed',
    verdict: 'blocked',
  },
  {
    item: 'Not displayed 2) Reserved instances, unsubscribed from on the cloud service page',
    id: 'reserved-instance',
    group: 'not-listed',
    verdict: 'elsewhere',
  },
];

// Table 1 of 2020, row by row, with the names of domain.md section 2 and whether each is confirmed.
const table1: Array<{ row: string; id: string; names: Array<[string, Confidence]> }> = [
  {
    row: 'Dedicated Cloud',
    id: 'service/dedicated-cloud',
    names: [
      ['DeC', 'confirmed'],
      ['专属云', 'inferred'],
    ],
  },
  {
    row: 'Direct Connect',
    id: 'service/direct-connect',
    names: [
      ['DC', 'confirmed'],
      ['云专线', 'confirmed'],
    ],
  },
  {
    row: 'Data Ingestion Service',
    id: 'service/data-ingestion-service',
    names: [
      ['DIS', 'confirmed'],
      ['数据接入服务', 'confirmed'],
    ],
  },
  { row: 'Artificial Intelligence Service', id: 'service/artificial-intelligence-service', names: [['人工智能服务', 'inferred']] },
  {
    row: 'Machine Learning Service',
    id: 'service/machine-learning-service',
    names: [
      ['MLS', 'confirmed'],
      ['机器学习服务', 'confirmed'],
      ['ModelArts', 'inferred'],
    ],
  },
  {
    row: 'Elasticsearch Service',
    id: 'service/elasticsearch-service',
    names: [
      ['Cloud Search Service', 'inferred'],
      ['CSS', 'inferred'],
      ['云搜索服务', 'inferred'],
    ],
  },
  {
    row: 'IoT Device Management',
    id: 'service/iot-device-management',
    names: [
      ['IoT Device Access', 'inferred'],
      ['IoTDA', 'inferred'],
      ['设备接入', 'inferred'],
    ],
  },
  {
    row: 'Simple Message Notification',
    id: 'service/simple-message-notification',
    names: [
      ['SMN', 'confirmed'],
      ['消息通知服务', 'confirmed'],
    ],
  },
  {
    row: 'Domain Registration',
    id: 'service/domain-registration',
    names: [
      ['Domains', 'confirmed'],
      ['域名注册服务', 'confirmed'],
    ],
  },
  {
    row: 'Data Encryption Workshop',
    id: 'service/data-encryption-workshop',
    names: [
      ['DEW', 'confirmed'],
      ['数据加密服务', 'confirmed'],
      ['密码安全中心', 'confirmed'],
    ],
  },
  {
    row: 'Contact Center',
    id: 'service/contact-center',
    names: [
      ['Customer Engagement Center', 'inferred'],
      ['CEC', 'inferred'],
    ],
  },
  {
    row: 'Advanced Anti-DDoS',
    id: 'service/advanced-anti-ddos',
    names: [
      ['AAD', 'confirmed'],
      ['DDoS高防', 'confirmed'],
    ],
  },
  { row: 'CCE HCS Agile', id: 'service/cce-hcs-agile', names: [] },
  { row: 'Dedicated Cloud Bare Metal Server', id: 'service/dedicated-cloud-bare-metal-server', names: [['专属云裸金属服务器', 'inferred']] },
  { row: 'Dedicated Cloud Server Backup', id: 'service/dedicated-cloud-server-backup', names: [['专属云服务器备份', 'inferred']] },
  { row: 'Dedicated Cloud Storage', id: 'service/dedicated-cloud-storage', names: [['专属分布式存储', 'inferred']] },
];

// "Unsubscription Not Allowed", the later revision of the same topic (updated 2026-05-26).
const revision2026: Item[] = [
  { item: 'Table: HUAWEI CLOUD Meeting (华为云会议)', id: 'service/huawei-cloud-meeting', group: 'revision', verdict: 'elsewhere' },
  { item: 'Table: HUAWEI CLOUD WeLink (华为云WeLink)', id: 'service/huawei-cloud-welink', group: 'revision', verdict: 'blocked' },
  {
    item: 'Table: SSL Certificate Manager (SCM), only under conditions',
    id: 'service/ssl-certificate-manager',
    group: 'revision',
    verdict: 'elsewhere',
  },
  {
    item: 'Orders of referral-model customers paid by partners and already invoiced',
    id: 'referral-partner-invoiced',
    group: 'revision',
    verdict: 'blocked',
  },
  { item: 'Orders associated with a standard sales contract', id: 'standard-sales-contract', group: 'revision', verdict: 'blocked' },
];

// What the newer console and the API say that the list does not: a reason group and a permission code.
const newerConsole: (Item & { url: string })[] = [
  { item: 'Reason group "Billing reasons"', id: 'billing-reasons', group: 'revision', verdict: 'blocked', url: SOURCE_REASON_GROUPS },
  {
    item: 'CBC.0151, access denied (IAM, billing:cloudServiceType)',
    id: 'no-permission',
    group: 'revision',
    verdict: 'elsewhere',
    url: SOURCE_ERROR_CODES,
  },
];

// What the page itself shows: a disabled unsubscribe action and no rule to explain it.
const pageItems: Item[] = [{ item: 'Unsubscribe disabled, no rule matched', id: 'unknown-reason', group: 'page', verdict: 'caution' }];

describe('the catalog follows the 2020 list, item by item', () => {
  it.each(bullets2020)('"$item" is rule $id ($verdict)', ({ id, group, verdict }) => {
    const r = rule(id);
    expect(r.group).toBe(group);
    expect(r.verdict).toBe(verdict);
    expect(r.source).toEqual(expect.objectContaining({ url: SOURCE_2020, edition: '2020-01-14' }));
  });

  it.each(table1)('Table 1 row "$row" is rule $id, blocked (Direct Connect: changed since), named as the table names it', ({ row, id }) => {
    const r = rule(id);
    expect(r.group).toBe('service');
    expect(r.verdict).toBe(id === 'service/direct-connect' ? 'caution' : 'blocked');
    expect(r.source).toEqual({ url: SOURCE_2020, section: 'Table 1', edition: '2020-01-14' });
    expect(r.title.en).toBe(row);
    expect(r.names).toContainEqual(expect.objectContaining({ text: row, lang: 'en', kind: 'name', confidence: 'confirmed' }));
  });

  it.each(table1.filter((t) => t.names.length))('Table 1 row "$row" carries its other names, confirmed or inferred as known', ({ id, names }) => {
    const r = rule(id);
    for (const [text, confidence] of names) expect(r.names, `${id}: ${text}`).toContainEqual(expect.objectContaining({ text, confidence }));
  });

  it('Table 1 has sixteen rows, and no other rule claims to come from it', () => {
    expect(table1).toHaveLength(16);
    const fromTable1 = catalog.rules.filter((r) => r.source.section === 'Table 1').map((r) => r.id);
    expect(fromTable1.sort()).toEqual(table1.map((t) => t.id).sort());
  });

  it('the pay-per-use package rule excepts cloud server backups (CSBS, CBR) and data warehouses (DWS)', () => {
    const excepted = rule('pay-per-use-package').match?.exceptProducts?.map((n) => n.text) ?? [];
    for (const name of [
      'Cloud Server Backup Service',
      'CSBS',
      '云服务器备份',
      'Cloud Backup and Recovery',
      'CBR',
      '云备份',
      'Data Warehouse Service',
      'DWS',
      '数据仓库服务',
    ])
      expect(excepted).toContain(name);
    // Dedicated Cloud Server Backup is a Table 1 service, not one of the excepted backups.
    expect(excepted).not.toContain('Dedicated Cloud Server Backup');
  });

  it('the two things the page never lists say where to go instead', () => {
    expect(rule('reserved-instance').explanation.en).toMatch(/console/i);
    expect(rule('reserved-instance').explanation.zh).toContain('控制台');
    expect(rule('one-off-not-listed').explanation.en).toContain('My Orders');
    expect(rule('one-off-not-listed').explanation.zh).toContain('我的订单');
  });
});

describe('the catalog follows the later revision (2026-05-26)', () => {
  it.each(revision2026)('"$item" is rule $id ($verdict), with its own source and date', ({ id, group, verdict }) => {
    const r = rule(id);
    expect(r.group).toBe(group);
    expect(r.verdict).toBe(verdict);
    expect(r.source).toEqual(expect.objectContaining({ url: SOURCE_2026, edition: '2026-05-26' }));
  });

  it.each(newerConsole)('"$item" is rule $id ($verdict), with its own source and date', ({ id, group, verdict, url }) => {
    const r = rule(id);
    expect(r.group).toBe(group);
    expect(r.verdict).toBe(verdict);
    expect(r.source).toEqual(expect.objectContaining({ url, edition: '2026-06-24' }));
  });

  it('names KooGallery and 云商店 (the renamed Marketplace and 云市场) on the Marketplace rules', () => {
    const names = rule('marketplace').names?.map((n) => n.text) ?? [];
    expect(names).toEqual(expect.arrayContaining(['KooGallery', 'Marketplace', '云商店', '云市场']));
    const invoiced = rule('marketplace-invoiced');
    expect(invoiced.title.en).toContain('KooGallery');
    expect(invoiced.title.zh).toContain('云商店');
    expect(invoiced.match?.requires).toBe('marketplace');
  });

  it('makes Direct Connect a check that says what changed in 2026, and a full-service connection "not here"', () => {
    const dc = rule('service/direct-connect');
    expect(dc.verdict).toBe('caution');
    expect(dc.variants?.map((variant) => variant.verdict)).toEqual(['elsewhere', 'allowed']);
    expect(dc.variants?.[0]?.where?.en).toMatch(/account manager/);
    expect(dc.explanation.en).toMatch(/self-service/i);
    expect(dc.explanation.en).toMatch(/Normal/);
    expect(dc.explanation.en).toMatch(/account manager/i);
    expect(dc.explanation.zh).toContain('自助');
    expect(dc.explanation.zh).toContain('客户经理');
  });

  it('names the revision services in English and Chinese', () => {
    expect(rule('service/huawei-cloud-meeting').names?.map((n) => n.text)).toEqual(expect.arrayContaining(['HUAWEI CLOUD Meeting', '华为云会议']));
    expect(rule('service/huawei-cloud-welink').names?.map((n) => n.text)).toEqual(expect.arrayContaining(['WeLink', '华为云WeLink']));
    expect(rule('service/ssl-certificate-manager').names?.map((n) => n.text)).toEqual(expect.arrayContaining(['SSL Certificate Manager', 'SCM']));
  });
});

describe('the page rule', () => {
  it.each(pageItems)('"$item" is rule $id ($verdict)', ({ id, group, verdict }) => {
    expect(rule(id).group).toBe(group);
    expect(rule(id).verdict).toBe(verdict);
  });

  // Every condition the page cannot show, with the words that name it in the explanation.
  const manualWords: Record<string, [en: string, zh: string]> = {
    'reseller-stored-value-card': ['stored-value card', '储值卡'],
    'marketplace-invoiced': ['invoice', '发票'],
    promotion: ['promotion', '促销'],
    'special-unsubscription-pending': ['special unsubscription', '特殊退订'],
    'support-plan-benefits-used': ['support plan', '支持计划'],
    'combined-subscription': ['combined subscription', '组合订购'],
    'subscription-archived': ['archived', '归档'],
    'senior-benefit-trial': ['senior benefit', '高级权益'],
    'referral-partner-invoiced': ['referral', '推荐订单'],
    'standard-sales-contract': ['standard sales contract', '标准销售合同'],
  };

  it('knows every condition a page cannot show', () => {
    const manual = catalog.rules.filter((r) => r.manualCheck).map((r) => r.id);
    expect(manual.sort()).toEqual(Object.keys(manualWords).sort());
  });

  it.each(Object.entries(manualWords))('the unknown-reason explanation lists %s, in both languages', (_id, [en, zh]) => {
    const unknown = rule('unknown-reason');
    expect(unknown.explanation.en).toContain(en);
    expect(unknown.explanation.zh).toContain(zh);
  });
});

describe('the catalog holds the checklist and nothing else', () => {
  it('every rule is an item of the source documents or of the page', () => {
    const listed = [...bullets2020, ...table1, ...revision2026, ...newerConsole, ...pageItems].map((item) => item.id);
    expect(new Set(listed).size).toBe(listed.length);
    expect(catalog.rules.map((r) => r.id).sort()).toEqual(listed.sort());
  });
});

describe('catalog hygiene', () => {
  it('passes its schema, and parsing gives back exactly the data', () => {
    expect(parseCatalog(structuredClone(catalogData))).toEqual(catalogData);
    expect(catalog.edition).toBe('2020-01-14');
  });

  it('has unique ids', () => {
    const ids = catalog.rules.map((r) => r.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it.each(catalog.rules.map((r) => [r.id, r] as const))('%s has its English and Chinese texts', (_id, r) => {
    for (const text of [r.title.en, r.title.zh, r.explanation.en, r.explanation.zh]) expect(text.trim()).not.toBe('');
    expect(r.explanation.zh).toMatch(han);
    expect(r.explanation.en).not.toMatch(han);
    expect(r.title.en).not.toMatch(han);
  });

  it.each(catalog.rules.map((r) => [r.id, r] as const))('%s has a source: URL, section and edition', (_id, r) => {
    expect([SOURCE_2020, SOURCE_2026, SOURCE_REASON_GROUPS, SOURCE_ERROR_CODES]).toContain(r.source.url);
    expect(r.source.section.trim()).not.toBe('');
    const editions: Record<string, string> = {
      [SOURCE_2020]: '2020-01-14',
      [SOURCE_2026]: '2026-05-26',
      [SOURCE_REASON_GROUPS]: '2026-06-24',
      [SOURCE_ERROR_CODES]: '2026-06-24',
    };
    expect(r.source.edition).toBe(editions[r.source.url]);
  });

  it('gives every inferred name a note saying why it is only a hint, in both languages', () => {
    const names = catalog.rules.flatMap((r) => [...(r.names ?? []), ...(r.match?.exceptProducts ?? [])]);
    for (const name of names.filter((n) => n.confidence === 'inferred')) {
      expect(name.note?.en.trim(), name.text).toBeTruthy();
      expect(name.note?.zh, name.text).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('shares no name or abbreviation between two rules, as the engine compares them', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const r of catalog.rules)
      for (const name of [...(r.names ?? []), ...(r.match?.exceptProducts ?? [])]) {
        const k = key(name.text);
        const other = owner.get(k);
        if (other && other !== r.id) clashes.push(`"${name.text}": ${other} and ${r.id}`);
        owner.set(k, r.id);
      }
    expect(clashes).toEqual([]);
  });

  it('gives no phrase of a field to two rules, so a matched phrase names one rule', () => {
    const clashes: string[] = [];
    for (const field of ['billingMode', 'status', 'tags', 'reasonText'] as const) {
      const owner = new Map<string, string>();
      for (const r of catalog.rules)
        for (const phrase of r.match?.[field] ?? []) {
          const other = owner.get(key(phrase));
          if (other && other !== r.id) clashes.push(`${field} "${phrase}": ${other} and ${r.id}`);
          owner.set(key(phrase), r.id);
        }
    }
    expect(clashes).toEqual([]);
  });

  it('maps every error code of the unsubscribe API that names a condition to one rule', () => {
    const codeOwner = new Map<string, string[]>();
    for (const r of catalog.rules) for (const code of r.match?.codes ?? []) codeOwner.set(code, [...(codeOwner.get(code) ?? []), r.id]);
    expect(Object.fromEntries(codeOwner)).toEqual({
      'CBC.99003649': ['trial'],
      'CBC.99003652': ['devcloud'],
      'CBC.99003647': ['pay-per-use-package'],
      'CBC.99003656': ['frozen-for-security'],
      'CBC.99003651': ['transaction-in-progress'],
      'CBC.99003100': ['transaction-in-progress'],
      'CBC.99003643': ['marketplace-invoiced'],
      'CBC.99003650': ['marketplace'],
      'CBC.99003012': ['resource-not-found'],
      'OSM-SP-SeniorBenefitUsed': ['senior-benefit-trial'],
      'CBC.0151': ['no-permission'],
    });
  });

  it('gives every rule a way to be found: names, phrases, codes or keywords', () => {
    for (const r of catalog.rules) {
      const ways = (r.names?.length ?? 0) + (r.keywords?.length ?? 0) + Object.keys(r.match ?? {}).length;
      expect(ways, r.id).toBeGreaterThan(0);
    }
  });

  it('names a rule in `requires` that exists', () => {
    const ids = new Set(catalog.rules.map((r) => r.id));
    for (const r of catalog.rules) if (r.match?.requires) expect(ids.has(r.match.requires), r.id).toBe(true);
  });
});

describe('catalog validation rejects a broken catalog, naming the place', () => {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each case breaks a different field of a rule
  const copy = () => structuredClone(catalogData) as { edition: string; rules: Array<Record<string, any>> };
  const problems = (data: unknown): string[] => {
    const result = catalogSchema.safeParse(data);
    return result.success ? [] : formatIssues(result.error.issues);
  };
  const indexOf = (data: ReturnType<typeof copy>, id: string) => data.rules.findIndex((r) => r.id === id);

  it('rejects a rule missing its Chinese explanation', () => {
    const data = copy();
    delete data.rules[3]!.explanation.zh;
    expect(() => parseCatalog(data)).toThrow(/^Invalid rule catalog:\nrules\[3\]\.explanation\.zh: /);
  });

  it('rejects a blank text as if it were missing', () => {
    const data = copy();
    data.rules[5]!.title.en = '   ';
    expect(problems(data)).toEqual([expect.stringMatching(/^rules\[5\]\.title\.en: /)]);
  });

  it('rejects a rule without a source', () => {
    const data = copy();
    delete data.rules[3]!.source;
    expect(problems(data)).toEqual([expect.stringMatching(/^rules\[3\]\.source: /)]);
  });

  it('rejects a source that is not https or has no valid edition date', () => {
    const data = copy();
    data.rules[0]!.source.url = 'http://example.com/list.html';
    data.rules[1]!.source.edition = 'Jan 14, 2020';
    expect(problems(data)).toEqual([expect.stringMatching(/^rules\[0\]\.source\.url: /), 'rules[1].source.edition: expected a YYYY-MM-DD date']);
  });

  it('rejects a duplicate id, naming the second rule', () => {
    const data = copy();
    data.rules[5]!.id = data.rules[4]!.id;
    expect(problems(data)).toEqual([`rules[5].id: duplicate rule id "${data.rules[4]!.id}"`]);
  });

  it('rejects an inferred name without a note', () => {
    const data = copy();
    const at = indexOf(data, 'service/elasticsearch-service');
    const inferred = (data.rules[at]!.names as Array<Record<string, unknown>>).find((n) => n.confidence === 'inferred')!;
    delete inferred.note;
    expect(problems(data)).toEqual([`rules[${at}].names: an inferred name needs a note saying why it is only a hint`]);
  });

  it('rejects a Table 1 rule without the "service/" prefix', () => {
    const data = copy();
    const at = indexOf(data, 'service/direct-connect');
    data.rules[at]!.id = 'direct-connect';
    expect(problems(data)).toEqual([`rules[${at}].id: a Table 1 rule has a "service/" id and names`]);
  });

  it('rejects `requires` naming a rule that does not exist', () => {
    const data = copy();
    const at = indexOf(data, 'marketplace-invoiced');
    data.rules[at]!.match.requires = 'koogallery';
    expect(problems(data)).toEqual([`rules[${at}].match.requires: requires unknown rule "koogallery"`]);
  });

  it('rejects an unknown field, so a misspelt one is not silently ignored', () => {
    const data = copy();
    data.rules[2]!.keyword = ['typo'];
    expect(problems(data)).toEqual([expect.stringMatching(/^rules\[2\]: .*keyword/)]);
  });

  it('lists every problem at once', () => {
    const data = copy();
    delete data.rules[3]!.explanation.zh;
    delete data.rules[7]!.source;
    expect(() => parseCatalog(data)).toThrow(/rules\[3\]\.explanation\.zh: .*\nrules\[7\]\.source: /s);
  });
});

describe('formatPath', () => {
  it('writes a path the way a reader finds it in the JSON', () => {
    expect(formatPath(['rules', 3, 'explanation', 'zh'])).toBe('rules[3].explanation.zh');
    expect(formatPath(['rules', 0, 'names', 2, 'note'])).toBe('rules[0].names[2].note');
    expect(formatPath(['edition'])).toBe('edition');
    expect(formatPath([])).toBe('(root)');
  });
});
