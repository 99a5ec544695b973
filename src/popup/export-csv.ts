// The page summary as a CSV file that Excel opens correctly and safely: UTF-8 with a BOM (or Excel
// guesses the encoding and garbles Chinese), CRLF line ends, quotes doubled, and no cell that a
// spreadsheet would run as a formula (resource names come from the page, so they are not trusted).
import type { PageSummary } from '../messaging/protocol';
import type { Translate } from '../i18n/messages';
import { verdictLabelKey } from '../ui/verdict';

const BOM = '\uFEFF';
const formulaStart = /^[=+\-@\t\r]/;

export function csvCell(value: string | number): string {
  let text = String(value);
  if (formulaStart.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: readonly (string | number)[]): string {
  return cells.map(csvCell).join(',');
}

/** Every row the page summary lists, one line each, under a header in the UI language. */
export function summaryCsv(summary: PageSummary, t: Translate): string {
  const lines = [
    csvLine([t('csvRow'), t('csvResource'), t('csvProduct'), t('csvVerdict'), t('csvRules'), t('csvMainReason')]),
    ...summary.rows.map((row) =>
      csvLine([row.index + 1, row.resource, row.product, t(verdictLabelKey[row.verdict]), row.rules.join('; '), row.mainReason]),
    ),
  ];
  return BOM + lines.join('\r\n') + '\r\n';
}
