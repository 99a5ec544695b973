// The page summary as a CSV file (src/formats/csv.ts says how it stays safe in Excel).
import type { PageSummary } from '../messaging/protocol';
import type { Translate } from '../i18n/messages';
import { verdictLabelKey } from '../ui/verdict';
import { csvDocument, csvLine } from '../formats/csv';

/** Every row the page summary lists, one line each, under a header in the UI language. */
export function summaryCsv(summary: PageSummary, t: Translate): string {
  const lines = [
    csvLine([t('csvRow'), t('csvResource'), t('csvProduct'), t('csvVerdict'), t('csvRules'), t('csvMainReason')]),
    ...summary.rows.map((row) =>
      csvLine([row.index + 1, row.resource, row.product, t(verdictLabelKey[row.verdict]), row.rules.join('; '), row.mainReason]),
    ),
  ];
  return csvDocument(lines);
}
