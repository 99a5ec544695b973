// The page summary as plain text for the clipboard: something to paste into a ticket or a chat.
import type { Diagnostics, PageSummary, RowDetails, RowSummary } from '../messaging/protocol';
import { localTime } from '../formats/local-time';
import type { Translate } from '../i18n/messages';
import type { ColumnField } from '../console/columns';
import { columnLabelKey } from '../ui/column-labels';
import { skippedText } from './skip-reasons';
import { verdictLabelKey } from '../ui/verdict';
import { verdicts } from '../rules/types';

// Page text can hold line breaks; one row stays on one line of the report.
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/** One row: name (product) - every reason; then what else the page shows of it, labelled. */
function rowLine(row: RowSummary, t: Translate): string {
  const resource = oneLine(row.resource) || '-';
  const what = row.product ? `${resource} (${oneLine(row.product)})` : resource;
  const reasons = (row.reasons ?? (row.mainReason ? [row.mainReason] : [])).map(oneLine).join('; ');
  const details = (Object.entries(row.details ?? {}) as [keyof RowDetails, string][])
    .map(([field, value]) => `${t(field === 'resourceId' ? 'csvResourceId' : columnLabelKey[field])}: ${oneLine(value)}`)
    .join(', ');
  return `  ${row.index + 1}. ${what}${reasons ? ` - ${reasons}` : ''}${details ? ` [${details}]` : ''}`;
}

export function diagnosticsLines(diagnostics: Diagnostics, t: Translate): string[] {
  const columns = (Object.entries(diagnostics.columns) as [ColumnField, string][])
    .map(([field, header]) => `${t(columnLabelKey[field])} = "${header}"`)
    .join(', ');
  const skipped = skippedText(diagnostics.skippedReasons, t);
  return [
    t('diagTables', diagnostics.tables),
    `${t('diagColumnsFound')}: ${columns || t('none')}`,
    `${t('diagColumnsMissing')}: ${diagnostics.missingColumns.map((field) => t(columnLabelKey[field])).join(', ') || t('none')}`,
    t('diagRows', diagnostics.rowsRead, diagnostics.rowsSkipped) + (skipped ? ` (${skipped})` : ''),
    `${t('diagErrors')}: ${diagnostics.errors.length ? diagnostics.errors.join(' | ') : t('none')}`,
  ];
}

export function summaryReport(summary: PageSummary, t: Translate, now = new Date()): string {
  const lines = [
    t('reportTitle'),
    `${t('reportPage')}: ${summary.url}`,
    `${t('reportTime')}: ${localTime(now)}`,
    verdicts.map((verdict) => `${t(verdictLabelKey[verdict])}: ${summary.counts[verdict]}`).join(' · '),
  ];
  for (const verdict of verdicts.filter((verdict) => verdict !== 'allowed')) {
    const rows = summary.rows.filter((row) => row.verdict === verdict);
    if (!rows.length) continue;
    lines.push('', `${t(verdictLabelKey[verdict])}:`, ...rows.map((row) => rowLine(row, t)));
  }
  lines.push('', `${t('diagnostics')}:`, ...diagnosticsLines(summary.diagnostics, t).map((line) => `  ${line}`));
  return lines.join('\n') + '\n';
}
