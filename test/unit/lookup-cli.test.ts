// @vitest-environment node
// The look-up CLI, run as a user runs it: a separate process, its output and its exit code.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');

function run(...args: string[]) {
  const result = spawnSync(tsx, ['scripts/lookup.ts', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, lines: result.stdout.split('\n').filter(Boolean) };
}

// Each case starts a process; a busy two-core machine needs more than the default 5 s.
describe('npm run lookup', { timeout: 60_000 }, () => {
  it('prints one line per hit with the verdict, the title and why', () => {
    const { code, lines, stderr } = run('SMN');
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Cannot unsubscribe {2}Simple Message Notification: Simple Message Notification is on Table 1 of the list/);
    expect(lines[0]).toContain('[service/simple-message-notification; matched "SMN"]');
  });

  it('takes a question in several words and ranks the hits best first', () => {
    const { code, lines } = run('can', 'I', 'unsubscribe', 'from', 'SMN?');
    expect(code).toBe(0);
    expect(lines[0]).toMatch(/^Cannot unsubscribe {2}Simple Message Notification: /);

    const invoice = run('invoice');
    expect(invoice.lines.map((line) => line.match(/\[([^;]+);/)?.[1]).slice(0, 2)).toEqual(['marketplace-invoiced', 'referral-partner-invoiced']);
  });

  it('says why an inferred name is only a caution', () => {
    const { code, lines } = run('CSS');
    expect(code).toBe(0);
    expect(lines[0]).toMatch(/^Check {2}Elasticsearch Service: Cloud Search Service is today's Elasticsearch offering/);
    // In Chinese with the badge's own word for a caution, not a look-alike.
    expect(run('--lang', 'zh', 'CSS').lines[0]).toMatch(/^请核实 {2}/);
  });

  it('prints JSON as an array of { rule, title, verdict, score }, best first', () => {
    const { code, stdout } = run('--json', 'anti', 'ddos');
    expect(code).toBe(0);
    const hits = JSON.parse(stdout) as Array<Record<string, unknown>>;
    expect(hits[0]).toEqual({ rule: 'service/advanced-anti-ddos', title: 'Advanced Anti-DDoS', verdict: 'blocked', score: expect.any(Number) });
    for (const hit of hits) expect(Object.keys(hit).sort()).toEqual(['rule', 'score', 'title', 'verdict']);
    const scores = hits.map((hit) => hit.score as number);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('answers in Chinese with --lang zh, and takes --lang=zh too', () => {
    const { code, lines } = run('--lang', 'zh', '试用');
    expect(code).toBe(0);
    expect(lines[0]).toBe('不可退订  试用云服务: 试用的云服务不支持退订，试用期结束后自动失效。 [trial; matched "试用云服务"]');
    const json = JSON.parse(run('--lang=zh', '--json', 'SMN').stdout);
    expect(json).toEqual([{ rule: 'service/simple-message-notification', title: '消息通知服务', verdict: 'blocked', score: 100 }]);
  });

  it('exits 1 when nothing matches, with an empty JSON array or a message', () => {
    const text = run('zzzz');
    expect(text.code).toBe(1);
    expect(text.stdout).toBe('');
    expect(text.stderr).toContain('No rule matches "zzzz"');
    const json = run('--json', 'zzzz');
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toEqual([]);
  });

  it.each([
    [['--lang', 'fr', 'SMN'], /--lang: "fr"/],
    [['--lang'], /--lang needs a value/],
    [['--verbose', 'SMN'], /unknown option: --verbose/],
    [[], /missing query/],
    [['--json'], /missing query/],
  ])('exits 2 on bad arguments %j, naming what is wrong', (args, message) => {
    const { code, stdout, stderr } = run(...args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr).toContain('usage:');
  });

  it('reads everything after -- as the query', () => {
    const { code, stderr } = run('--', '--json');
    expect(code).toBe(1);
    expect(stderr).toContain('No rule matches "--json"');
  });

  it('runs through the package.json script', () => {
    const result = spawnSync('npm', ['run', '--silent', 'lookup', '--', '--json', 'reserved instance'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)[0]).toMatchObject({
      rule: 'reserved-instance',
      verdict: 'elsewhere',
      where: expect.stringMatching(/own console/),
    });
  });

  it('answers "not here" for HUAWEI CLOUD Meeting, and says where', () => {
    const { code, stdout } = run('--json', 'HUAWEI CLOUD Meeting');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)[0]).toMatchObject({
      rule: 'service/huawei-cloud-meeting',
      verdict: 'elsewhere',
      where: expect.stringMatching(/hotline/),
    });
    expect(run('Meeting').lines[0]).toMatch(/^Not here {2}HUAWEI CLOUD Meeting: .*\(unsubscribe instead: your account manager, or the hotline/);
  });

  it('answers a question about fees with the published facts and their sources, in JSON after the rule hits', () => {
    const text = run('handling', 'fee');
    expect(text.code).toBe(0);
    expect(text.lines[0]).toBe('Refund and handling fee [refund-and-handling-fee]');
    expect(text.lines.find((line) => line.includes('15%'))).toMatch(
      /\(source: Unsubscription Rules, 2024-06-28, https:\/\/support\.huaweicloud\.com\//,
    );
    const rows = JSON.parse(run('--json', 'refund').stdout) as { topic?: string; points?: unknown[] }[];
    expect(rows.find((row) => row.topic === 'refund-and-handling-fee')?.points).toHaveLength(4);
    const zh = run('--lang', 'zh', '五天无理由');
    expect(zh.code).toBe(0);
    expect(zh.lines[0]).toBe('五天无理由退订（中国站） [five-day-no-reason]');
    expect(zh.lines[1]).toMatch(/来源：五天无理由退订，2024-06-28 版/);
  });
});
