// @vitest-environment node
// The audit of saved BSS API responses: the verdict and rules per resource, sub-resources under their
// main resource, statuses, customers, the five-day window, bad files, and the CLI run as a user runs it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { catalog } from '../../src/rules/catalog';
import { compileCatalog } from '../../src/rules/engine';
import { createAudit, customerFromFileName, type AuditOptions, type AuditRow } from '../../src/audit/audit';
import { parseResponse, type BssResponse } from '../../src/audit/bss-response';
import { readResponse, responseFiles } from '../../src/audit/read-responses';
import { auditJsonChunks, formatAuditCsv, formatAuditText } from '../../src/audit/format-audit';
import type { Lang } from '../../src/i18n/languages';

const root = fileURLToPath(new URL('../..', import.meta.url));
const fixtures = path.join(root, 'test/fixtures/bss');
const NOW = Date.parse('2026-12-02T08:00:00Z');

function response(file: string): BssResponse {
  const parsed = parseResponse(readFileSync(path.join(fixtures, file), 'utf8'), file);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed;
}

function auditOf(files: string[], options: Partial<AuditOptions> & { lang?: Lang } = {}) {
  const lang = options.lang ?? 'en';
  const audit = createAudit({ compiled: compileCatalog(catalog, { lang }), lang, site: lang === 'zh' ? 'cn' : 'intl', now: NOW, ...options });
  for (const file of files) audit.add(response(file), file);
  return audit.finish();
}

const byId = (rows: AuditRow[]) => new Map(rows.map((row) => [row.resource_id, row]));

describe('the audit of one customer over two pages (international site)', () => {
  const report = auditOf(['intl-en/acme-page-1.json', 'intl-en/acme-page-2.json']);
  const rows = byId(report.rows);

  it('gives every resource its verdict and rules, as the badges would', () => {
    expect(report.rows.map((row) => [row.resource, row.verdict, row.rules])).toEqual([
      ['ecs-web-01', 'allowed', []],
      ['ecs-web-01-volume-0000', 'allowed', []],
      ['ecs-web-01-volume-0001', 'allowed', []],
      ['smn-alerts', 'blocked', ['service/simple-message-notification']],
      ['dc-hk-line-1', 'caution', ['service/direct-connect']], // which kind of connection, the API does not say
      ['ecs-batch-02', 'blocked', ['frozen-for-security']],
      ['ecs-old-03', 'blocked', ['expired']],
      ['ecs-gone-04', 'allowed', []],
      ['welink-team', 'blocked', ['service/huawei-cloud-welink']],
    ]);
    expect(report.summary).toEqual({ blocked: 4, elsewhere: 0, caution: 1, allowed: 3, closed: 1 });
    expect(report.customers).toEqual([{ customer: 'acme', resources: 9, totalCount: 9 }]);
    expect(report.warnings).toEqual([]);
  });

  it('lists sub-resources under their main resource, even from a later page, and says they go together', () => {
    const vm = rows.get('8c7e3b7e-5d0a-4a1b-9f6e-2b1d5c0e7a11')!;
    expect(vm.notes).toEqual(['2 bound resources are unsubscribed with it']);
    const laterDisk = rows.get('d6b0c7a2-3e1f-4f0c-8f55-6a2c1b9d0e02')!;
    expect(laterDisk.row).toBe(vm.row + 2);
    expect(laterDisk.parent_resource_id).toBe(vm.resource_id);
    expect(laterDisk.file).toBe('intl-en/acme-page-2.json');
    expect(laterDisk.notes).toEqual(['bound to ecs-web-01 (8c7e3b7e-5d0a-4a1b-9f6e-2b1d5c0e7a11): unsubscribed together with its main resource']);
  });

  it('reads the status codes: 4 frozen, 5 expired, 3 closed and not counted', () => {
    expect(rows.get('4f1d2c3b-6a5e-4d7c-8b9a-0e1f2a3b4c55')!.reasons).toEqual([
      { rule: 'frozen-for-security', title: 'Frozen', fact: 'status: Frozen' },
    ]);
    expect(rows.get('9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c33')!.details.status).toBe('Expired');
    const closed = rows.get('7e6d5c4b-3a2f-4e1d-0c9b-8a7f6e5d4c22')!;
    expect(closed.closed).toBe(true);
    expect(closed.notes[0]).toBe('closed: the Unsubscriptions page does not show it');
  });

  it('knows a product by its confirmed service type code when the name is one the catalog lacks', () => {
    const welink = rows.get('welink-2c1b0a9f8e7d')!;
    expect(welink.product).toBe('Workplace');
    expect(welink.reasons).toEqual([
      { rule: 'service/huawei-cloud-welink', title: 'HUAWEI CLOUD WeLink', fact: 'product: hws.service.type.workplace' },
    ]);
    // The name alone would not have found it.
    const { status, billingMode, productType } = welink.details;
    const withoutCode = createAudit({ compiled: compileCatalog(catalog), lang: 'en', site: 'intl', now: NOW });
    withoutCode.add(
      {
        items: [{ resource_id: 'w', resource_name: '', service_type_code: 'hws.service.type.other', service_type_name: productType!, status: 2 }],
        problems: [],
        skipped: 0,
      },
      'x.json',
    );
    expect(withoutCode.finish().rows[0]!.verdict).toBe('allowed');
    expect([status, billingMode]).toEqual(['In use', 'Yearly/Monthly']);
  });

  it('keeps the newer reading of a resource that two files both list', () => {
    const audit = createAudit({ compiled: compileCatalog(catalog), lang: 'en', site: 'intl', now: NOW });
    const first = { ...response('intl-en/acme-page-2.json'), customerId: 'acme' };
    audit.add(first, 'old.json');
    const frozenThenExpired = { ...first, items: first.items.map((item) => (item.status === 4 ? { ...item, status: 5 } : item)) };
    audit.add(frozenThenExpired, 'new.json');
    const report = audit.finish();
    expect(report.rows).toHaveLength(first.items.length);
    expect(byId(report.rows).get('4f1d2c3b-6a5e-4d7c-8b9a-0e1f2a3b4c55')).toMatchObject({ rules: ['expired'], file: 'new.json' });
  });

  it('warns when the API counts more resources than the files hold', () => {
    const onePage = auditOf(['intl-en/acme-page-1.json']);
    expect(onePage.warnings).toEqual(['acme: the API counts 9 resources, these files hold 4: are pages missing?']);
  });
});

describe('the China site in Chinese', () => {
  const report = auditOf(['cn-zh/huabei-1.json'], { lang: 'zh' });
  const rows = byId(report.rows);

  it('maps the Chinese service names through the catalog', () => {
    expect(rows.get('smn-3e4f5a6b7c8d9e0f')).toMatchObject({ verdict: 'blocked', rules: ['service/simple-message-notification'] });
    expect(rows.get('smn-3e4f5a6b7c8d9e0f')!.reasons[0]!.fact).toBe('产品类型：消息通知服务');
    expect(rows.get('6d5c4b3a-2f1e-4d0c-9b8a-7f6e5d4c3b21')).toMatchObject({ rules: ['frozen-for-security'], details: { status: '已冻结' } });
    expect(rows.get('5c4b3a2d-1e0f-4a9b-8c7d-6e5f4a3b2c10')!.notes).toEqual([
      '从属于 ecs-zhongxin-01（3b2a1c0d-9e8f-4a7b-6c5d-4e3f2a1b0c99）：与主资源一起退订',
    ]);
  });

  it('says five-day no-reason unsubscription may apply within 5x24 h of taking effect, and only then', () => {
    const fresh = rows.get('3b2a1c0d-9e8f-4a7b-6c5d-4e3f2a1b0c99')!;
    expect(fresh.notes.at(-1)).toBe(
      '2026-12-05 02:00 UTC 前可能适用五天无理由退订（每个账号每个自然年 10 个实例；标注“不支持五天无理由退订”的促销除外）',
    );
    expect(rows.get('1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d')!.notes).toEqual([]); // took effect in October
    // Blocked whatever the window: no five-day note on SMN, which took effect yesterday.
    expect(rows.get('smn-3e4f5a6b7c8d9e0f')!.notes).toEqual([]);
    const later = auditOf(['cn-zh/huabei-1.json'], { lang: 'zh', now: Date.parse('2026-12-05T02:00:00Z') });
    expect(
      byId(later.rows)
        .get(fresh.resource_id)!
        .notes.some((note) => note.includes('五天')),
    ).toBe(false);
    const intl = auditOf(['cn-zh/huabei-1.json'], { lang: 'zh', site: 'intl' });
    expect(intl.rows.some((row) => row.notes.some((note) => note.includes('五天')))).toBe(false);
  });

  it('prints English text with the verdict words the badges and the popup use', () => {
    const text = formatAuditText(auditOf(['intl-en/acme-page-1.json', 'intl-en/acme-page-2.json']), 'en');
    expect(text).toMatch(/^ {2}Blocked +smn-alerts /m);
    expect(text.trimEnd().split('\n').at(-1)).toMatch(/^1 customer\(s\): Cannot unsubscribe \d+, Not here \d+, Check \d+, No rule \d+/);
    expect(text).not.toMatch(/^ {2,4}(blocked|elsewhere|caution|allowed) /m);
  });

  it('prints Chinese text and CSV without English fragments in its own words', () => {
    const text = formatAuditText(report, 'zh');
    expect(text).toContain('huabei：6 个资源');
    expect(text).toContain('消息通知服务 [service/simple-message-notification]（产品类型：消息通知服务）');
    expect(text.trimEnd().split('\n').at(-1)).toBe('1 个客户：不可退订 2，不在此退订 0，请核实 1，无规则 3');
    // Each resource line opens with the badge's short word, never the verdict's id.
    const verdictColumn = text
      .split('\n')
      .filter((line) => /^ {2,4}\S/.test(line))
      .map((line) => line.trim().split(/\s+/)[0]);
    expect(verdictColumn).toEqual(['无规则', '无规则', '不可退订', '请核实', '不可退订', '无规则']);
    const csv = formatAuditCsv(report, 'zh');
    expect(csv.startsWith('\uFEFF客户,资源名称,资源ID,产品类型,主资源ID,区域,到期时间（UTC）,状态,结论,原因,说明,规则\r\n')).toBe(true);
    expect(csv).toContain(
      'huabei,smn-告警,smn-3e4f5a6b7c8d9e0f,消息通知服务,,cn-north-4,2027-02-10T15:59:59Z,使用中,不可退订,消息通知服务,,service/simple-message-notification\r\n',
    );
  });
});

describe('customers', () => {
  it("takes a partner's customers from customer_id, in the file or on each item, else from the file name", () => {
    const report = auditOf(['partner/contoso-2.json', 'partner/customers.json']);
    expect(report.customers.map((c) => [c.customer, c.resources])).toEqual([
      ['contoso', 1],
      ['5f1a2b3c4d5e6f708192a3b4c5d6e7f8', 2],
      ['0e9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b', 1],
    ]);
    expect(report.rows.find((row) => row.resource === 'erp-notify')).toMatchObject({
      customer: '5f1a2b3c4d5e6f708192a3b4c5d6e7f8',
      verdict: 'blocked',
    });
  });

  it.each([
    ['acme-page-2.json', 'acme'],
    ['acme_3.json', 'acme'],
    ['acme.json', 'acme'],
    ['responses/contoso/page-1.json', 'contoso'],
    ['responses/contoso/1.json', 'contoso'],
    ['2024.json', '2024'],
  ])('%s is about %s', (file, customer) => expect(customerFromFileName(file)).toBe(customer));
});

describe('bad input names the file and the JSON path', () => {
  it.each([
    ['{"data": [{"resource_name": "x", "service_type_code": "hws.service.type.ec2", "status": 2}]}', 'f.json: data[0].resource_id: required'],
    [
      '{"data": [{"resource_id": "r", "service_type_code": "hws.service.type.ec2", "status": "2"}]}',
      'f.json: data[0].status: expected a whole number, got "2"',
    ],
    ['{"data": [{"resource_id": "r", "service_type_code": 7, "status": 2}]}', 'f.json: data[0].service_type_code: expected text, got 7'],
    [
      '{"data": [{"resource_id": "r", "service_type_code": "c", "status": 2, "is_main_resource": 2}]}',
      'f.json: data[0].is_main_resource: expected 0 or 1, got 2',
    ],
    ['{"data": ["r"]}', 'f.json: data[0]: expected an object, got "r"'],
  ])('%s', (text, problem) => {
    const parsed = parseResponse(text, 'f.json');
    expect(parsed).toMatchObject({ ok: true, items: [], skipped: 1 });
    expect(parsed.ok && parsed.problems).toEqual([problem]);
  });

  it.each([
    ['not-json.json', /^bad\/not-json\.json: not JSON \(/],
    ['wrong-shape.json', /^bad\/wrong-shape\.json: data: expected the list of resources, got nothing \(the file has resources\)$/],
    ['error-response.json', /^bad\/error-response\.json: holds an error response, not a resource list: CBC\.0151 Access denied\.$/],
  ])('refuses %s whole', async (file, message) => {
    const read = await readResponse({ shown: `bad/${file}`, path: path.join(fixtures, 'bad', file) });
    expect(read.ok).toBe(false);
    expect(!read.ok && read.message).toMatch(message);
  });

  it('keeps the good items of a file with bad ones, and counts the bad ones as seen', () => {
    const parsed = response('bad/missing-fields.json');
    expect(parsed.items.map((item) => item.resource_name)).toEqual(['ecs-ok']);
    expect(parsed.problems).toEqual([
      'bad/missing-fields.json: data[1].resource_id: required',
      'bad/missing-fields.json: data[2].status: expected a whole number, got "2"',
      'bad/missing-fields.json: data[2].effective_time: expected a UTC time such as 2019-05-06T08:05:01Z, got "2026/03/01 12:00"',
    ]);
    expect(auditOf(['bad/missing-fields.json']).warnings).toEqual([]);
  });

  const scratch = mkdtempSync(path.join(tmpdir(), 'unsub-lens-audit-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('refuses a 200 MB file without reading it', async () => {
    const big = path.join(scratch, 'huge.json');
    writeFileSync(big, '');
    truncateSync(big, 200 * 2 ** 20); // sparse: nothing is written, the size is what is checked
    const started = performance.now();
    const read = await readResponse({ shown: 'huge.json', path: big });
    expect(!read.ok && read.message).toBe(
      'huge.json is 200.0 MB; response files over 64.0 MB are not read (a page of the API is at most 500 resources, under 1 MB)',
    );
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('walks folders in page order, sub-folders after, and names what it cannot read', async () => {
    const folder = path.join(scratch, 'walk');
    mkdirSync(path.join(folder, 'b-customer'), { recursive: true });
    for (const name of ['p-10.json', 'p-2.json', 'notes.txt', 'b-customer/page-1.json']) writeFileSync(path.join(folder, name), '{}');
    const seen: string[] = [];
    for await (const file of responseFiles(['walk', 'missing', 'walk/b-customer/page-1.json'], (arg) => path.join(scratch, arg)))
      seen.push('error' in file ? file.error : file.shown);
    expect(seen).toEqual([
      'walk/p-2.json',
      'walk/p-10.json',
      'walk/b-customer/page-1.json',
      'cannot read missing: ENOENT',
      'walk/b-customer/page-1.json',
    ]);
  });
});

describe('output', () => {
  it('prints JSON in pieces that join to the whole report', () => {
    const report = auditOf(['intl-en/acme-page-1.json']);
    const joined = [...auditJsonChunks(report, { files: 1, problems: [] })].join('');
    expect(JSON.parse(joined)).toEqual(JSON.parse(JSON.stringify({ files: 1, problems: [], ...report })));
    const empty = auditOf([]);
    expect(JSON.parse([...auditJsonChunks(empty, { files: 0 })].join(''))).toEqual({ files: 0, ...JSON.parse(JSON.stringify(empty)) });
  });
});

function run(...args: string[]) {
  const result = spawnSync(path.join(root, 'node_modules/.bin/tsx'), [path.join(root, 'scripts/audit.ts'), ...args], {
    cwd: fixtures,
    env: { ...process.env, INIT_CWD: fixtures },
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run audit', { timeout: 60_000 }, () => {
  it('prints scan --json rows plus the API facts, exits 1 when a resource is blocked', () => {
    const { code, stdout, stderr } = run('--json', 'intl-en');
    expect(stderr).toBe('');
    expect(code).toBe(1);
    const json = JSON.parse(stdout) as { files: number; rows: Array<Record<string, unknown>> };
    expect(json.files).toBe(2);
    const smn = json.rows.find((row) => row.resource === 'smn-alerts')!;
    expect(Object.keys(smn)).toEqual(
      expect.arrayContaining(['row', 'resource', 'product', 'verdict', 'rules', 'details', 'resource_id', 'customer', 'parent_resource_id']),
    );
    expect(smn).toMatchObject({ verdict: 'blocked', rules: ['service/simple-message-notification'], customer: 'acme', parent_resource_id: null });
  });

  it('exits 0 when nothing is blocked, 2 on bad input with the file and the path named, still auditing the rest', () => {
    const clean = path.join(mkdtempSync(path.join(tmpdir(), 'unsub-lens-audit-cli-')), 'clean.json');
    writeFileSync(
      clean,
      JSON.stringify({
        data: [
          {
            resource_id: 'vm-1',
            resource_name: 'vm-1',
            service_type_code: 'hws.service.type.ec2',
            service_type_name: 'Elastic Cloud Server',
            status: 2,
          },
        ],
      }),
    );
    expect(run(clean).code).toBe(0);
    const bad = run('bad', clean);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('audit: bad/missing-fields.json: data[1].resource_id: required\n');
    expect(bad.stderr).toContain('audit: bad/wrong-shape.json: data: expected the list of resources');
    expect(bad.stdout).toContain('vm-1');
    expect(run('--lang', 'fr', clean)).toMatchObject({ code: 2, stderr: expect.stringContaining('--lang takes en or zh, got fr') });
  });
});
