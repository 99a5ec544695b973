// Free-text look-up over the catalog: "SMN", "消息通知服务", "anti ddos", "notifcation", "coupon".
import type { Catalog, EngineSettings, Lang, Rule, RuleSource, RuleVerdict, Topic } from './types';
import { normalizeText } from './text-match';
import { effectiveRules } from './engine';
import { memoByCatalogAndSettings } from './memo';
import { explanationAt } from './verdict-explanation';
import { reasonWords } from './reason-words';
import { localSource, topicNote } from './local-source';

export interface LookupHit {
  rule: string;
  title: string;
  verdict: RuleVerdict;
  score: number;
  explanation: string;
  source: RuleSource;
  /** The name, alias or keyword the query matched. */
  matched: string;
  /** Why an inferred name gives only a "check". */
  note?: string;
  /** For "not here": where it can be unsubscribed instead. */
  where?: string;
}

interface Entry {
  rule: Rule;
  text: string;
  compact: string;
  boundary: Uint8Array;
  words: string[];
  /** Names weigh more than keywords, so "SMN" ranks the service above a keyword that mentions it. */
  weight: number;
  inferredNote?: string;
}

export interface LookupIndex {
  entries: Entry[];
  lang: Lang;
  rules: Rule[];
}

export function buildLookupIndex(catalog: Catalog, settings: EngineSettings = {}): LookupIndex {
  const rules = effectiveRules(catalog, settings);
  const entries: Entry[] = [];
  const add = (rule: Rule, text: string, weight: number, inferredNote?: string) => {
    const { compact, boundary, words } = normalizeText(text);
    if (compact) entries.push({ rule, text, compact, boundary, words, weight, ...(inferredNote ? { inferredNote } : {}) });
  };
  for (const rule of rules) {
    for (const name of rule.names ?? [])
      add(rule, name.text, name.kind === 'alias' ? 9 : 10, name.confidence === 'inferred' ? name.note?.[settings.lang ?? 'en'] : undefined);
    add(rule, rule.title.en, 8);
    add(rule, rule.title.zh, 8);
    for (const keyword of rule.keywords ?? []) add(rule, keyword, 6);
    add(rule, rule.id.replace(/^service\//, ''), 5);
  }
  return { entries, lang: settings.lang ?? 'en', rules };
}

/** Damerau-Levenshtein distance of at most one: one typo, including two swapped letters. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // substitution
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // transposition
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

function startsAtBoundary(haystack: string, needle: string, boundary: Uint8Array): boolean {
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1))
    if (boundary[at] && boundary[at + needle.length]) return true;
  return false;
}

function startsAtWordStart(haystack: string, needle: string, boundary: Uint8Array): boolean {
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) if (boundary[at]) return true;
  return false;
}

type Scored = Pick<Entry, 'compact' | 'boundary' | 'words'>;

function scoreEntry(entry: Scored, query: ReturnType<typeof normalizeText>): number {
  const q = query.compact;
  if (entry.compact === q) return 100;
  if (q.length >= 2 && entry.compact.startsWith(q)) return 80;
  // The whole name said in a longer question: "can I unsubscribe from SMN?"
  if (entry.compact.length >= 2 && startsAtBoundary(q, entry.compact, query.boundary)) return 60 + Math.min(entry.compact.length, 15);
  // Part of the name from a word start: "anti ddos", "message notif". Not from inside a word:
  // "ri" is not in "trial", "dc" is not in "dedicated cloud".
  if (q.length >= 2 && startsAtWordStart(entry.compact, q, entry.boundary)) return 65;
  // Every query word starts a word of the entry, or is one typo away from one: "anti ddos", "notifcation".
  let total = 0;
  for (const word of query.words) {
    let best = 0;
    for (const candidate of entry.words) {
      if (candidate === word) best = Math.max(best, 3);
      else if (word.length >= 2 && candidate.startsWith(word)) best = Math.max(best, 2);
      else if (word.length >= 5 && withinOneEdit(word, candidate)) best = Math.max(best, 1);
    }
    if (!best) return 0;
    total += best;
  }
  return query.words.length ? 30 + (20 * total) / (3 * query.words.length) : 0;
}

/** Ranks rules for a query, best first; each rule appears once, by its best-matching entry. */
export function lookupIndexed(query: string, index: LookupIndex, limit = 10): LookupHit[] {
  const normalized = normalizeText(query);
  if (!normalized.compact) return [];
  const best = new Map<Rule, { score: number; entry: Entry }>();
  for (const entry of index.entries) {
    const raw = scoreEntry(entry, normalized);
    if (!raw) continue;
    const score = Math.round(raw * entry.weight) / 10;
    const current = best.get(entry.rule);
    if (!current || score > current.score) best.set(entry.rule, { score, entry });
  }
  const lang = index.lang;
  return [...best.entries()]
    .sort((a, b) => b[1].score - a[1].score || index.rules.indexOf(a[0]) - index.rules.indexOf(b[0]))
    .slice(0, limit)
    .map(([rule, { score, entry }]) => {
      const verdict = entry.inferredNote ? 'caution' : rule.verdict;
      const where = verdict === 'elsewhere' ? rule.where?.[lang] : undefined;
      return {
        rule: rule.id,
        title: rule.title[lang],
        verdict,
        score,
        explanation: explanationAt(rule, verdict, lang, reasonWords[lang]),
        source: localSource(rule.source, reasonWords[lang]),
        matched: entry.text,
        ...(entry.inferredNote ? { note: entry.inferredNote } : {}),
        ...(where ? { where } : {}),
      };
    });
}

const indexFor = memoByCatalogAndSettings(buildLookupIndex);

export function lookup(query: string, catalog: Catalog, settings?: EngineSettings, limit = 10): LookupHit[] {
  return lookupIndexed(query, indexFor(catalog, settings), limit);
}

/** A topic the look-up answers with facts rather than a verdict ("refund", "五天无理由"). */
export interface TopicHit {
  topic: string;
  title: string;
  score: number;
  points: { text: string; source: RuleSource }[];
}

interface TopicEntry extends Scored {
  topic: Topic;
}

function buildTopicIndex(catalog: Catalog): TopicEntry[] {
  const entries: TopicEntry[] = [];
  for (const topic of catalog.topics ?? [])
    for (const text of [topic.title.en, topic.title.zh, ...topic.keywords]) {
      const { compact, boundary, words } = normalizeText(text);
      if (compact) entries.push({ topic, compact, boundary, words });
    }
  return entries;
}

const topicIndexes = new WeakMap<Catalog, TopicEntry[]>();

/** The topics a query asks about, best first; scored as rule names are, and only good matches. */
export function lookupTopics(query: string, catalog: Catalog, lang: Lang = 'en', limit = 2): TopicHit[] {
  const normalized = normalizeText(query);
  if (!normalized.compact) return [];
  let index = topicIndexes.get(catalog);
  if (!index) topicIndexes.set(catalog, (index = buildTopicIndex(catalog)));
  const best = new Map<Topic, number>();
  for (const entry of index) {
    const score = scoreEntry(entry, normalized);
    // A typo or a stray shared word is not a question about refunds.
    if (score >= 60 && score > (best.get(entry.topic) ?? 0)) best.set(entry.topic, score);
  }
  const words = reasonWords[lang];
  return [...best.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([topic, score]) => ({ topic: topic.id, score, ...topicNote(topic, lang, words) }));
}
