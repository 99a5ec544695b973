// The page summary as a CSV file an account manager can forward (src/formats/csv.ts says how it
// stays safe in Excel, in both languages): what identifies each resource, whichever of the page's
// columns it shows, the verdict and its reasons in words, the time in the user's local time zone,
// and the rule ids last, for whoever needs them.
import type { PageSummary, RowDetails } from '../messaging/protocol';
import type { MessageKey, Translate } from '../i18n/messages';
import { verdictLabelKey } from '../ui/verdict';
import { csvDocument, csvLine } from '../formats/csv';
import { columnLabelKey } from '../ui/column-labels';
import { localTime } from '../formats/local-time';

const detailColumns: readonly [keyof RowDetails, MessageKey][] = [
  ['resourceId', 'csvResourceId'],
  ['orderNo', columnLabelKey.orderNo],
  ['region', columnLabelKey.region],
  ['billingMode', columnLabelKey.billingMode],
  ['expiry', columnLabelKey.expiry],
  ['status', columnLabelKey.status],
  ['enterpriseProject', columnLabelKey.enterpriseProject],
];

/** Every row the page summary lists, one line each, under a header in the UI language. */
export function summaryCsv(summary: PageSummary, t: Translate, now = new Date()): string {
  // Only the columns some row shows; the resource ID beside the name, the rest after the product.
  const shown = detailColumns.filter(([field]) => summary.rows.some((row) => row.details?.[field]));
  const id = shown.filter(([field]) => field === 'resourceId');
  const rest = shown.filter(([field]) => field !== 'resourceId');
  const exported = localTime(now);
  const cellsOf = (row: PageSummary['rows'][number], columns: typeof shown) => columns.map(([field]) => row.details?.[field] ?? '');
  const lines = [
    csvLine([
      t('csvRow'),
      t('csvResource'),
      ...id.map(([, key]) => t(key)),
      t('csvProduct'),
      ...rest.map(([, key]) => t(key)),
      t('csvVerdict'),
      t('csvReasons'),
      t('csvExported'),
      t('csvRules'),
    ]),
    ...summary.rows.map((row) =>
      csvLine([
        row.index + 1,
        row.resource,
        ...cellsOf(row, id),
        row.product,
        ...cellsOf(row, rest),
        t(verdictLabelKey[row.verdict]),
        (row.reasons ?? (row.mainReason ? [row.mainReason] : [])).join('; '),
        exported,
        row.rules.join('; '),
      ]),
    ),
  ];
  return csvDocument(lines);
}
