// Resources seen across the table's pages: how many, on how many pages, their exports, "clear", and
// "page through for me" with its progress. The page is asked again while paging runs.
import type { PageSummary, RowSummary } from '../messaging/protocol';
import type { PageThroughStatus } from '../annotator/page-through';
import type { SeenCount } from '../annotator/seen-resources';
import type { Translate } from '../i18n/messages';
import { h, replaceChildren } from '../ui/dom';

export interface SeenActions {
  seenRows(): Promise<RowSummary[]>;
  exportCsv(rows: RowSummary[]): void;
  copyReport(rows: RowSummary[]): Promise<boolean>;
  clear(): Promise<SeenCount | undefined>;
  pageThrough(action: 'start' | 'cancel'): Promise<PageThroughStatus | null>;
  /** The page's summary now (for the counts while paging). */
  refresh(): Promise<PageSummary | null>;
  wait(ms: number): Promise<void>;
}

const POLL_MS = 400;

function pagingText(status: PageThroughStatus, t: Translate): string {
  if (status.state === 'running') return t('pagingRunning', status.pages);
  if (status.state === 'cancelled') return t('pagingCancelled', status.pages);
  if (status.reason === 'limit') return t('pagingLimit', status.pages);
  if (status.reason === 'no-pager') return t('pagingNoPager');
  if (status.reason === 'no-change') return t('pagingNoChange', status.pages);
  return t('pagingDone', status.pages);
}

export function seenView(summary: PageSummary, t: Translate, actions: SeenActions): HTMLElement {
  const count = h('p', { class: 'seen-count', 'data-seen': '' });
  const status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite', 'data-paging': '' });
  const say = (text: string) => replaceChildren(status, text);
  // Nothing seen, nothing to export or clear: those buttons show once a resource has been seen.
  const exports: HTMLButtonElement[] = [];
  const showCount = (seen: SeenCount) => {
    replaceChildren(count, seen.pages === 1 ? t('seenCountOnePage', seen.resources) : t('seenCount', seen.resources, seen.pages));
    count.dataset.resources = String(seen.resources);
    count.dataset.pages = String(seen.pages);
    for (const button of exports) button.hidden = seen.resources === 0;
  };

  const pageButton = h('button', { type: 'button', 'data-action': 'page-through' }, t('pageThrough'));
  let running = false;
  const setRunning = (on: boolean) => {
    running = on;
    replaceChildren(pageButton, on ? t('pageThroughCancel') : t('pageThrough'));
    pageButton.dataset.running = String(on);
  };
  const follow = async () => {
    while (running) {
      await actions.wait(POLL_MS);
      const now = await actions.refresh();
      if (!now?.paging) return setRunning(false);
      if (now.seen) showCount(now.seen);
      say(pagingText(now.paging, t));
      if (now.paging.state !== 'running') setRunning(false);
    }
  };
  pageButton.addEventListener('click', async () => {
    const status = await actions.pageThrough(running ? 'cancel' : 'start');
    if (!status) return say(t('rowGone'));
    say(pagingText(status, t));
    setRunning(status.state === 'running');
    if (running) await follow();
  });
  if (summary.paging?.state === 'running') {
    setRunning(true);
    say(pagingText(summary.paging, t));
    void follow();
  }

  exports.push(
    h(
      'button',
      { type: 'button', 'data-action': 'export-seen', onclick: async () => (actions.exportCsv(await actions.seenRows()), say(t('csvSaved'))) },
      t('exportSeenCsv'),
    ),
    h(
      'button',
      {
        type: 'button',
        'data-action': 'copy-seen',
        onclick: async () => say((await actions.copyReport(await actions.seenRows())) ? t('reportCopied') : t('copyFailed')),
      },
      t('copySeenReport'),
    ),
    h(
      'button',
      {
        type: 'button',
        'data-action': 'clear-seen',
        onclick: async () => {
          const seen = await actions.clear();
          if (seen) showCount(seen);
          say(t('seenCleared'));
          // The clear button hides with nothing left to clear: focus goes on to what stays.
          pageButton.focus();
        },
      },
      t('clearSeen'),
    ),
  );
  showCount(summary.seen ?? { resources: summary.rows.length, pages: summary.rows.length ? 1 : 0 });

  return h(
    'div',
    { class: 'seen panel' },
    count,
    h('p', { class: 'hint' }, t('seenHint')),
    h('div', { class: 'actions' }, pageButton, exports),
    status,
  );
}
