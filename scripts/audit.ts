// `npm run --silent audit -- [--json|--csv] [--lang en|zh] [--site cn|intl] [--now <UTC time>] <file-or-dir>...`
// The same engine as the badges over saved BSS API responses (ListPayPerUseCustomerResources). Files
// only: it makes no request and reads no credential.
// Exit 0 when no resource is blocked, 1 when one is, 2 on bad input (the rest is still audited).
import { resolve } from 'node:path';
import { catalog } from '../src/rules/catalog';
import { compileCatalog } from '../src/rules/engine';
import { createAudit, type Site } from '../src/audit/audit';
import { auditJsonChunks, formatAuditCsv, formatAuditText } from '../src/audit/format-audit';
import { once } from 'node:events';
import { readResponse, responseFiles } from '../src/audit/read-responses';
import { langs, type Lang } from '../src/i18n/languages';

const invokedFrom = process.env.INIT_CWD ?? process.cwd();
const usage = 'usage: npm run --silent audit -- [--json|--csv] [--lang en|zh] [--site cn|intl] [--now <UTC time>] <file-or-dir>...';

interface Args {
  format: 'text' | 'json' | 'csv';
  lang: Lang;
  site: Site;
  now: number;
  paths: string[];
}

function parseArgs(argv: string[]): Args | string {
  const args: Args = { format: 'text', lang: 'en', site: 'intl', now: Date.now(), paths: [] };
  let site: Site | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => argv[++i];
    if (arg === '--json' || arg === '--csv') {
      if (args.format !== 'text') return 'give one of --json and --csv';
      args.format = arg === '--json' ? 'json' : 'csv';
    } else if (arg === '--lang') {
      const lang = value();
      if (!langs.includes(lang as Lang)) return `--lang takes ${langs.join(' or ')}, got ${lang ?? 'nothing'}`;
      args.lang = lang as Lang;
    } else if (arg === '--site') {
      const given = value();
      if (given !== 'cn' && given !== 'intl') return `--site takes cn or intl, got ${given ?? 'nothing'}`;
      site = given;
    } else if (arg === '--now') {
      const given = value() ?? '';
      const now = Date.parse(given);
      if (!/^\d{4}-\d{2}-\d{2}T/.test(given) || Number.isNaN(now))
        return `--now takes a time such as 2026-12-02T08:00:00Z, got ${given || 'nothing'}`;
      args.now = now;
    } else if (arg.startsWith('-')) return `unknown option ${arg}`;
    else args.paths.push(arg);
  }
  if (!args.paths.length) return 'no file or folder given';
  // The China site's responses are in Chinese more often than not; --site says so when they are not.
  args.site = site ?? (args.lang === 'zh' ? 'cn' : 'intl');
  return args;
}

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    process.stderr.write(`audit: ${args}\n${usage}\n`);
    return 2;
  }
  const audit = createAudit({ compiled: compileCatalog(catalog, { lang: args.lang }), lang: args.lang, site: args.site, now: args.now });
  const problems: string[] = [];
  let files = 0;
  for await (const file of responseFiles(args.paths, (path) => resolve(invokedFrom, path))) {
    if ('error' in file) {
      problems.push(file.error);
      continue;
    }
    const response = await readResponse(file);
    if (!response.ok) {
      problems.push(response.message);
      continue;
    }
    files++;
    problems.push(...response.problems);
    audit.add(response, file.shown);
  }
  const report = audit.finish();
  for (const problem of problems) process.stderr.write(`audit: ${problem}\n`);
  for (const warning of report.warnings) process.stderr.write(`audit: warning: ${warning}\n`);
  if (args.format === 'json') {
    for (const chunk of auditJsonChunks(report, { files, problems })) if (!process.stdout.write(chunk)) await once(process.stdout, 'drain');
  } else if (args.format === 'csv') process.stdout.write(formatAuditCsv(report, args.lang));
  else process.stdout.write(formatAuditText(report, args.lang));
  if (problems.length) return 2;
  return report.summary.blocked ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(`audit: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
