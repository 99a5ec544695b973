// The audit's output: text for reading in a terminal, CSV for a spreadsheet, both in the chosen
// language (JSON is the report itself).
import type { Lang } from '../i18n/languages';
import { shortVerdictWords, verdictWords } from '../i18n/verdict-words';
import { csvDocument, csvLine } from '../formats/csv';
import type { AuditReport, AuditRow } from './audit';
import { auditWords } from './audit-words';
import { verdicts } from '../rules/types';

const csvHeader: Record<Lang, string[]> = {
  en: [
    'Customer',
    'Resource',
    'Resource ID',
    'Product',
    'Main resource ID',
    'Region',
    'Expires (UTC)',
    'Status',
    'Verdict',
    'Reasons',
    'Notes',
    'Rules',
  ],
  zh: ['客户', '资源名称', '资源ID', '产品类型', '主资源ID', '区域', '到期时间（UTC）', '状态', '结论', '原因', '说明', '规则'],
};

const closedWords: Record<Lang, { short: string; summary: string }> = {
  en: { short: 'Closed', summary: 'closed (not on the page)' },
  zh: { short: '已关闭', summary: '已关闭（页面不显示）' },
};

/** The totals line: each verdict by the words the badges and the popup use. */
function summaryLine(lang: Lang, s: AuditReport['summary'], customers: number): string {
  const words = verdictWords[lang];
  const counts = verdicts.map((verdict) => `${words[verdict]} ${s[verdict]}`);
  if (s.closed) counts.push(`${closedWords[lang].summary} ${s.closed}`);
  return lang === 'zh' ? `${customers} 个客户：${counts.join('，')}` : `${customers} customer(s): ${counts.join(', ')}`;
}

// Chinese characters take two columns in a terminal.
const wide =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;
const columns = (char: string) => (wide.test(char) ? 2 : 1);

function pad(text: string, width: number): string {
  const chars = [...text];
  let used = chars.reduce((sum, char) => sum + columns(char), 0);
  if (used > width) {
    let out = '';
    used = 1; // the ellipsis
    for (const char of chars) {
      if (used + columns(char) > width) break;
      out += char;
      used += columns(char);
    }
    text = `${out}…`;
  }
  return text + ' '.repeat(width - used);
}

// The verdict column holds the widest short word (不在此退订: ten columns); reasons and notes start under the name.
const verdictWidth = 10;
const under = ' '.repeat(verdictWidth + 1);

function rowLines(row: AuditRow, lang: Lang): string[] {
  const indent = row.parent_resource_id && row.notes.some((note) => note.includes(row.parent_resource_id!)) ? '    ' : '  ';
  const verdict = row.closed ? closedWords[lang].short : shortVerdictWords[lang][row.verdict];
  const lines = [
    `${indent}${pad(verdict, verdictWidth)} ${pad(row.resource, 28)} ${pad(row.resource_id, 38)} ${pad(row.product, 30)} ${row.rules.join(' ')}`,
  ];
  for (const reason of row.reasons)
    lines.push(
      lang === 'zh'
        ? `${indent}${under}${reason.title} [${reason.rule}]（${reason.fact}）`
        : `${indent}${under}${reason.title} [${reason.rule}] (${reason.fact})`,
    );
  for (const note of row.notes) lines.push(`${indent}${under}${note}`);
  return lines;
}

export function formatAuditText(report: AuditReport, lang: Lang): string {
  const lines: string[] = [];
  let customer: string | undefined;
  for (const row of report.rows) {
    if (row.customer !== customer) {
      customer = row.customer;
      const info = report.customers.find((c) => c.customer === customer);
      lines.push(auditWords[lang].customer(customer, info?.resources ?? 0));
    }
    lines.push(...rowLines(row, lang));
  }
  lines.push(summaryLine(lang, report.summary, report.customers.length));
  return `${lines.join('\n')}\n`;
}

export function formatAuditCsv(report: AuditReport, lang: Lang): string {
  const words = verdictWords[lang];
  return csvDocument([
    csvLine(csvHeader[lang]),
    ...report.rows.map((row) =>
      csvLine([
        row.customer,
        row.resource,
        row.resource_id,
        row.product,
        row.parent_resource_id ?? '',
        row.details.region ?? '',
        row.details.expiry ?? '',
        row.details.status ?? '',
        words[row.verdict],
        row.reasons.map((reason) => reason.title).join('; '),
        row.notes.join('; '),
        row.rules.join(' '),
      ]),
    ),
  ]);
}

/**
 * The report as JSON, in pieces: the totals first, then one row at a time, so 100,000 rows are never
 * one string. Joined, the pieces are `JSON.stringify({ ...extra, ...report }, null, 2)` with the rows last.
 */
export function* auditJsonChunks(report: AuditReport, extra: Record<string, unknown>): Generator<string> {
  const { rows, ...rest } = report;
  const head = JSON.stringify({ ...extra, ...rest }, null, 2);
  yield `${head.slice(0, -2)},\n  "rows": [`;
  for (let i = 0; i < rows.length; i++) yield `${i ? ',' : ''}\n    ${JSON.stringify(rows[i], null, 2).replace(/\n/g, '\n    ')}`;
  yield rows.length ? '\n  ]\n}\n' : ']\n}\n';
}
