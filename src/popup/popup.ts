// The popup: look-up first (it works on any tab), then the by-hand check and the checklist, then
// what the open tab's Unsubscriptions page shows.
import { browser } from 'wxt/browser';
import { catalog } from '../rules/catalog';
import { evaluate } from '../rules/engine';
import { lookup, lookupTopics } from '../rules/lookup';
import { noCounts, type Catalog, type EngineSettings } from '../rules/types';
import type { PageSummary, RowSummary } from '../messaging/protocol';
import { askBackground, askBackgroundTwice } from '../messaging/send';
import { defaultSettings } from '../settings/settings';
import { loadTranslator, type Translate } from '../i18n/messages';
import { uiLanguage } from '../i18n/language';
import { h, replaceChildren } from '../ui/dom';
import { lookupView } from './lookup-view';
import { manualCheckView } from './manual-check-view';
import { feeEstimateView, feeTableSource } from './fee-estimate-view';
import { loadLastSite, saveLastSite } from './last-site';
import { siteOf } from '../console/route';
import { checklistView } from './checklist-view';
import { notThePageView, summaryView } from './summary-view';
import { targetTabId } from './target-tab';
import { clearSeen, filterPageRows, pageThrough, requestSeen, requestSummary, revealRow } from './page-client';
import { seenView } from './seen-view';
import { summaryCsv } from './export-csv';
import { summaryReport } from './export-report';
import { copyText, downloadText, exportFileName } from '../ui/download';

export interface PopupOptions {
  /** location.search of popup.html: ?tabId= names the tab to summarise. */
  search?: string;
  /** Replaces the bundled catalog (tests). */
  catalog?: Catalog;
}

export interface Popup {
  input: HTMLInputElement;
  t: Translate;
  /** Settles once the page section shows the summary or says this is not the page. */
  pageReady: Promise<PageSummary | null>;
}

export async function mountPopup(root: HTMLElement, options: PopupOptions = {}): Promise<Popup> {
  const rules = options.catalog ?? catalog;
  // The background reads and checks the settings: the popup carries no settings validation of its own.
  const settings = (await askBackgroundTwice({ type: 'get-settings' })) ?? defaultSettings;
  const lang = uiLanguage(settings.language);
  const t = await loadTranslator(lang);
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  document.title = t('extName');

  // One settings object for the popup's life: the engine caches its indexes per object.
  const engineSettings: EngineSettings = { disabledRules: settings.disabledRules, userRules: settings.userRules, lang };
  const disabled = new Set(settings.disabledRules);

  // The same look-up without the user's switches: which rules a query names that are switched off.
  const allRules: EngineSettings = { userRules: settings.userRules, lang };
  const look = lookupView(
    t,
    (query) => lookup(query, rules, engineSettings, 8),
    (query) => lookup(query, rules, allRules, 8).filter((hit) => disabled.has(hit.rule)),
    (query) => lookupTopics(query, rules, lang),
  );
  // Never a figure without its source: no source, no estimator.
  const feeSource = feeTableSource(rules, lang);
  const page = h(
    'section',
    { class: 'page', 'aria-label': t('pageSection'), 'aria-busy': 'true' },
    h('h2', null, t('pageSection')),
    h('p', { class: 'hint' }, t('pageLoading')),
  );

  replaceChildren(
    root,
    h(
      'header',
      { class: 'top' },
      h('h1', null, t('extName')),
      h('button', { type: 'button', class: 'link-button', onclick: () => void browser.runtime.openOptionsPage() }, t('openOptions')),
    ),
    settings.enabled ? null : badgesOffNotice(t),
    look.element,
    manualCheckView(t, (resource) => evaluate(resource, rules, engineSettings), feeSource && feeEstimateView(t, feeSource, lang)),
    checklistView(
      t,
      rules.rules.filter((rule) => !disabled.has(rule.id)),
      lang,
    ),
    page,
  );
  look.input.focus();

  const pageReady = showPage(page, t, options.search ?? '').then((summary) => {
    // On the Unsubscriptions page its summary comes first and the look-up folds to its box; the
    // focused box itself is not moved, so typing goes on where it was.
    if (summary) {
      root.insertBefore(page, look.element);
      look.foldWhenEmpty();
    }
    return summary;
  });
  return { input: look.input, t, pageReady };
}

/** Badges switched off: says so, with the one click that switches them back on. */
function badgesOffNotice(t: Translate): HTMLElement {
  const notice = h('div', { class: 'notice', role: 'status', 'data-notice': 'badges-off' });
  const button = h(
    'button',
    {
      type: 'button',
      'data-action': 'switch-badges-on',
      onclick: async () => {
        button.disabled = true;
        const done = await askBackground({ type: 'switch-badges-on' });
        if (done) replaceChildren(notice, h('p', null, t('badgesSwitchedOn')));
        else {
          button.disabled = false;
          replaceChildren(notice, h('p', null, t('switchOnFailed')), button);
        }
      },
    },
    t('switchBadgesOn'),
  );
  replaceChildren(notice, h('p', null, t('badgesOff')), button);
  return notice;
}

/** The page's summary with every seen resource as its rows, for the same exports. */
function withRows(summary: PageSummary, rows: RowSummary[]): PageSummary {
  const counts = noCounts();
  for (const row of rows) counts[row.verdict]++;
  return { ...summary, rows, counts };
}

async function showPage(page: HTMLElement, t: Translate, search: string): Promise<PageSummary | null> {
  const tabId = await targetTabId(search);
  const summary = tabId === undefined ? null : await requestSummary(tabId);
  const heading = h('h2', null, t('pageSection'));
  if (!summary || tabId === undefined) {
    replaceChildren(page, heading, notThePageView(t, { site: await loadLastSite(), go: (url) => void browser.tabs.create({ url }) }));
  } else {
    const site = siteOf(summary.url);
    if (site) void saveLastSite(site);
    replaceChildren(
      page,
      heading,
      summaryView(summary, t, {
        reveal: (index) => revealRow(tabId, index),
        filterPage: (verdict) => filterPageRows(tabId, verdict),
        exportCsv: () => downloadText(exportFileName('csv'), summaryCsv(summary, t), 'text/csv;charset=utf-8'),
        copyReport: () => copyText(summaryReport(summary, t)),
      }),
      seenView(summary, t, {
        seenRows: () => requestSeen(tabId),
        exportCsv: (rows) => downloadText(exportFileName('csv'), summaryCsv(withRows(summary, rows), t), 'text/csv;charset=utf-8'),
        copyReport: (rows) => copyText(summaryReport(withRows(summary, rows), t)),
        clear: () => clearSeen(tabId),
        pageThrough: (action) => pageThrough(tabId, action),
        refresh: () => requestSummary(tabId),
        wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      }),
    );
  }
  page.removeAttribute('aria-busy');
  return summary;
}
