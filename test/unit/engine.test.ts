// The verdict engine: what a row of the Unsubscriptions page shows -> blocked / caution / allowed,
// with the rules that say so. Expected values come from the source list and domain.md, not from runs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { catalog } from '../../src/rules/catalog';
import { compileCatalog, evaluate, evaluateCompiled, evaluationKey, USER_RULE_PREFIX } from '../../src/rules/engine';
import { lookup } from '../../src/rules/lookup';
import { normalizeText } from '../../src/rules/text-match';
import type { EngineSettings, Reason, Resource, Rule, UserRule } from '../../src/rules/types';

const ruleIds = (resource: Resource, settings?: EngineSettings) => evaluate(resource, catalog, settings).reasons.map((r) => r.ruleId);
const verdict = (resource: Resource, settings?: EngineSettings) => evaluate(resource, catalog, settings).verdict;
const reasonFor = (resource: Resource, ruleId: string, settings?: EngineSettings): Reason | undefined =>
  evaluate(resource, catalog, settings).reasons.find((r) => r.ruleId === ruleId);
const rule = (id: string): Rule => catalog.rules.find((r) => r.id === id)!;
const key = (text: string) => normalizeText(text).compact;

describe('Table 1 services, by product type', () => {
  it.each([
    ['Dedicated Cloud', 'service/dedicated-cloud'],
    ['Data Ingestion Service', 'service/data-ingestion-service'],
    ['Artificial Intelligence Service', 'service/artificial-intelligence-service'],
    ['Machine Learning Service', 'service/machine-learning-service'],
    ['Elasticsearch Service', 'service/elasticsearch-service'],
    ['IoT Device Management', 'service/iot-device-management'],
    ['Simple Message Notification', 'service/simple-message-notification'],
    ['Domain Registration', 'service/domain-registration'],
    ['Data Encryption Workshop', 'service/data-encryption-workshop'],
    ['Contact Center', 'service/contact-center'],
    ['Advanced Anti-DDoS', 'service/advanced-anti-ddos'],
    ['CCE HCS Agile', 'service/cce-hcs-agile'],
    ['Dedicated Cloud Bare Metal Server', 'service/dedicated-cloud-bare-metal-server'],
    ['Dedicated Cloud Server Backup', 'service/dedicated-cloud-server-backup'],
    ['Dedicated Cloud Storage', 'service/dedicated-cloud-storage'],
    // Direct Connect, whose status the 2026 revision changed, is a check (below).
  ])('a %s row is blocked by %s alone', (productType, id) => {
    expect(evaluate({ productType }, catalog)).toMatchObject({ verdict: 'blocked', reasons: [{ ruleId: id, verdict: 'blocked' }] });
    expect(ruleIds({ productType })).toEqual([id]);
  });

  it('a Dedicated Cloud Bare Metal Server row is blocked by its own Table 1 entry, not by Dedicated Cloud', () => {
    expect(ruleIds({ productType: 'Dedicated Cloud Bare Metal Server' })).toEqual(['service/dedicated-cloud-bare-metal-server']);
    expect(ruleIds({ productType: 'Dedicated Cloud Storage' })).toEqual(['service/dedicated-cloud-storage']);
    expect(ruleIds({ productType: 'Dedicated Cloud Server Backup' })).toEqual(['service/dedicated-cloud-server-backup']);
  });

  it('a Cloud Server Backup Service row is not Dedicated Cloud Server Backup, nor Dedicated Cloud', () => {
    expect(evaluate({ productType: 'Cloud Server Backup Service' }, catalog)).toEqual({ verdict: 'allowed', reasons: [] });
    expect(verdict({ productType: 'Cloud Server Backup Service (CSBS)' })).toBe('allowed');
    expect(verdict({ productType: '云服务器备份服务' })).toBe('allowed');
  });

  it('finds the abbreviation alone or in parentheses after the name', () => {
    expect(ruleIds({ productType: 'SMN' })).toEqual(['service/simple-message-notification']);
    expect(ruleIds({ productType: 'Simple Message Notification (SMN)' })).toEqual(['service/simple-message-notification']);
    expect(ruleIds({ productType: 'Data Ingestion Service (DIS)' })).toEqual(['service/data-ingestion-service']);
    expect(ruleIds({ productType: 'DEW' })).toEqual(['service/data-encryption-workshop']);
    expect(ruleIds({ productType: 'Direct Connect (DC)' })).toEqual(['service/direct-connect']);
  });

  it('finds the Chinese names', () => {
    expect(ruleIds({ productType: '消息通知服务' })).toEqual(['service/simple-message-notification']);
    expect(ruleIds({ productType: '云专线' })).toEqual(['service/direct-connect']);
    expect(ruleIds({ productType: 'DDoS高防' })).toEqual(['service/advanced-anti-ddos']);
    expect(ruleIds({ productType: '域名注册服务' })).toEqual(['service/domain-registration']);
    expect(ruleIds({ productType: '密码安全中心' })).toEqual(['service/data-encryption-workshop']);
  });

  it('ignores case, full-width letters, spaces and punctuation', () => {
    for (const productType of [
      'simple message NOTIFICATION',
      'ＳＭＮ',
      'Ｓｉｍｐｌｅ　Ｍｅｓｓａｇｅ　Ｎｏｔｉｆｉｃａｔｉｏｎ',
      'Simple-Message-Notification',
      'SimpleMessageNotification',
      '消息通知服务（ＳＭＮ）',
    ])
      expect(ruleIds({ productType }), productType).toEqual(['service/simple-message-notification']);
    expect(ruleIds({ productType: 'Advanced Anti DDoS' })).toEqual(['service/advanced-anti-ddos']);
    expect(ruleIds({ productType: 'ADVANCED ANTI-DDOS' })).toEqual(['service/advanced-anti-ddos']);
    expect(ruleIds({ productType: 'DDoS 高防' })).toEqual(['service/advanced-anti-ddos']);
  });

  it('matches names on word boundaries only: no service is found inside a longer word', () => {
    expect(verdict({ productType: 'Distributed Cache Service (DCS)' })).toBe('allowed');
    expect(verdict({ productType: 'IDC Hosting' })).toBe('allowed');
    expect(verdict({ productType: 'Domain Name Service' })).toBe('allowed');
    expect(verdict({ productType: 'Elastic Cloud Server' })).toBe('allowed');
    expect(verdict({ productType: 'Cloud Container Engine (CCE)' })).toBe('allowed');
  });

  it('makes Direct Connect a check that says what changed in 2026, when the row does not show which kind it is', () => {
    const reason = reasonFor({ productType: 'Direct Connect' }, 'service/direct-connect')!;
    expect(reason.verdict).toBe('caution');
    expect(reason.explanation).toMatch(/self-service connections in the Normal state can be unsubscribed/);
    expect(reason.where).toBeUndefined();
  });

  it('says "not here" for a full-service connection (the account manager), and nothing for a self-service one', () => {
    expect(evaluate({ productType: 'Direct Connect', specification: 'Full-service connection | 10 Gbit/s' }, catalog)).toMatchObject({
      verdict: 'elsewhere',
      reasons: [{ ruleId: 'service/direct-connect', verdict: 'elsewhere', where: 'your account manager' }],
    });
    expect(evaluate({ productType: '云专线', specification: '全托管专线 | 10Gbit/s' }, catalog, { lang: 'zh' })).toMatchObject({
      verdict: 'elsewhere',
      reasons: [{ where: '联系客户经理' }],
    });
    expect(evaluate({ productType: 'Direct Connect', specification: 'Self-service connection | 1 Gbit/s' }, catalog)).toEqual({
      verdict: 'allowed',
      reasons: [],
    });
    // A self-service connection whose action the page disables still gets the unexplained-disable check.
    expect(ruleIds({ productType: 'Direct Connect', specification: 'Self-service connection', actionDisabled: true })).toEqual(['unknown-reason']);
    // Expired is expired, whatever the kind.
    expect(verdict({ productType: 'Direct Connect', specification: 'Full-service connection', status: 'Expired' })).toBe('blocked');
  });
});

describe('inferred names: a hint, never a certain block', () => {
  it("Cloud Search Service (today's Elasticsearch offering) is a caution with the reason it is only a hint", () => {
    const result = evaluate({ productType: 'Cloud Search Service (CSS)' }, catalog);
    expect(result.verdict).toBe('caution');
    expect(result.reasons).toEqual([
      expect.objectContaining({
        ruleId: 'service/elasticsearch-service',
        verdict: 'caution',
        note: expect.stringContaining('Cloud Search Service'),
      }),
    ]);
  });

  it.each([
    ['CSS', 'service/elasticsearch-service'],
    ['云搜索服务', 'service/elasticsearch-service'],
    ['ModelArts', 'service/machine-learning-service'],
    ['IoT Device Access (IoTDA)', 'service/iot-device-management'],
    ['Customer Engagement Center', 'service/contact-center'],
    ['专属云', 'service/dedicated-cloud'],
    ['专属云裸金属服务器', 'service/dedicated-cloud-bare-metal-server'],
    ['专属分布式存储', 'service/dedicated-cloud-storage'],
    ['专属云存储', 'service/dedicated-cloud-storage'],
  ])('%s gives only a caution for %s', (productType, id) => {
    expect(evaluate({ productType }, catalog)).toMatchObject({ verdict: 'caution', reasons: [{ ruleId: id, verdict: 'caution' }] });
    expect(reasonFor({ productType }, id)?.note).toBeTruthy();
  });

  it('says why in the badge language: a Chinese page gets a Chinese note', () => {
    const [reason] = evaluate({ productType: '云搜索服务' }, catalog, { lang: 'zh' }).reasons;
    expect(reason).toMatchObject({ ruleId: 'service/elasticsearch-service', verdict: 'caution' });
    expect(reason!.note).toMatch(/云搜索服务/);
    expect(reason!.note).not.toMatch(/[A-Za-z]{4,} [A-Za-z]{4,}/);
  });

  it('专属云存储 is Dedicated Cloud Storage, not Dedicated Cloud: the longer name wins in Chinese too', () => {
    expect(ruleIds({ productType: '专属云存储' })).toEqual(['service/dedicated-cloud-storage']);
    expect(ruleIds({ productType: '专属云裸金属服务器' })).toEqual(['service/dedicated-cloud-bare-metal-server']);
  });

  it('a confirmed name next to an inferred one still blocks', () => {
    expect(evaluate({ productType: 'Dedicated Cloud (专属云)' }, catalog)).toMatchObject({
      verdict: 'blocked',
      reasons: [{ ruleId: 'service/dedicated-cloud', verdict: 'blocked' }],
    });
  });

  it('an inferred service with a certain condition is blocked by the condition, the service staying a caution', () => {
    const result = evaluate({ productType: 'Cloud Search Service', status: 'Expired' }, catalog);
    expect(result.verdict).toBe('blocked');
    expect(result.reasons.map((r) => [r.ruleId, r.verdict])).toEqual([
      ['expired', 'blocked'],
      ['service/elasticsearch-service', 'caution'],
    ]);
  });
});

describe('billing mode', () => {
  it.each(['One-off', 'One-time', 'one off', '一次性'])('%s is a one-off billed service', (billingMode) => {
    expect(ruleIds({ productType: 'Elastic Cloud Server', billingMode })).toEqual(['one-off-billing']);
  });

  it.each(['Pay-per-use package', 'Resource package', '按需套餐包', '资源包', '套餐包'])('%s is a pay-per-use package', (billingMode) => {
    expect(evaluate({ productType: 'Object Storage Service', billingMode }, catalog)).toMatchObject({
      verdict: 'blocked',
      reasons: [{ ruleId: 'pay-per-use-package', evidence: { field: 'billingMode', text: billingMode } }],
    });
  });

  it.each(['Pay-per-use', '按需', '按需计费', 'Yearly/Monthly', '包年/包月'])('plain %s is not a package and blocks nothing', (billingMode) => {
    expect(evaluate({ productType: 'Elastic Cloud Server', billingMode }, catalog)).toEqual({ verdict: 'allowed', reasons: [] });
  });

  it.each([
    'Cloud Server Backup Service',
    'CSBS',
    '云服务器备份',
    'Cloud Backup and Recovery (CBR)',
    '云备份',
    'Data Warehouse Service',
    'DWS',
    '数据仓库服务',
  ])('a %s package is excepted: cloud server backups and data warehouses can be unsubscribed', (productType) => {
    expect(evaluate({ productType, billingMode: 'Pay-per-use package' }, catalog)).toEqual({ verdict: 'allowed', reasons: [] });
    expect(verdict({ productType, billingMode: '资源包' })).toBe('allowed');
  });

  it('the exception covers only the package rule: an expired CSBS package is still blocked', () => {
    expect(ruleIds({ productType: 'CSBS', billingMode: 'Resource package', status: 'Expired' })).toEqual(['expired']);
  });

  it('a Dedicated Cloud Server Backup package is not the excepted cloud server backup', () => {
    const ids = ruleIds({ productType: 'Dedicated Cloud Server Backup', billingMode: 'Resource package' });
    expect(ids).toContain('service/dedicated-cloud-server-backup');
    expect(ids).toContain('pay-per-use-package');
  });

  it('when the page itself says a backup package cannot be unsubscribed, the page wins over the exception', () => {
    expect(evaluate({ productType: 'CSBS', billingMode: '资源包', reasonText: '按需套餐包不能退订' }, catalog)).toMatchObject({
      verdict: 'blocked',
      reasons: [{ ruleId: 'pay-per-use-package', evidence: { field: 'reasonText' } }],
    });
  });
});

describe('status', () => {
  it.each([
    ['Expired', 'expired'],
    ['已过期', 'expired'],
    ['Frozen', 'frozen-for-security'],
    ['已冻结', 'frozen-for-security'],
    ['Pending payment', 'transaction-in-progress'],
    ['Processing', 'transaction-in-progress'],
    ['待支付', 'transaction-in-progress'],
    ['处理中', 'transaction-in-progress'],
  ])('%s -> %s', (status, id) => {
    expect(evaluate({ productType: 'Elastic Cloud Server', status }, catalog)).toMatchObject({
      verdict: 'blocked',
      reasons: [{ ruleId: id, evidence: { field: 'status', text: status } }],
    });
  });

  it.each(['In use', '使用中', 'Normal', '正常', '即将过期', '未过期', 'Expires soon'])('%s blocks nothing', (status) => {
    expect(verdict({ productType: 'Elastic Cloud Server', status })).toBe('allowed');
  });
});

describe('tags shown with the product', () => {
  it.each([
    ['Trial', 'trial'],
    ['试用', 'trial'],
    ['Free trial', 'trial'],
    ['Free', 'free'],
    ['免费', 'free'],
    ['DevCloud', 'devcloud'],
    ['软开云', 'devcloud'],
    ['Promotion', 'promotion'],
    ['促销', 'promotion'],
  ])('tag %s -> %s (blocked)', (tag, id) => {
    expect(evaluate({ productType: 'Elastic Cloud Server', tags: [tag] }, catalog)).toMatchObject({
      verdict: 'blocked',
      reasons: [{ ruleId: id, verdict: 'blocked', evidence: { field: 'tags', text: tag } }],
    });
  });

  it.each(['KooGallery', 'Marketplace', '云商店', '云市场'])('tag %s is a KooGallery product: not here, the seller negotiates it', (tag) => {
    expect(evaluate({ productType: 'Some SaaS', tags: [tag] }, catalog)).toMatchObject({
      verdict: 'elsewhere',
      reasons: [{ ruleId: 'marketplace', verdict: 'elsewhere', where: expect.stringMatching(/KooGallery seller|云商店商家/) }],
    });
  });

  it('an invoiced KooGallery product is blocked', () => {
    const result = evaluate({ productType: 'Some SaaS', tags: ['KooGallery', 'Invoiced'] }, catalog);
    expect(result.verdict).toBe('blocked');
    expect(result.reasons.map((r) => [r.ruleId, r.verdict])).toEqual([
      ['marketplace-invoiced', 'blocked'],
      ['marketplace', 'elsewhere'],
    ]);
  });

  it('a KooGallery product type with an 已开票 tag is blocked', () => {
    expect(reasonFor({ productType: 'KooGallery 商品', tags: ['已开票'] }, 'marketplace-invoiced')?.verdict).toBe('blocked');
  });

  it('"Invoiced" without KooGallery is only a caution: the rule is about KooGallery services', () => {
    expect(evaluate({ productType: 'Elastic Cloud Server', tags: ['Invoiced'] }, catalog)).toMatchObject({
      verdict: 'caution',
      reasons: [{ ruleId: 'marketplace-invoiced', verdict: 'caution' }],
    });
  });

  it('reads every tag of the row', () => {
    expect(ruleIds({ productType: 'Elastic Cloud Server', tags: ['New', 'Trial', 'Promotion'] }).sort()).toEqual(['promotion', 'trial']);
  });

  it('a DevCloud product type is a DevCloud product', () => {
    expect(ruleIds({ productType: 'DevCloud Basic Edition' })).toEqual(['devcloud']);
  });
});

describe("never a condition from the resource's own name or ID", () => {
  it('the engine input has no name or ID field at all', () => {
    // @ts-expect-error a resource named "smn-trial-free" is the user's choice of name, not a trial
    const resource: Resource = { productType: 'Elastic Cloud Server', name: 'smn-trial-free-expired' };
    expect(evaluate(resource, catalog)).toEqual({ verdict: 'allowed', reasons: [] });
  });

  it('ignores name-like fields slipped in at run time', () => {
    const resource = { productType: 'Elastic Cloud Server', name: 'Trial SMN', id: 'frozen-dc-01', resource: 'KooGallery' } as Resource;
    expect(evaluate(resource, catalog)).toEqual({ verdict: 'allowed', reasons: [] });
  });
});

describe('reason texts and error codes the page prints', () => {
  it.each([
    ['CBC.99003649', 'trial'],
    ['CBC.99003652', 'devcloud'],
    ['CBC.99003647', 'pay-per-use-package'],
    ['CBC.99003656', 'frozen-for-security'],
    ['CBC.99003651', 'transaction-in-progress'],
    ['CBC.99003643', 'marketplace-invoiced'],
    ['CBC.99003100', 'transaction-in-progress'],
    ['CBC.99003012', 'resource-not-found'],
    ['OSM-SP-SeniorBenefitUsed', 'senior-benefit-trial'],
  ])('error code %s -> %s, blocked', (code, id) => {
    expect(evaluate({ productType: 'Elastic Cloud Server', reasonText: `Unsubscription failed (${code})` }, catalog)).toMatchObject({
      verdict: 'blocked',
      reasons: [{ ruleId: id, verdict: 'blocked', evidence: { field: 'reasonText', matched: code } }],
    });
  });

  it('reads an error code in lower case or in full-width characters', () => {
    expect(ruleIds({ reasonText: 'error cbc.99003649' })).toEqual(['trial']);
    expect(ruleIds({ reasonText: '错误码：ＣＢＣ．９９００３６４９' })).toEqual(['trial']);
    expect(ruleIds({ reasonText: 'osm-sp-seniorbenefitused' })).toEqual(['senior-benefit-trial']);
  });

  it.each([
    ['试用云服务不支持退订', 'trial'],
    ['软开云套餐不能退订', 'devcloud'],
    ['按需套餐包不能退订', 'pay-per-use-package'],
    ['已冻结', 'frozen-for-security'],
    ['交易正在进行中', 'transaction-in-progress'],
    ['已开发票的云服务不允许退订', 'marketplace-invoiced'],
    ['高级权益已试用，不允许退订', 'senior-benefit-trial'],
    ['Trial cloud services cannot be unsubscribed from.', 'trial'],
    ['Other transactions are in progress.', 'transaction-in-progress'],
    ['The resource does not exist.', 'resource-not-found'],
    ['The senior benefit has been used for trial.', 'senior-benefit-trial'],
    ['There is a portfolio subscription relationship.', 'combined-subscription'],
    ['The records have been dumped.', 'subscription-archived'],
    ['The customer has used the value-added benefits of the support plan.', 'support-plan-benefits-used'],
    ['Resources purchased using stored-value cards', 'reseller-stored-value-card'],
    ['A special unsubscription is being reviewed.', 'special-unsubscription-pending'],
    ['The service participated in a special reward event.', 'promotion'],
    ['The account is frozen for legal management.', 'frozen-for-security'],
    ['Effective resource package', 'pay-per-use-package'],
    ['The order was paid by the partner and invoiced.', 'referral-partner-invoiced'],
    ['伙伴代付且已开票的推荐订单', 'referral-partner-invoiced'],
    ['Invoiced cloud services cannot be unsubscribed from.', 'marketplace-invoiced'],
    ['The order is associated with a standard sales contract.', 'standard-sales-contract'],
    ['经销商储值卡购买', 'reseller-stored-value-card'],
    ['伙伴代付', 'referral-partner-invoiced'],
    ['关联标准销售合同', 'standard-sales-contract'],
  ])('reason text "%s" -> %s', (reasonText, id) => {
    expect(evaluate({ productType: 'Elastic Cloud Server', reasonText }, catalog)).toMatchObject({
      verdict: 'blocked',
      reasons: [{ ruleId: id, evidence: { field: 'reasonText', text: reasonText } }],
    });
  });

  it('when the page itself says a KooGallery service cannot be unsubscribed here, it is "not here": the seller is where', () => {
    for (const reasonText of ['KooGallery service', 'Unsubscription failed (CBC.99003650)', '云商店(云市场)中的该云服务不能退订'])
      expect(evaluate({ productType: 'Some SaaS', reasonText }, catalog), reasonText).toMatchObject({
        verdict: 'elsewhere',
        reasons: [{ ruleId: 'marketplace', verdict: 'elsewhere', evidence: { field: 'reasonText' } }],
      });
  });

  it('an invoice reason printed by the page blocks even without a KooGallery tag', () => {
    expect(reasonFor({ reasonText: '已开发票的云服务不允许退订' }, 'marketplace-invoiced')?.verdict).toBe('blocked');
  });

  it('a reason text no rule knows is a caution with the text as evidence, never "allowed"', () => {
    const reasonText = '该类型的云服务不支持退订 (CBC.99003645)';
    expect(evaluate({ productType: 'Elastic Cloud Server', reasonText }, catalog)).toMatchObject({
      verdict: 'caution',
      reasons: [{ ruleId: 'unknown-reason', verdict: 'caution', evidence: { field: 'reasonText', text: reasonText } }],
    });
  });
});

describe('a disabled unsubscribe action', () => {
  it('with no rule matched is a caution whose explanation lists what the page cannot show', () => {
    const result = evaluate({ productType: 'Elastic Cloud Server', actionDisabled: true }, catalog);
    expect(result.verdict).toBe('caution');
    expect(result.reasons).toHaveLength(1);
    const [reason] = result.reasons;
    expect(reason).toMatchObject({ ruleId: 'unknown-reason', verdict: 'caution', evidence: { field: 'actionDisabled' } });
    expect(reason!.explanation).toMatch(/invoice.*promotion.*stored-value card/);
  });

  it('with a rule matched gives that rule only', () => {
    expect(ruleIds({ productType: 'SMN', actionDisabled: true })).toEqual(['service/simple-message-notification']);
    expect(ruleIds({ productType: 'Elastic Cloud Server', status: 'Expired', actionDisabled: true })).toEqual(['expired']);
  });

  it('an enabled action with nothing matched is allowed', () => {
    expect(evaluate({ productType: 'Elastic Cloud Server', actionDisabled: false }, catalog)).toEqual({ verdict: 'allowed', reasons: [] });
  });
});

describe('the verdict and its reasons', () => {
  it('is blocked if any reason blocks, then "not here", then a check, and lists the reasons in that order', () => {
    const result = evaluate({ productType: 'SSL Certificate Manager', tags: ['Trial'], actionDisabled: true, reasonText: 'Direct Connect' }, catalog);
    expect(result.verdict).toBe('blocked');
    expect(result.reasons.map((r) => [r.ruleId, r.verdict])).toEqual([
      ['trial', 'blocked'],
      ['service/ssl-certificate-manager', 'elsewhere'],
    ]);
    const notHere = evaluate({ productType: 'SSL Certificate Manager', tags: ['Cloud Search Service'] }, catalog);
    expect(notHere.verdict).toBe('elsewhere');
    expect(notHere.reasons[0]).toMatchObject({
      ruleId: 'service/ssl-certificate-manager',
      where: expect.stringMatching(/Cloud Certificate Manager/),
    });
  });

  it('is a caution when only cautions match', () => {
    expect(evaluate({ productType: 'Cloud Search Service' }, catalog)).toMatchObject({
      verdict: 'caution',
      reasons: [{ ruleId: 'service/elasticsearch-service', verdict: 'caution' }],
    });
  });

  it('is allowed with no reasons for an ordinary row', () => {
    expect(evaluate({ productType: 'Elastic Cloud Server', billingMode: 'Yearly/Monthly', status: 'In use', tags: [] }, catalog)).toEqual({
      verdict: 'allowed',
      reasons: [],
    });
    expect(evaluate({}, catalog)).toEqual({ verdict: 'allowed', reasons: [] });
  });

  it('gives each rule once, with the rule id, texts, source and the evidence that matched, the product first', () => {
    const result = evaluate({ productType: 'Simple Message Notification (SMN)', status: 'Expired' }, catalog);
    expect(result.reasons).toEqual([
      {
        ruleId: 'service/simple-message-notification',
        verdict: 'blocked',
        title: 'Simple Message Notification',
        explanation: rule('service/simple-message-notification').explanation.en,
        source: {
          url: 'https://support-intl.huaweicloud.com/en-us/usermanual-billing/en-us_topic_0083138804.html',
          section: 'Table 1',
          edition: '2020-01-14',
        },
        evidence: { field: 'productType', text: 'Simple Message Notification (SMN)', matched: 'Simple Message Notification' },
      },
      {
        ruleId: 'expired',
        verdict: 'blocked',
        title: 'Expired',
        explanation: rule('expired').explanation.en,
        source: rule('expired').source,
        evidence: { field: 'status', text: 'Expired', matched: 'expired' },
      },
    ]);
  });

  it("puts the page's own reason first among blocked reasons", () => {
    expect(ruleIds({ productType: 'SMN', status: 'Expired', reasonText: 'CBC.99003656' })).toEqual([
      'frozen-for-security',
      'service/simple-message-notification',
      'expired',
    ]);
  });
});

describe('settings', () => {
  it('speaks Chinese when asked', () => {
    const reason = reasonFor({ productType: 'SMN' }, 'service/simple-message-notification', { lang: 'zh' })!;
    expect(reason.title).toBe('消息通知服务');
    expect(reason.explanation).toBe('消息通知服务在不可退订云服务列表（表1）中，不支持退订。');
    const unknown = reasonFor({ actionDisabled: true }, 'unknown-reason', { lang: 'zh' })!;
    expect(unknown.title).toBe('退订不可用，原因未显示');
    expect(unknown.explanation).toContain('经销商储值卡');
  });

  it('speaks English by default and when asked', () => {
    for (const settings of [undefined, {}, { lang: 'en' } as const]) {
      const reason = reasonFor({ status: '已过期' }, 'expired', settings)!;
      expect(reason.title).toBe('Expired');
      expect(reason.explanation).toMatch(/^Expired cloud services cannot be unsubscribed from/);
    }
  });

  it('a switched-off rule gives no reason', () => {
    const settings: EngineSettings = { disabledRules: ['service/simple-message-notification'] };
    expect(evaluate({ productType: 'SMN' }, catalog, settings)).toEqual({ verdict: 'allowed', reasons: [] });
    expect(ruleIds({ productType: 'SMN', status: 'Expired' }, settings)).toEqual(['expired']);
  });

  it('a switched-off condition leaves the other rules working', () => {
    const settings: EngineSettings = { disabledRules: ['trial', 'promotion'] };
    expect(ruleIds({ productType: 'DIS', tags: ['Trial', 'Promotion'] }, settings)).toEqual(['service/data-ingestion-service']);
  });

  it('switching off unknown-reason leaves a disabled action with no rule unbadged', () => {
    expect(verdict({ productType: 'Elastic Cloud Server', actionDisabled: true }, { disabledRules: ['unknown-reason'] })).toBe('allowed');
  });

  it('switching off the KooGallery rule makes an invoiced product only a caution again', () => {
    const settings: EngineSettings = { disabledRules: ['marketplace'] };
    expect(evaluate({ productType: 'Some SaaS', tags: ['KooGallery', 'Invoiced'] }, catalog, settings)).toMatchObject({
      verdict: 'caution',
      reasons: [{ ruleId: 'marketplace-invoiced', verdict: 'caution' }],
    });
  });

  const ecsRule: UserRule = {
    id: 'ecs-with-disks',
    names: ['Elastic Cloud Server', 'ECS', '弹性云服务器'],
    verdict: 'caution',
    explanation: 'Detach the data disks first.',
  };

  it('a user rule matches its names like a catalog service, with its own texts and source', () => {
    const settings: EngineSettings = { userRules: [ecsRule] };
    const result = evaluate({ productType: 'Elastic Cloud Server (ECS)' }, catalog, settings);
    expect(result.verdict).toBe('caution');
    expect(result.reasons).toEqual([
      expect.objectContaining({
        ruleId: `${USER_RULE_PREFIX}ecs-with-disks`,
        verdict: 'caution',
        title: 'Elastic Cloud Server',
        explanation: 'Detach the data disks first.',
        source: expect.objectContaining({ section: 'Your own rules' }),
        evidence: { field: 'productType', text: 'Elastic Cloud Server (ECS)', matched: 'Elastic Cloud Server' },
      }),
    ]);
    expect(ruleIds({ productType: 'ｅｃｓ' }, settings)).toEqual(['user/ecs-with-disks']);
    expect(ruleIds({ productType: '弹性云服务器' }, { ...settings, lang: 'zh' })).toEqual(['user/ecs-with-disks']);
  });

  it('a user rule can block, and is switched off by its "user/" id', () => {
    const blocking: UserRule = { id: 'gaussdb', names: ['GaussDB'], verdict: 'blocked', explanation: 'Company policy.' };
    expect(verdict({ productType: 'GaussDB' }, { userRules: [blocking] })).toBe('blocked');
    expect(verdict({ productType: 'GaussDB' }, { userRules: [blocking], disabledRules: ['user/gaussdb'] })).toBe('allowed');
  });

  it('a user rule does not weaken a catalog rule; switching the catalog rule off does', () => {
    const lenient: UserRule = { id: 'smn', names: ['SMN'], verdict: 'caution', explanation: 'Checked with support.' };
    expect(verdict({ productType: 'SMN' }, { userRules: [lenient] })).toBe('blocked');
    expect(verdict({ productType: 'SMN' }, { userRules: [lenient], disabledRules: ['service/simple-message-notification'] })).toBe('caution');
  });

  it('answers for the settings given, not for settings used before', () => {
    const on: EngineSettings = {};
    const off: EngineSettings = { disabledRules: ['expired'] };
    expect(verdict({ status: 'Expired' }, on)).toBe('blocked');
    expect(verdict({ status: 'Expired' }, off)).toBe('allowed');
    expect(verdict({ status: 'Expired' }, on)).toBe('blocked');
  });

  it('evaluateCompiled with a compiled catalog answers as evaluate does', () => {
    const settings: EngineSettings = { lang: 'zh', userRules: [ecsRule] };
    const compiled = compileCatalog(catalog, settings);
    for (const resource of [{ productType: 'ECS' }, { productType: 'SMN', tags: ['试用'] }, { actionDisabled: true }] as Resource[])
      expect(evaluateCompiled(resource, compiled)).toEqual(evaluate(resource, catalog, settings));
  });
});

describe('every rule of the catalog can be reached', () => {
  const withNames = catalog.rules.filter((r) => r.names?.length);
  it.each(withNames.flatMap((r) => r.names!.map((name) => [name.text, r.id, r, name] as const)))('product type "%s" -> %s', (_text, id, r, name) => {
    const reason = reasonFor({ productType: name.text }, id);
    expect(reason, `${name.text} should reach ${id}`).toBeDefined();
    expect(reason!.verdict).toBe(name.confidence === 'inferred' ? 'caution' : r.verdict);
    expect(reason!.evidence.field).toBe('productType');
    expect(key(reason!.evidence.matched!)).toBe(key(name.text));
  });

  const phraseCases = catalog.rules.flatMap((r) =>
    (['billingMode', 'status', 'tags', 'reasonText'] as const).flatMap((field) =>
      (r.match?.[field] ?? []).map((phrase) => [field, phrase, r.id, r] as const),
    ),
  );
  it.each(phraseCases)('%s "%s" -> %s', (field, phrase, id, r) => {
    const resource: Resource = field === 'tags' ? { tags: [phrase] } : { [field]: phrase };
    const reason = reasonFor(resource, id);
    expect(reason, `${field} "${phrase}" should reach ${id}`).toBeDefined();
    // A reason the page prints is the page refusing: a block, or "not here" for a rule that says where else.
    const refused = r.verdict === 'elsewhere' ? 'elsewhere' : 'blocked';
    const expected = field === 'reasonText' ? refused : r.match?.requires ? r.match.withoutRequired : r.verdict;
    expect(reason!.verdict).toBe(expected);
    expect(reason!.evidence).toMatchObject({ field, text: phrase });
    expect(key(reason!.evidence.matched!)).toBe(key(phrase)); // "one off" and "one-off" are the same phrase
  });

  it('every rule is reached through the engine or, for what the page never shows, through the look-up', () => {
    for (const r of catalog.rules) {
      const resources: Resource[] = [
        ...(r.names ?? []).map((n) => ({ productType: n.text })),
        ...(r.match?.codes ?? []).map((code) => ({ reasonText: code })),
        ...(r.id === 'unknown-reason' ? [{ actionDisabled: true }] : []),
      ];
      const byEngine = resources.some((resource) => ruleIds(resource).includes(r.id)) || phraseCases.some(([, , id]) => id === r.id);
      const byLookup = lookup(r.title.en, catalog)[0]?.rule === r.id;
      expect(byEngine || byLookup, r.id).toBe(true);
      if (!byEngine) expect(r.group, `${r.id} is reachable only by look-up`).toBe('not-listed');
    }
  });
});

describe('evaluationKey: rows that show the same get the same evaluation', () => {
  const field = fc.constantFrom(
    undefined,
    'Simple Message Notification',
    'Elastic Cloud Server',
    'Yearly/Monthly',
    'Expired',
    '资源包',
    'CBC.99003649',
    'Trial',
  );
  const resource = fc.record(
    {
      productType: field,
      billingMode: field,
      status: field,
      specification: field,
      region: field,
      expiry: field,
      tags: fc.option(
        fc.array(
          field.map((t) => t ?? 'Trial'),
          { maxLength: 2 },
        ),
        { nil: undefined },
      ),
      actionDisabled: fc.option(fc.constant(true), { nil: undefined }),
      reasonText: field,
    },
    { requiredKeys: [] },
  );

  it('equal keys always mean equal evaluations, whatever region and expiry show', () => {
    fc.assert(
      fc.property(resource, resource, (a, b) => {
        const shown = {
          ...b,
          productType: a.productType,
          billingMode: a.billingMode,
          status: a.status,
          tags: a.tags,
          actionDisabled: a.actionDisabled,
          reasonText: a.reasonText,
          specification: a.specification,
        };
        expect(evaluationKey(shown)).toBe(evaluationKey(a));
        const strip = (e: ReturnType<typeof evaluate>) => e.reasons.map((r) => [r.ruleId, r.verdict, r.evidence.field, r.evidence.matched]);
        expect(strip(evaluate(shown, catalog))).toEqual(strip(evaluate(a, catalog)));
        if (evaluationKey(a) === evaluationKey(b)) expect(evaluate(b, catalog)).toEqual(evaluate(a, catalog));
      }),
      { seed: 20261201, numRuns: 300 },
    );
  });

  it('differs when a field the rules read differs', () => {
    expect(evaluationKey({ productType: 'SMN' })).not.toBe(evaluationKey({ productType: 'ECS' }));
    expect(evaluationKey({ productType: 'SMN' })).not.toBe(evaluationKey({ productType: 'SMN', actionDisabled: true }));
    expect(evaluationKey({ status: 'a', billingMode: 'b' })).not.toBe(evaluationKey({ status: 'b', billingMode: 'a' }));
  });
});

describe('the order of reasons (the first is the badge’s main reason, in the popup, the CSV and the report)', () => {
  it('lists a blocking reason before a cautioning one, whatever field showed each', () => {
    // KooGallery ("not here") shows in the tags, Expired (blocked) in the status, the inferred CSS (check) in the product type.
    const { verdict, reasons } = evaluate({ productType: 'Cloud Search Service', tags: ['KooGallery'], status: 'Expired' }, catalog, { lang: 'en' });
    expect(verdict).toBe('blocked');
    expect(reasons.map((reason) => [reason.ruleId, reason.verdict])).toEqual([
      ['expired', 'blocked'],
      ['marketplace', 'elsewhere'],
      ['service/elasticsearch-service', 'caution'],
    ]);
  });

  it('a user rule naming a catalog service exactly: both rules are reasons, the blocking one first', () => {
    const userRules = [{ id: 'smn-ok', names: ['Simple Message Notification'], verdict: 'caution' as const, explanation: 'Ours.' }];
    const { verdict, reasons } = evaluate({ productType: 'Simple Message Notification' }, catalog, { lang: 'en', userRules });
    expect(verdict).toBe('blocked');
    expect(reasons.map((reason) => reason.ruleId)).toEqual(['service/simple-message-notification', 'user/smn-ok']);
  });
});

describe("the order of the reasons (the first is the badge's main reason)", () => {
  it('lists a blocked reason before a caution one, whatever field each comes from', () => {
    // The product type (an inferred name: a caution) comes before the status (expired: blocked) by field.
    expect(ruleIds({ productType: 'Cloud Search Service', status: 'Expired' })).toEqual(['expired', 'service/elasticsearch-service']);
  });

  it("lists reasons of one verdict by field: the page's reason, product type, status, billing mode, tags", () => {
    expect(ruleIds({ productType: 'Elastic Cloud Server', status: 'Expired', billingMode: 'One-off' })).toEqual(['expired', 'one-off-billing']);
    expect(ruleIds({ productType: 'Simple Message Notification', status: 'Expired' })).toEqual(['service/simple-message-notification', 'expired']);
    expect(ruleIds({ productType: 'Elastic Cloud Server', status: 'Expired', tags: ['Free'] })).toEqual(['expired', 'free']);
    expect(ruleIds({ productType: 'Simple Message Notification', reasonText: 'The resource has expired.' })[0]).toBe('expired');
  });
});

describe('edge cases of evaluating a row', () => {
  it('reads a reason text of only spaces as none', () => {
    expect(evaluate({ productType: 'Elastic Cloud Server', reasonText: '   ' }, catalog)).toEqual({ verdict: 'allowed', reasons: [] });
  });

  it('says a disabled action with no rule behind it is worth checking, naming the disabled action', () => {
    const [reason] = evaluate({ productType: 'Elastic Cloud Server', actionDisabled: true }, catalog).reasons;
    expect(reason).toMatchObject({ verdict: 'caution', evidence: { field: 'actionDisabled', text: 'disabled' } });
  });

  it('drops a rule that needs another when the other did not match and it names no weaker verdict', () => {
    const needy: Rule = { ...rule('marketplace-invoiced'), id: 'needy', match: { tags: ['invoiced'], requires: 'marketplace' } };
    const small = { edition: catalog.edition, rules: [rule('marketplace'), needy] };
    expect(evaluate({ productType: 'ECS', tags: ['Invoiced'] }, small).reasons).toEqual([]);
    expect(
      evaluate({ productType: 'ECS', tags: ['Invoiced', 'KooGallery'] }, small)
        .reasons.map((r) => r.ruleId)
        .sort(),
    ).toEqual(['marketplace', 'needy']);
  });

  it('gives a user rule the shape of a Table 1 entry: a confirmed English name, "Your own rules" as its source', () => {
    const user: UserRule = { id: 'my-host', names: ['My Host'], verdict: 'blocked', explanation: 'Ask first.' };
    const [reason] = evaluate({ productType: 'My Host' }, catalog, { userRules: [user] }).reasons;
    expect(reason).toMatchObject({
      ruleId: `${USER_RULE_PREFIX}my-host`,
      verdict: 'blocked',
      source: { url: '', section: 'Your own rules', edition: '' },
    });
    expect(reason?.note).toBeUndefined();
    expect(lookup('My Host', catalog, { userRules: [user], lang: 'en' })[0]).toMatchObject({
      rule: `${USER_RULE_PREFIX}my-host`,
      verdict: 'blocked',
    });
  });
});

describe("the newer console's reason groups and the permission code", () => {
  it.each([
    ['Transaction in progress', 'transaction-in-progress', 'blocked'],
    ['交易进行中', 'transaction-in-progress', 'blocked'],
    ['Billing reasons', 'billing-reasons', 'blocked'],
    ['计费原因', 'billing-reasons', 'blocked'],
    ['Promotion involved', 'promotion', 'blocked'],
    ['涉及促销', 'promotion', 'blocked'],
    ['Incompliance', 'frozen-for-security', 'blocked'],
    ['不合规', 'frozen-for-security', 'blocked'],
    ['Access denied. (CBC.0151)', 'no-permission', 'elsewhere'],
    ['访问拒绝（CBC.0151）', 'no-permission', 'elsewhere'],
    ['cbc.0151', 'no-permission', 'elsewhere'],
  ] as const)('a row whose reason reads "%s" gets %s (%s)', (reasonText, id, expected) => {
    const evaluation = evaluate({ productType: 'Elastic Cloud Server', reasonText, actionDisabled: true }, catalog);
    expect(evaluation.verdict).toBe(expected);
    expect(evaluation.reasons.map((r) => r.ruleId)).toEqual([id]);
  });

  it.each(['en', 'zh'] as const)('says, in %s, that a permission block is lifted by someone who has the permission', (lang) => {
    const [reason] = evaluate({ reasonText: 'CBC.0151', actionDisabled: true }, catalog, { lang }).reasons;
    expect(reason!.where).toMatch(lang === 'en' ? /administrator/ : /管理员/);
    expect(reason!.explanation).toContain('billing:cloudServiceType');
  });

  it('finds the permission rule by its code and by "IAM" in the look-up', () => {
    expect(lookup('CBC.0151', catalog)[0]?.rule).toBe('no-permission');
    expect(lookup('IAM permission', catalog)[0]?.rule).toBe('no-permission');
    expect(lookup('billing reasons', catalog)[0]?.rule).toBe('billing-reasons');
  });
});
