// What the popup says about the Unsubscriptions page open in the tab: counts, the rows that cannot
// (or may not) be unsubscribed, how well the page was read, and the exports.
import type { PageSummary, RowSummary } from '../messaging/protocol';
import type { ColumnField } from '../console/columns';
import { unsubscriptionsUrl, type ConsoleSite } from '../console/route';
import type { Translate } from '../i18n/messages';
import { h, replaceChildren } from '../ui/dom';
import { columnLabelKey } from '../ui/column-labels';
import { skippedText } from './skip-reasons';
import { shortVerdictPill, verdictLabelKey } from '../ui/verdict';
import { verdicts, type Verdict } from '../rules/types';

export interface SummaryActions {
  reveal(index: number): Promise<boolean>;
  /** Shows only `verdict`'s rows on the page too (null: all). */
  filterPage(verdict: Verdict | null): Promise<boolean>;
  exportCsv(): void;
  copyReport(): Promise<boolean>;
}

/** Not the page: where the summary appears, and the way there on the site last used. */
export function notThePageView(t: Translate, open?: { site: ConsoleSite; go: (url: string) => void }): HTMLElement {
  const url = open && unsubscriptionsUrl(open.site);
  return h(
    'div',
    { class: 'not-page' },
    h('p', null, t('notThePage')),
    open && url
      ? h(
          'a',
          {
            href: url,
            class: 'open-page',
            'data-site': open.site,
            onclick: (event: Event) => (event.preventDefault(), open.go(url)),
          },
          t(open.site === 'china' ? 'openUnsubscriptionsChina' : 'openUnsubscriptionsIntl'),
        )
      : null,
  );
}

/** A count that is also a filter: pressed, the list shows only that verdict's rows. */
function countButton(label: string, count: number, verdict: Verdict, onclick: () => void): HTMLButtonElement {
  return h(
    'button',
    { type: 'button', class: `count count-${verdict}`, 'data-verdict': verdict, 'aria-pressed': 'false', disabled: count === 0, onclick },
    h('span', { class: 'count-number' }, count),
    h('span', { class: 'count-label' }, label),
  );
}

/** A resource table was found and read without trouble, and holds no resource: nothing to report. */
const isEmptyTable = (summary: PageSummary): boolean =>
  summary.rows.length === 0 && summary.diagnostics.tables > 0 && summary.diagnostics.errors.length === 0;

function diagnosticsView(summary: PageSummary, t: Translate): HTMLElement {
  const d = summary.diagnostics;
  const found = Object.entries(d.columns) as [ColumnField, string][];
  const skipped = skippedText(d.skippedReasons, t);
  const hasTrouble = d.errors.length > 0 || (summary.rows.length === 0 && !isEmptyTable(summary));
  return h(
    'details',
    { class: 'panel diagnostics', open: hasTrouble },
    h('summary', null, t('diagnostics')),
    h(
      'dl',
      null,
      h('dt', null, t('diagTablesLabel')),
      h('dd', null, d.tables),
      h('dt', null, t('diagColumnsFound')),
      h('dd', null, found.length ? found.map(([field, header]) => h('span', { class: 'chip', title: header }, t(columnLabelKey[field]))) : t('none')),
      h('dt', null, t('diagColumnsMissing')),
      h(
        'dd',
        null,
        d.missingColumns.length ? d.missingColumns.map((field) => h('span', { class: 'chip chip-missing' }, t(columnLabelKey[field]))) : t('none'),
      ),
      h('dt', null, t('diagOtherHeaders')),
      h('dd', null, d.otherHeaders.length ? d.otherHeaders.map((text) => h('span', { class: 'chip' }, text)) : t('none')),
      h('dt', null, t('diagRowsLabel')),
      h('dd', null, t('diagRows', d.rowsRead, d.rowsSkipped), skipped ? ` (${skipped})` : ''),
      h('dt', null, t('diagErrors')),
      h(
        'dd',
        null,
        d.errors.length
          ? h(
              'ul',
              { class: 'errors' },
              d.errors.map((error) => h('li', null, error)),
            )
          : t('none'),
      ),
    ),
  );
}

export function summaryView(summary: PageSummary, t: Translate, actions: SummaryActions): HTMLElement {
  const status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const say = (text: string) => replaceChildren(status, text);

  const rowButton = (row: RowSummary) =>
    h(
      'li',
      null,
      h(
        'button',
        {
          type: 'button',
          class: 'row',
          'data-index': row.index,
          title: t('revealRow'),
          onclick: async () => say((await actions.reveal(row.index)) ? t('rowRevealed', row.index + 1) : t('rowGone')),
        },
        // Long texts are cut short on screen (popup.css); the title holds them whole.
        h(
          'span',
          { class: 'row-head' },
          shortVerdictPill(row.verdict, t),
          h('strong', { title: row.resource || null }, row.resource || t('rowNumber', row.index + 1)),
        ),
        // One line a row, so the rows fit the popup: the reason, or the product where the reason is its
        // name (a Table 1 service); the title holds both.
        row.mainReason && row.mainReason.toLowerCase() !== row.product.toLowerCase()
          ? h('span', { class: 'row-reason', title: row.product ? `${row.product} · ${row.mainReason}` : row.mainReason }, row.mainReason)
          : h('span', { class: 'row-product', title: row.product || null }, row.product),
      ),
    );

  const empty = isEmptyTable(summary);
  // The rows that need attention, or, with a count pressed, the rows of that verdict.
  // A verdict the page is filtered to already (from an earlier opening) is the one pressed.
  let filter: Verdict | undefined = summary.filter && summary.filter !== 'attention' ? summary.filter : undefined;
  const list = h('div', { class: 'row-list' });
  const showList = () => {
    const listed = summary.rows.filter((row) => (filter ? row.verdict === filter : row.verdict !== 'allowed'));
    replaceChildren(
      list,
      listed.length
        ? h('ul', { class: 'rows', 'aria-label': t('rowsLabel') }, listed.map(rowButton))
        : h(
            'p',
            { class: 'hint', 'data-empty': empty ? 'table' : null },
            summary.rows.length ? t('noBlockedRows') : empty ? t('noResources') : t('noRowsRead'),
          ),
    );
    for (const button of counts) button.setAttribute('aria-pressed', String(button.dataset.verdict === filter));
  };
  const counts: HTMLButtonElement[] = verdicts.map((verdict) =>
    countButton(t(verdictLabelKey[verdict]), summary.counts[verdict], verdict, () => {
      filter = filter === verdict ? undefined : verdict;
      showList();
      void actions.filterPage(filter ?? null);
    }),
  );
  showList();
  return h(
    'section',
    { class: 'summary', 'aria-label': t('summarySection') },
    h('div', { class: 'counts', role: 'group', 'aria-label': t('countsLabel') }, counts),
    list,
    diagnosticsView(summary, t),
    // Nothing to export from a table without resources.
    empty
      ? null
      : h(
          'div',
          { class: 'actions' },
          h('button', { type: 'button', onclick: () => (actions.exportCsv(), say(t('csvSaved'))) }, t('exportCsv')),
          h(
            'button',
            { type: 'button', onclick: async () => say((await actions.copyReport()) ? t('reportCopied') : t('copyFailed')) },
            t('copyReport'),
          ),
        ),
    status,
  );
}
