// Why rows were skipped, in the UI language. The page code counts them under fixed English words
// (src/page/read-row.ts SkipReason, 'error', 'not read yet'); a word this list does not know is shown as it is.
import type { MessageKey, Translate } from '../i18n/messages';
import type { SkipReason } from '../page/read-row';

// Typed by SkipReason: a new reason in the page code fails the type check until it is worded here.
const skipReasonKey: Readonly<Record<SkipReason | 'error' | 'not read yet', MessageKey>> = {
  'detail row': 'skipDetailRow',
  'no data row': 'skipNoDataRow',
  'group header': 'skipGroupHeader',
  'header row': 'skipHeaderRow',
  'empty row': 'skipEmptyRow',
  'not read yet': 'skipNotReadYet',
  error: 'skipError',
};

export function skipReasonText(why: string, t: Translate): string {
  const key = Object.hasOwn(skipReasonKey, why) ? skipReasonKey[why as keyof typeof skipReasonKey] : undefined;
  return key ? t(key) : why;
}

/** "detail row: 2, group header: 1", or '' when no row was skipped. */
export function skippedText(skippedReasons: Readonly<Record<string, number>>, t: Translate): string {
  return Object.entries(skippedReasons)
    .map(([why, count]) => `${skipReasonText(why, t)}: ${count}`)
    .join(', ');
}
