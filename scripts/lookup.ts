// Look up a service or condition in the bundled catalog from the command line:
//   npm run --silent lookup -- [--json] [--lang en|zh] <query...>
// Prints the topics the query asks about (refunds, five-day unsubscription) and the ranked hits; exits 1 when nothing matches and 2 on bad arguments.
import { catalog } from '../src/rules/catalog';
import { lookup, lookupTopics, type LookupHit, type TopicHit } from '../src/rules/lookup';
import type { Lang } from '../src/rules/types';
import { verdictWords } from '../src/i18n/verdict-words';

const usage = 'usage: npm run --silent lookup -- [--json] [--lang en|zh] <query...>';

interface Options {
  json: boolean;
  lang: Lang;
  query: string;
}

type Parsed = { options: Options } | { error: string } | { help: true };

function parseLang(value: string | undefined): Lang | undefined {
  return value === 'en' || value === 'zh' ? value : undefined;
}

function parseArgs(argv: readonly string[]): Parsed {
  let json = false;
  let lang: Lang = 'en';
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      words.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '--help' || arg === '-h') return { help: true };
    if (arg === '--json') json = true;
    else if (arg === '--lang' || arg.startsWith('--lang=')) {
      const value = arg === '--lang' ? argv[++i] : arg.slice('--lang='.length);
      const parsed = parseLang(value);
      if (!parsed) return { error: value === undefined ? '--lang needs a value: en or zh' : `bad value for --lang: "${value}" (expected en or zh)` };
      lang = parsed;
    } else if (arg.startsWith('-') && arg.length > 1) return { error: `unknown option: ${arg}` };
    else words.push(arg);
  }
  const query = words.join(' ').trim();
  if (!query) return { error: 'missing query: say what to look up, e.g. SMN' };
  return { options: { json, lang, query } };
}

/** One line per hit: verdict, title, why (an inferred name's note first), then the rule id and what matched. */
function formatHit(hit: LookupHit, lang: Lang): string {
  const why = hit.note ? `${hit.note} ${hit.explanation}` : hit.explanation;
  const where = hit.where ? (lang === 'zh' ? `（可改在：${hit.where}）` : ` (unsubscribe instead: ${hit.where})`) : '';
  return `${verdictWords[lang][hit.verdict]}  ${hit.title}: ${why}${where} [${hit.rule}; matched "${hit.matched}"]`;
}

/** A topic: its title, then each fact with its source and date. */
function formatTopic(topic: TopicHit, lang: Lang): string {
  const facts = topic.points.map(({ text, source }) =>
    lang === 'zh'
      ? `  · ${text}（来源：${source.section}，${source.edition} 版，${source.url}）\n`
      : `  - ${text} (source: ${source.section}, ${source.edition}, ${source.url})\n`,
  );
  return `${topic.title} [${topic.topic}]\n${facts.join('')}`;
}

function main(argv: readonly string[]): number {
  const parsed = parseArgs(argv);
  if ('help' in parsed) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  if ('error' in parsed) {
    process.stderr.write(`lookup: ${parsed.error}\n${usage}\n`);
    return 2;
  }
  const { json, lang, query } = parsed.options;
  const hits = lookup(query, catalog, { lang });
  const topics = lookupTopics(query, catalog, lang);
  if (json) {
    // Rule hits as before; a topic, when the query asks one, follows as { topic, title, points }.
    const rows = [
      ...hits.map(({ rule, title, verdict, score, where }) => ({ rule, title, verdict, ...(where && { where }), score })),
      ...topics.map(({ topic, title, points }) => ({ topic, title, points })),
    ];
    process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
  } else if (hits.length || topics.length) {
    process.stdout.write([...topics.map((topic) => formatTopic(topic, lang)), ...hits.map((hit) => `${formatHit(hit, lang)}\n`)].join(''));
  } else {
    process.stderr.write(lang === 'zh' ? `没有与“${query}”匹配的规则。\n` : `No rule matches "${query}".\n`);
  }
  return hits.length || topics.length ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
