// @vitest-environment node
// The page code over every saved-page fixture, as the scan CLI runs it: tables, the header text of each
// column, each row's verdict and rule ids, the rows skipped. The expectations were written by hand
// from the rules (test/fixtures/README.md), not copied from this code's output.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { scanSavedPage } from '../../src/cli/scan-saved-page';
import { declaredCharset, decodeSavedPage } from '../../src/cli/read-saved-page';

const root = fileURLToPath(new URL('../..', import.meta.url));
const fixtures = path.join(root, 'test', 'fixtures');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');

interface Expected {
  tables: number;
  columns: Record<string, string>;
  rows: Array<{ resource: string; product: string; verdict: string; rules: string[] }>;
  skipped: number;
}

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();
const names = readdirSync(fixtures)
  .filter((file) => file.endsWith('.html'))
  .map((file) => file.slice(0, -'.html'.length));

describe('scanning the saved-page fixtures', () => {
  it('has an expectation file for every fixture, for both sites and languages', () => {
    expect(names.length).toBeGreaterThanOrEqual(11);
    for (const name of names) expect(readdirSync(fixtures), name).toContain(`${name}.expected.json`);
  });

  it.each(names)('%s: every row read with the verdict and rule ids the expectation file gives', (name) => {
    const expected = JSON.parse(readFileSync(path.join(fixtures, `${name}.expected.json`), 'utf8')) as Expected;
    const scan = scanSavedPage(`${name}.html`, readFileSync(path.join(fixtures, `${name}.html`), 'utf8'));
    expect(scan.tables).toBe(expected.tables);
    expect(scan.columns).toEqual(expected.columns);
    const shown = scan.rows.map((row) => ({
      resource: collapse(row.resource),
      product: collapse(row.product),
      verdict: row.verdict,
      rules: [...row.rules].sort(),
    }));
    const wanted = expected.rows.map((row) => ({
      resource: collapse(row.resource),
      product: collapse(row.product),
      verdict: row.verdict,
      rules: [...row.rules].sort(),
    }));
    expect(shown).toEqual(wanted);
    expect(scan.skipped).toBe(expected.skipped);
    expect(scan.diagnostics.errors).toEqual([]);
    // Every header of the saved pages names a known column.
    expect(scan.diagnostics.otherHeaders).toEqual([]);
  });

  it('names the headers it did not understand, so a relabelled column can be added as an extra header name', () => {
    const html = readFileSync(path.join(fixtures, 'plain-table.html'), 'utf8').replace(/>\s*Billing Mode\s*</, '>Charging Mode<');
    const scan = scanSavedPage('relabelled.html', html);
    expect(scan.tables).toBe(1);
    expect(scan.diagnostics.missingColumns).toContain('billingMode');
    expect(scan.diagnostics.otherHeaders).toEqual(['Charging Mode']);
    expect(readFileSync(path.join(fixtures, 'plain-table.html'), 'utf8')).toMatch(/>\s*Billing Mode\s*</);
  });

  it('keeps hostile text as text: no row reads markup as elements', () => {
    const scan = scanSavedPage('hostile.html', readFileSync(path.join(fixtures, 'hostile.html'), 'utf8'));
    expect(scan.rows.some((row) => row.resource.includes('<'))).toBe(true);
    expect(scan.rows.some((row) => row.resource.length >= 5000)).toBe(true);
  });
});

function run(...args: string[]) {
  return runIn(root, ...args);
}

/** The CLI as `npm run scan` starts it from `folder`: in the package's folder, with INIT_CWD the folder typed in. */
function runIn(folder: string, ...args: string[]) {
  const result = spawnSync(tsx, [path.join(root, 'scripts/scan.ts'), ...args], {
    cwd: root,
    env: { ...process.env, INIT_CWD: folder },
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run scan', { timeout: 60_000 }, () => {
  it('prints the JSON the issue names and exits 0 when a resource table is found', () => {
    const { code, stdout } = run('--json', 'test/fixtures/cn-zh-tiny.html');
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(Object.keys(out)).toEqual(expect.arrayContaining(['file', 'tables', 'columns', 'rows', 'summary', 'skipped']));
    expect(out.columns.productType).toBe('产品类型');
    expect(out.rows[0]).toMatchObject({ row: 1, verdict: expect.stringMatching(/^(blocked|caution|allowed)$/) });
    const blocked = out.rows.filter((row: { verdict: string }) => row.verdict === 'blocked').length;
    expect(out.summary.blocked).toBe(blocked);
  });

  it('prints one array for several files, and a text table without --json', () => {
    const several = run('--json', 'test/fixtures/plain-table.html', 'test/fixtures/aria-grid.html');
    expect(several.code).toBe(0);
    expect(JSON.parse(several.stdout).map((scan: { file: string }) => scan.file)).toEqual([
      'test/fixtures/plain-table.html',
      'test/fixtures/aria-grid.html',
    ]);
    const text = run('test/fixtures/intl-en-tiny.html');
    // The verdicts by the badges' words, the ids only in --json.
    expect(text.stdout).toMatch(/Blocked\s+smn-alarm-topic-prod\s+Simple Message Notification\s+service\/simple-message-notification/);
    expect(text.stdout).toMatch(/No rule\s+ecs-web-01\s/);
    expect(text.stdout.trimEnd().split('\n').at(-1)).toBe('  Cannot unsubscribe 7, Not here 1, Check 3, No rule 2');
  });

  it('exits 3 with the diagnostics on stderr when a page has no resource table', () => {
    const page = path.join(mkdtempSync(path.join(tmpdir(), 'scan-')), 'orders.html');
    writeFileSync(page, '<table><tr><th>Order No.</th><th>Amount</th></tr><tr><td>CS2001</td><td>12.00</td></tr></table>');
    const { code, stderr } = run('--json', 'test/fixtures/plain-table.html', page);
    expect(code).toBe(3);
    expect(stderr).toContain('no resource table found');
    expect(stderr).toContain('"missingColumns"');
  });

  it('exits 2 on an unreadable file or a bad option, saying which', () => {
    const missing = run('no-such-page.html');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no-such-page.html');
    const option = run('--yaml', 'test/fixtures/empty.html');
    expect(option.code).toBe(2);
    expect(option.stderr).toContain('--yaml');
  });

  it('still scans the other files when one cannot be read, and exits 2 at the end', () => {
    const { code, stdout, stderr } = run('--json', 'test/fixtures/cn-zh-tiny.html', 'no-such-page.html', 'test/fixtures/plain-table.html');
    expect(code).toBe(2);
    expect(stderr).toContain('cannot read no-such-page.html: ENOENT');
    const scans = JSON.parse(stdout) as Array<{ file: string; tables: number }>;
    expect(scans.map((scan) => [scan.file, scan.tables])).toEqual([
      ['test/fixtures/cn-zh-tiny.html', 1],
      ['test/fixtures/plain-table.html', 1],
    ]);
  });

  it('takes relative paths from the folder it was run in', () => {
    const { code, stdout } = runIn(path.join(root, 'test/fixtures/charsets'), '--json', '../cn-zh-tiny.html');
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { file: string; rows: unknown[] }).rows).toHaveLength(14);
  });

  it('decodes pages saved as GBK or GB18030 as they declare, with the same rows as the UTF-8 page', () => {
    const utf8 = JSON.parse(run('--json', 'test/fixtures/cn-zh-tiny.html').stdout) as {
      rows: Array<{ resource: string; verdict: string; rules: string[] }>;
    };
    expect(utf8.rows).toHaveLength(14);
    for (const charset of ['gbk', 'gb18030']) {
      const bytes = readFileSync(path.join(fixtures, `charsets/cn-zh-tiny-${charset}.html`));
      expect(bytes.toString('utf8')).not.toContain('消息通知服务'); // really not UTF-8
      const { code, stdout } = run('--json', `test/fixtures/charsets/cn-zh-tiny-${charset}.html`);
      expect(code, charset).toBe(0);
      const scan = JSON.parse(stdout) as typeof utf8;
      expect(scan.rows.map(({ resource, verdict, rules }) => [resource, verdict, rules])).toEqual(
        utf8.rows.map(({ resource, verdict, rules }) => [resource, verdict, rules]),
      );
    }
  });

  it('refuses a page over the size limit with exit 2 and a message naming the limit, before parsing it', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'unsub-lens-scan-'));
    const huge = path.join(folder, 'huge.html');
    writeFileSync(huge, `<html><body>${'<p>x</p>'.repeat(1_200_000)}</body></html>`);
    const started = Date.now();
    const { code, stderr } = run(huge);
    expect(code).toBe(2);
    expect(stderr).toMatch(/huge\.html is 9\.2 MB; pages over 8\.0 MB are not read/);
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});

describe('reading a saved page', () => {
  it('finds the charset in a byte-order mark, <meta charset> or http-equiv, else takes UTF-8', () => {
    const bytes = (text: string) => new TextEncoder().encode(text);
    expect(declaredCharset(Uint8Array.from([0xef, 0xbb, 0xbf, 0x3c]))).toBe('utf-8');
    expect(declaredCharset(bytes('<meta charset="GB18030">'))).toBe('gb18030');
    expect(declaredCharset(bytes("<meta http-equiv='Content-Type' content='text/html; charset=gbk'>"))).toBe('gbk');
    expect(declaredCharset(bytes('<html><p>charset=gbk in text</p>'))).toBe('utf-8');
    expect(decodeSavedPage(bytes('<meta charset="no-such-charset">'))).toEqual({ unknownCharset: 'no-such-charset' });
  });
});
