// The audit over 100,000 resources: 200 saved pages of 500 (the API's largest page), for 4 customers,
// through `npm run audit -- --json` in a process of its own, its peak memory read from /proc while it
// runs. Goal: under 3 s and 500 MB.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { measureCli, type CliRun } from './measure-cli';

export interface AuditCase extends CliRun {
  resources: number;
  files: number;
}

const PAGES = 200;
const PAGE_SIZE = 500;
const CUSTOMERS = 4;

const services = [
  ['hws.service.type.ec2', 'Elastic Cloud Server'],
  ['hws.service.type.ebs', 'Elastic Volume Service'],
  ['hws.service.type.smn', 'Simple Message Notification'],
  ['hws.service.type.dcaas', 'Direct Connect'],
  ['hws.service.type.rds', 'Relational Database Service'],
  ['hws.service.type.workplace', 'Workplace'],
] as const;

/** One page as the API returns it: VMs with their disks as sub-resources, and a mix of services and statuses. */
function page(customer: number, index: number): string {
  const data = [];
  for (let i = 0; i < PAGE_SIZE; i++) {
    const n = index * PAGE_SIZE + i;
    const [code, name] = services[n % services.length]!;
    const disk = code === 'hws.service.type.ebs';
    data.push({
      id: `o${n}`,
      resource_id: `${customer}-${n.toString(16).padStart(8, '0')}-4c1e-9f00-${(n * 7919).toString(16).padStart(12, '0')}`,
      resource_name: `${disk ? 'volume' : 'res'}-${n}`,
      region_code: n % 3 ? 'ap-southeast-1' : 'cn-north-4',
      service_type_code: code,
      service_type_name: name,
      resource_type_code: 'hws.resource.type.vm',
      resource_type_name: 'Cloud Server',
      resource_spec_code: 's6.large.2.linux',
      project_id: '0d2f6c1b4a00e1c52f6fc00b5e3f7a21',
      product_id: '00301-233004-0--0',
      parent_resource_id: disk
        ? `${customer}-${(n - 1).toString(16).padStart(8, '0')}-4c1e-9f00-${((n - 1) * 7919).toString(16).padStart(12, '0')}`
        : '',
      is_main_resource: disk ? 0 : 1,
      status: n % 17 === 0 ? 5 : n % 23 === 0 ? 4 : n % 29 === 0 ? 3 : 2,
      effective_time: '2026-03-01T04:00:00Z',
      expire_time: '2027-03-01T15:59:59Z',
      expire_policy: 0,
    });
  }
  return JSON.stringify({ data, total_count: (PAGES / CUSTOMERS) * PAGE_SIZE });
}

export async function auditCase(): Promise<AuditCase> {
  const dir = mkdtempSync(join(tmpdir(), 'unsub-lens-audit-'));
  try {
    const perCustomer = PAGES / CUSTOMERS;
    for (let c = 0; c < CUSTOMERS; c++) {
      mkdirSync(join(dir, `customer-${c}`));
      for (let p = 0; p < perCustomer; p++) writeFileSync(join(dir, `customer-${c}`, `page-${p + 1}.json`), page(c, p));
    }
    return { resources: PAGES * PAGE_SIZE, files: PAGES, ...(await measureCli('audit.ts', ['--json', dir])) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
