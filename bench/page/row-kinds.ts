// The rows the generated tables are made of, each with the verdict and rule ids the catalog gives it.
// The expectations are written from src/rules/catalog.json by hand, not taken from the engine's output:
// a run whose badges disagree with them fails its verification.
import type { Verdict } from '../../src/rules/types';

export interface RowKind {
  id: string;
  /** Relative frequency in a generated table. */
  weight: number;
  product: string;
  /** A tag label shown in the product type cell (Trial, KooGallery). */
  tag?: string;
  specification: string;
  billing: string;
  status: string;
  /** How the console greys out the row's Unsubscribe action. */
  action: 'enabled' | 'disabled' | 'aria-disabled';
  verdict: Verdict;
  /** data-unsub-lens-rules: the reasons' rule ids in the order the engine ranks them. */
  rules: string;
}

const yearly = 'Yearly/Monthly';
const inUse = 'In use';

export const rowKinds: readonly RowKind[] = [
  // Plain rows no rule applies to: most of a real page.
  {
    id: 'ecs',
    weight: 24,
    product: 'Elastic Cloud Server',
    specification: 's6.large.2 | 2 vCPUs | 4 GiB | Ubuntu 22.04 server 64bit',
    billing: yearly,
    status: inUse,
    action: 'enabled',
    verdict: 'allowed',
    rules: '',
  },
  {
    id: 'rds',
    weight: 10,
    product: 'Relational Database Service',
    specification: 'rds.mysql.x1.large.2.ha | 2 vCPUs | 4 GiB | Primary/Standby',
    billing: yearly,
    status: inUse,
    action: 'enabled',
    verdict: 'allowed',
    rules: '',
  },
  {
    id: 'evs',
    weight: 8,
    product: 'Elastic Volume Service',
    specification: 'Ultra-high I/O | 100 GiB',
    billing: yearly,
    status: inUse,
    action: 'enabled',
    verdict: 'allowed',
    rules: '',
  },
  {
    id: 'eip',
    weight: 6,
    product: 'Elastic IP',
    specification: 'Dynamic BGP | Bandwidth 5 Mbit/s',
    billing: yearly,
    status: inUse,
    action: 'enabled',
    verdict: 'allowed',
    rules: '',
  },
  {
    id: 'cce',
    weight: 5,
    product: 'Cloud Container Engine',
    specification: 'CCE Turbo cluster | 50 nodes | HA',
    billing: yearly,
    status: inUse,
    action: 'enabled',
    verdict: 'allowed',
    rules: '',
  },
  {
    id: 'dcs',
    weight: 4,
    product: 'Distributed Cache Service',
    specification: 'Redis 6.0 | Master/Standby | 8 GB',
    billing: yearly,
    status: inUse,
    action: 'enabled',
    verdict: 'allowed',
    rules: '',
  },
  // "Excluding cloud server backups": a CSBS package is not blocked by the pay-per-use package rule.
  {
    id: 'csbs-package',
    weight: 3,
    product: 'Cloud Server Backup Service',
    specification: 'Backup storage package | 500 GB',
    billing: 'Pay-per-use package',
    status: inUse,
    action: 'enabled',
    verdict: 'allowed',
    rules: '',
  },
  // Table 1 services: the console disables their Unsubscribe action.
  {
    id: 'smn',
    weight: 4,
    product: 'Simple Message Notification',
    specification: 'Email notification package | 10,000,000 notifications/month',
    billing: yearly,
    status: inUse,
    action: 'disabled',
    verdict: 'blocked',
    rules: 'service/simple-message-notification',
  },
  {
    id: 'direct-connect',
    weight: 2,
    product: 'Direct Connect',
    specification: 'Full-service connection | 1 Gbit/s',
    billing: yearly,
    status: inUse,
    action: 'disabled',
    verdict: 'blocked',
    rules: 'service/direct-connect',
  },
  {
    id: 'domains',
    weight: 2,
    product: 'Domain Registration',
    specification: '.com domain | 1 year',
    billing: yearly,
    status: inUse,
    action: 'disabled',
    verdict: 'blocked',
    rules: 'service/domain-registration',
  },
  {
    id: 'anti-ddos',
    weight: 2,
    product: 'Advanced Anti-DDoS',
    specification: 'Basic protection 10 Gbit/s | Elastic protection 50 Gbit/s',
    billing: yearly,
    status: inUse,
    action: 'disabled',
    verdict: 'blocked',
    rules: 'service/advanced-anti-ddos',
  },
  // The longer Table 1 name wins over "Dedicated Cloud" inside it.
  {
    id: 'dec-bms',
    weight: 1,
    product: 'Dedicated Cloud Bare Metal Server',
    specification: 'physical.s4.2xlarge | 64 vCPUs | 384 GiB',
    billing: yearly,
    status: inUse,
    action: 'disabled',
    verdict: 'blocked',
    rules: 'service/dedicated-cloud-bare-metal-server',
  },
  // Conditions the row shows.
  {
    id: 'expired',
    weight: 5,
    product: 'Elastic Cloud Server',
    specification: 'c7.xlarge.2 | 4 vCPUs | 8 GiB | CentOS 7.9 64bit',
    billing: yearly,
    status: 'Expired',
    action: 'disabled',
    verdict: 'blocked',
    rules: 'expired',
  },
  {
    id: 'frozen',
    weight: 3,
    product: 'Relational Database Service',
    specification: 'rds.pg.n1.large.2 | 2 vCPUs | 4 GiB | Single',
    billing: yearly,
    status: 'Frozen',
    action: 'disabled',
    verdict: 'blocked',
    rules: 'frozen-for-security',
  },
  {
    id: 'package',
    weight: 4,
    product: 'Object Storage Service',
    specification: 'Standard storage package | 1 TB | 1 year',
    billing: 'Pay-per-use package',
    status: inUse,
    action: 'disabled',
    verdict: 'blocked',
    rules: 'pay-per-use-package',
  },
  {
    id: 'trial',
    weight: 3,
    product: 'Elastic Cloud Server',
    tag: 'Trial',
    specification: 't6.small.1 | 1 vCPU | 1 GiB | Debian 12 64bit',
    billing: yearly,
    status: inUse,
    action: 'disabled',
    verdict: 'blocked',
    rules: 'trial',
  },
  // Product type first, then status (the engine's field order).
  {
    id: 'smn-expired',
    weight: 1,
    product: 'Simple Message Notification',
    specification: 'SMS notification package | 100,000 messages/month',
    billing: yearly,
    status: 'Expired',
    action: 'disabled',
    verdict: 'blocked',
    rules: 'service/simple-message-notification expired',
  },
  // Hints, never certain blocks.
  {
    id: 'koogallery',
    weight: 2,
    product: 'Cloud Phone Host',
    tag: 'KooGallery',
    specification: 'Phone host | 32 vCPUs | 128 GiB',
    billing: yearly,
    status: inUse,
    action: 'enabled',
    verdict: 'caution',
    rules: 'marketplace',
  },
  {
    id: 'disabled-no-reason',
    weight: 4,
    product: 'Elastic Cloud Server',
    specification: 'm7.2xlarge.8 | 8 vCPUs | 64 GiB | Windows Server 2019',
    billing: yearly,
    status: inUse,
    action: 'aria-disabled',
    verdict: 'caution',
    rules: 'unknown-reason',
  },
  {
    id: 'modelarts',
    weight: 2,
    product: 'ModelArts',
    specification: 'Dedicated resource pool | 8 x GPU',
    billing: yearly,
    status: inUse,
    action: 'enabled',
    verdict: 'caution',
    rules: 'service/machine-learning-service',
  },
  {
    id: 'ssl',
    weight: 3,
    product: 'SSL Certificate Manager',
    specification: 'OV wildcard certificate | 1 year',
    billing: yearly,
    status: inUse,
    action: 'enabled',
    verdict: 'caution',
    rules: 'service/ssl-certificate-manager',
  },
];

const regions = ['AP-Singapore', 'CN-Hong Kong', 'AF-Johannesburg', 'LA-Sao Paulo1', 'ME-Riyadh', 'TR-Istanbul'];
const projects = ['default', 'prod-platform', 'data-team', 'marketing-web'];
const names = ['web', 'api', 'db', 'cache', 'batch', 'analytics', 'notify', 'gateway', 'backup', 'search'];

/** What one generated row shows, and what the extension should say about it. */
export interface RowSpec {
  kind: RowKind;
  name: string;
  resourceId: string;
  region: string;
  expiry: string;
  orderNo: string;
  project: string;
}

/** A small deterministic hash, so every page of every run is the same table. */
function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x632be5ab, 0xc2b2ae35);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return h >>> 0;
}

const totalWeight = rowKinds.reduce((sum, kind) => sum + kind.weight, 0);

function kindFor(hash: number): RowKind {
  let pick = hash % totalWeight;
  for (const kind of rowKinds) {
    if (pick < kind.weight) return kind;
    pick -= kind.weight;
  }
  return rowKinds[0]!;
}

function hex(value: number, length: number): string {
  return value.toString(16).padStart(length, '0').slice(-length);
}

/** Row `index` of result page `page`: a different mix of kinds on every page. */
export function rowSpec(page: number, index: number): RowSpec {
  const h = mix(page, index);
  const kind = kindFor(h);
  const h2 = mix(h, index);
  const day = 1 + (h2 % 28);
  const month = 1 + ((h2 >>> 5) % 12);
  return {
    kind,
    name: `${names[h2 % names.length]}-${kind.id}-${page}-${index}`,
    resourceId: `${hex(h, 8)}-${hex(h2, 4)}-4${hex(h2 >>> 8, 3)}-a${hex(h >>> 4, 3)}-${hex(h2, 6)}${hex(h, 6)}`,
    region: regions[(h2 >>> 3) % regions.length]!,
    expiry: `2026-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')} 23:59:59 GMT+08:00`,
    orderNo: `CS${2400000000 + (h2 % 99999999)}${String.fromCharCode(65 + (h % 26), 65 + (h2 % 26))}`,
    project: projects[(h >>> 7) % projects.length]!,
  };
}
