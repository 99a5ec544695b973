// The popup's look-up over the whole catalog plus 500 of the user's own rules, timed per query.
import { buildLookupIndex, lookup } from '../../src/rules/lookup';
import type { Catalog, EngineSettings, UserRule } from '../../src/rules/types';

/** Queries people type, with the rule that should come first (null: no rule should match). */
export const lookupQueries: Array<{ query: string; top: string | null | undefined }> = [
  { query: 'SMN', top: 'service/simple-message-notification' },
  { query: '消息通知服务', top: 'service/simple-message-notification' },
  { query: 'anti ddos', top: 'service/advanced-anti-ddos' },
  { query: 'notifcation', top: 'service/simple-message-notification' },
  { query: 'coupon', top: 'promotion' },
  { query: 'can I unsubscribe from SMN?', top: 'service/simple-message-notification' },
  { query: 'DDoS高防', top: 'service/advanced-anti-ddos' },
  { query: 'Direct Connect', top: 'service/direct-connect' },
  { query: 'expired', top: 'expired' },
  { query: 'pay-per-use package', top: 'pay-per-use-package' },
  { query: 'ModelArts', top: 'service/machine-learning-service' },
  { query: 'KooGallery', top: 'marketplace' },
  { query: '云商店', top: 'marketplace' },
  { query: 'reserved instance', top: 'reserved-instance' },
  { query: 'dedicated cloud bare metal server', top: 'service/dedicated-cloud-bare-metal-server' },
  { query: 'how do I unsubscribe from a resource package I bought last month', top: 'pay-per-use-package' },
  { query: 'frozen account', top: 'frozen-for-security' },
  // Answered by the user's own rules, or by nothing: the top hit is not checked.
  { query: 'invoice', top: undefined },
  { query: 'elastic gateway', top: undefined },
  { query: 'Secure Cache Hub', top: undefined },
  { query: 'xyzzy', top: undefined },
];

const adjectives = ['Cloud', 'Elastic', 'Data', 'Edge', 'Intelligent', 'Managed', 'Distributed', 'Enterprise', 'Secure', 'Global'];
const nouns = ['Phone', 'Workspace', 'Backup', 'Gateway', 'Database', 'Cache', 'Firewall', 'Router', 'Storage', 'Analytics'];
const suffixes = ['Service', 'Engine', 'Center', 'Platform', 'Hub'];
const zh = ['云手机', '云桌面', '备份', '网关', '数据库', '缓存', '防火墙', '路由器', '存储', '分析'];

/** 500 user rules: a product name, its abbreviation, and for some a Chinese name. */
export function generatedUserRules(count = 500): UserRule[] {
  const rules: UserRule[] = [];
  for (let i = 0; rules.length < count; i++) {
    const a = adjectives[i % adjectives.length]!;
    const n = nouns[Math.floor(i / adjectives.length) % nouns.length]!;
    const s = suffixes[Math.floor(i / (adjectives.length * nouns.length)) % suffixes.length]!;
    const name = `${a} ${n} ${s}`;
    const names = [name, `${a[0]}${n[0]}${s[0]}${i}`];
    if (i % 3 === 0) names.push(`${zh[Math.floor(i / adjectives.length) % zh.length]}${i}`);
    rules.push({
      id: `bench-${i}`,
      names,
      verdict: i % 4 === 0 ? 'caution' : 'blocked',
      explanation: `Sold under contract ${1000 + i}: ask the account manager.`,
    });
  }
  return rules;
}

export interface QueryTiming {
  query: string;
  /** Mean time of one call in each batch. */
  samples: number[];
  top: string | null;
  expectedTop: string | null | undefined;
  hits: number;
}

export interface LookupTiming {
  entries: number;
  userRules: number;
  indexBuildMs: number[];
  queries: QueryTiming[];
}

function timeBatch(run: () => void, calls: number): number {
  const start = performance.now();
  for (let i = 0; i < calls; i++) run();
  return (performance.now() - start) / calls;
}

/**
 * With a fine clock (a cross-origin isolated page: 5 µs) every call is timed on its own; with a
 * coarse one (100 µs) each sample is the mean of a batch of calls long enough for it not to matter.
 */
export function timeLookups(catalog: Catalog, options: { samples: number; fineClock: boolean }): LookupTiming {
  const settings: EngineSettings = { userRules: generatedUserRules(), lang: 'en' };
  const indexBuildMs: number[] = [];
  let entries = 0;
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    entries = buildLookupIndex(catalog, settings).entries.length;
    indexBuildMs.push(performance.now() - start);
  }
  const queries: QueryTiming[] = [];
  for (const { query, top: expectedTop } of lookupQueries) {
    // The popup's own call: memoised index, eight results.
    const run = () => lookup(query, catalog, settings, 8);
    const hits = run();
    for (let i = 0; i < 20; i++) run(); // warm up
    const calls = options.fineClock ? 1 : Math.max(5, Math.ceil(2 / Math.max(timeBatch(run, 5), 0.001)));
    const samples: number[] = [];
    for (let i = 0; i < options.samples; i++) samples.push(timeBatch(run, calls));
    queries.push({ query, samples, top: hits[0]?.rule ?? null, expectedTop, hits: hits.length });
  }
  return { entries, userRules: settings.userRules!.length, indexBuildMs, queries };
}
