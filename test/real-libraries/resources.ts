// The resources the real-library pages show, in English and Chinese, each with what the extension
// must say of it. Verdicts and rule ids were worked out by hand from src/rules/catalog.json (Table 1
// names, status phrases, the pay-per-use-package condition, a disabled action with nothing explaining
// it), like the saved-page fixtures' expectation files.
import type { Verdict } from '../../src/rules/types';

export type Lang = 'en' | 'zh';

export interface LibraryResource {
  id: string;
  name: string;
  productType: string;
  specification: string;
  region: string;
  billingMode: string;
  expiry: string;
  status: string;
  orderNo: string;
  /** Whether the row's Unsubscribe action is disabled. */
  disabled: boolean;
  verdict: Verdict;
  rules: string[];
}

type Base = Omit<LibraryResource, 'id' | 'name' | 'orderNo'> & { name: string };

const english: Base[] = [
  {
    name: 'smn-alarm-topic-prod',
    productType: 'Simple Message Notification',
    specification: 'Email package | 10,000,000/month',
    region: 'AP-Singapore',
    billingMode: 'Yearly/Monthly',
    expiry: 'Nov 30, 2026 23:59:59 GMT+08:00',
    status: 'In use',
    disabled: true,
    verdict: 'blocked',
    rules: ['service/simple-message-notification'],
  },
  {
    name: 'ecs-web-01',
    productType: 'Elastic Cloud Server',
    specification: 's6.large.2 | 2 vCPUs | 4 GiB',
    region: 'AP-Singapore',
    billingMode: 'Yearly/Monthly',
    expiry: 'Nov 30, 2026 23:59:59 GMT+08:00',
    status: 'In use',
    disabled: false,
    verdict: 'allowed',
    rules: [],
  },
  {
    name: 'evs-data-disk-07',
    productType: 'Elastic Volume Service',
    specification: 'General Purpose SSD | 500 GiB',
    region: 'AP-Singapore',
    billingMode: 'Yearly/Monthly',
    expiry: 'Oct 31, 2025 23:59:59 GMT+08:00',
    status: 'Expired',
    disabled: true,
    verdict: 'blocked',
    rules: ['expired'],
  },
  {
    name: 'rds-mysql-orders',
    productType: 'Relational Database Service',
    specification: 'MySQL 8.0 | Primary/Standby | 4 vCPUs',
    region: 'CN-Hong Kong',
    billingMode: 'Yearly/Monthly',
    expiry: 'Nov 30, 2026 23:59:59 GMT+08:00',
    status: 'Frozen',
    disabled: true,
    verdict: 'blocked',
    rules: ['frozen-for-security'],
  },
  {
    name: 'ecs-batch-worker-03',
    productType: 'Elastic Cloud Server',
    specification: 'c7.xlarge.2 | 4 vCPUs | 8 GiB',
    region: 'AP-Singapore',
    billingMode: 'Pay-per-use package',
    expiry: 'Nov 30, 2026 23:59:59 GMT+08:00',
    status: 'In use',
    disabled: false,
    verdict: 'blocked',
    rules: ['pay-per-use-package'],
  },
  {
    name: 'vpn-gw-branch',
    productType: 'Virtual Private Network',
    specification: 'VPN gateway | 10 connections',
    region: 'AP-Singapore',
    billingMode: 'Yearly/Monthly',
    expiry: 'Nov 30, 2026 23:59:59 GMT+08:00',
    status: 'In use',
    disabled: true,
    verdict: 'caution',
    rules: ['unknown-reason'],
  },
  {
    name: 'obs-archive-bucket',
    productType: 'Object Storage Service',
    specification: 'Standard storage package | 1 TB',
    region: 'AP-Bangkok',
    billingMode: 'Yearly/Monthly',
    expiry: 'Nov 30, 2026 23:59:59 GMT+08:00',
    status: 'In use',
    disabled: false,
    verdict: 'allowed',
    rules: [],
  },
  {
    name: 'domain-example-shop',
    productType: 'Domain Registration',
    specification: 'example-shop.com | 1 year',
    region: 'Global',
    billingMode: 'Yearly/Monthly',
    expiry: 'Nov 30, 2026 23:59:59 GMT+08:00',
    status: 'In use',
    disabled: true,
    verdict: 'blocked',
    rules: ['service/domain-registration'],
  },
];

const chinese: Base[] = [
  {
    name: 'smn-告警通知',
    productType: '消息通知服务',
    specification: '邮件套餐包 | 1000万条/月',
    region: '华北-北京四',
    billingMode: '包年/包月',
    expiry: '2026/11/30 23:59:59 GMT+08:00',
    status: '使用中',
    disabled: true,
    verdict: 'blocked',
    rules: ['service/simple-message-notification'],
  },
  {
    name: 'ecs-官网-01',
    productType: '弹性云服务器',
    specification: 's6.large.2 | 2vCPUs | 4GiB',
    region: '华北-北京四',
    billingMode: '包年/包月',
    expiry: '2026/11/30 23:59:59 GMT+08:00',
    status: '使用中',
    disabled: false,
    verdict: 'allowed',
    rules: [],
  },
  {
    name: 'evs-数据盘-07',
    productType: '云硬盘',
    specification: '通用型SSD | 500GiB',
    region: '华东-上海一',
    billingMode: '包年/包月',
    expiry: '2025/10/31 23:59:59 GMT+08:00',
    status: '已过期',
    disabled: true,
    verdict: 'blocked',
    rules: ['expired'],
  },
  {
    name: 'rds-订单库',
    productType: '云数据库 RDS for MySQL',
    specification: 'MySQL 8.0 | 主备 | 4vCPUs',
    region: '华北-北京四',
    billingMode: '包年/包月',
    expiry: '2026/11/30 23:59:59 GMT+08:00',
    status: '已冻结',
    disabled: true,
    verdict: 'blocked',
    rules: ['frozen-for-security'],
  },
  {
    name: 'ecs-批处理-03',
    productType: '弹性云服务器',
    specification: 'c7.xlarge.2 | 4vCPUs | 8GiB',
    region: '华南-广州',
    billingMode: '按需套餐包',
    expiry: '2026/11/30 23:59:59 GMT+08:00',
    status: '使用中',
    disabled: false,
    verdict: 'blocked',
    rules: ['pay-per-use-package'],
  },
  {
    name: 'vpn-分支机构',
    productType: '虚拟专用网络',
    specification: 'VPN网关 | 10个连接',
    region: '华北-北京四',
    billingMode: '包年/包月',
    expiry: '2026/11/30 23:59:59 GMT+08:00',
    status: '使用中',
    disabled: true,
    verdict: 'caution',
    rules: ['unknown-reason'],
  },
  {
    name: 'obs-归档桶',
    productType: '对象存储服务',
    specification: '标准存储包 | 1TB',
    region: '华东-上海一',
    billingMode: '包年/包月',
    expiry: '2026/11/30 23:59:59 GMT+08:00',
    status: '使用中',
    disabled: false,
    verdict: 'allowed',
    rules: [],
  },
  {
    name: 'example-shop.cn',
    productType: '域名注册服务',
    specification: 'example-shop.cn | 1年',
    region: '全局',
    billingMode: '包年/包月',
    expiry: '2026/11/30 23:59:59 GMT+08:00',
    status: '使用中',
    disabled: true,
    verdict: 'blocked',
    rules: ['service/domain-registration'],
  },
];

/**
 * `count` resources in `lang`: the base rows over and over, each copy with its own name, ID and
 * order number (a page of a long list, or the whole list behind a virtual scroll).
 */
export function libraryResources(lang: Lang, count: number): LibraryResource[] {
  const base = lang === 'en' ? english : chinese;
  return Array.from({ length: count }, (_, i) => {
    const row = base[i % base.length]!;
    const copy = Math.floor(i / base.length);
    return {
      ...row,
      name: copy ? `${row.name}-${copy}` : row.name,
      id: `0b6a${String(i).padStart(4, '0')}-7c22-4b25-a6a9-e0d6ab19915b`,
      orderNo: `CS2611${String(100000 + i)}HC`,
    };
  });
}

export const headers: Record<
  Lang,
  Record<'resource' | 'productType' | 'specification' | 'region' | 'billingMode' | 'expiry' | 'status' | 'orderNo' | 'operation', string>
> = {
  en: {
    resource: 'Resource Name/ID',
    productType: 'Product Type',
    specification: 'Product Specifications',
    region: 'Region',
    billingMode: 'Billing Mode',
    expiry: 'Expiration Time',
    status: 'Status',
    orderNo: 'Order No.',
    operation: 'Operation',
  },
  zh: {
    resource: '资源名称/ID',
    productType: '产品类型',
    specification: '产品规格',
    region: '区域',
    billingMode: '计费模式',
    expiry: '到期时间',
    status: '状态',
    orderNo: '订单号',
    operation: '操作',
  },
};

export const unsubscribeLabel: Record<Lang, string> = { en: 'Unsubscribe', zh: '退订' };
