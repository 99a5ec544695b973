// The extension on pages drawn by the real component libraries (built from node_modules at the start
// of the run, see test/real-libraries/): OpenTiny NG's table and pager on Angular 16, OpenTiny Vue's
// grid in the version that splits header and body (3.24) and in the current one (3.31), and OpenTiny
// Vue's table, each in English on the international site and in Chinese on the China site. Every visible row is held against the resource it shows, after
// loading, paging, sorting, expanding a detail row and each step of a virtual scroll.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chinaHost, intlHost, readAnnotatedRows, startHarness, type AnnotatedRow, type ExtensionGlobals, type Harness } from './harness';
import { buildLibraryPages } from '../real-libraries/build-pages';
import { libraryResources, type Lang, type LibraryResource } from '../real-libraries/resources';
import { PAGE_SIZE, PAGED_TOTAL, VIRTUAL_TOTAL } from '../real-libraries/vue-grid-app';
import { NG_PAGE_SIZE, NG_PAGED_TOTAL, NG_VIRTUAL_TOTAL } from '../real-libraries/ng-table-sizes';

let harness: Harness;

beforeAll(async () => {
  const [pages, started] = await Promise.all([buildLibraryPages(), startHarness()]);
  harness = started;
  for (const [name, html] of pages) harness.server.definePage(name, html);
}, 120_000);

afterAll(async () => {
  await harness?.close();
});

const hostOf = (lang: Lang) => (lang === 'en' ? intlHost : chinaHost);
const pageUrl = (name: string, lang: Lang, variant = 'paged') =>
  `https://${hostOf(lang)}/usercenter/?page=${name}-${lang}&variant=${variant}#/userindex/retreatManagement`;

/** Which resource a row shows: its ID when the row shows one, else the longest name in its text. */
function resourceOf(row: AnnotatedRow, resources: readonly LibraryResource[]): LibraryResource | undefined {
  const byId = resources.find((resource) => row.text.includes(resource.id));
  if (byId) return byId;
  return resources.filter((resource) => row.text.includes(resource.name)).sort((a, b) => b.name.length - a.name.length)[0];
}

/** Every way the marked rows differ from the resources they show (one line each); [] when they agree. */
function mismatches(rows: readonly AnnotatedRow[], resources: readonly LibraryResource[], expectedRows: number): string[] {
  const problems = rows.length === expectedRows ? [] : [`${rows.length} rows carry a verdict, expected ${expectedRows}`];
  for (const row of rows) {
    const resource = resourceOf(row, resources);
    if (!resource) {
      problems.push(`a row shows no known resource: "${row.text.slice(0, 80)}"`);
      continue;
    }
    const rules = [...row.rules].sort().join(' ');
    if (row.verdict !== resource.verdict || rules !== [...resource.rules].sort().join(' '))
      problems.push(`${resource.name}: ${row.verdict} [${rules}], expected ${resource.verdict} [${resource.rules.join(' ')}]`);
    const badges = resource.verdict === 'allowed' ? 0 : 1;
    if (row.badges !== badges) problems.push(`${resource.name}: ${row.badges} badges, expected ${badges}`);
  }
  return problems;
}

/** Waits until the page's marks agree with what its data rows show; returns what is left when time runs out. */
async function settled(page: Page, resources: readonly LibraryResource[], rowSelector: string, timeout = 8000): Promise<string[]> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const [rows, count] = await Promise.all([readAnnotatedRows(page), page.locator(rowSelector).count()]);
    const problems = mismatches(rows, resources, count);
    if ((!problems.length && count > 0) || Date.now() > deadline) return count ? problems : ['no data rows on the page'];
    await page.waitForTimeout(100);
  }
}

/** What differs between the libraries' pages: where their rows are, and how a user pages, sorts, expands and scrolls. */
interface LibraryPageKind {
  name: string;
  title: string;
  rowSelector: string;
  detailRowSelector: string;
  pageSize: number;
  pagedTotal: number;
  virtualTotal: number;
  /** The element that scrolls the rows of the virtual variant. */
  scroller: string;
  nextPage(page: Page): Promise<void>;
  sortByProductType(page: Page, lang: Lang): Promise<void>;
  expandFirstRow(page: Page): Promise<void>;
}

const vueGrid = (name: string, version: string): LibraryPageKind => ({
  name,
  title: `OpenTiny Vue grid ${version}`,
  rowSelector: 'tr.tiny-grid-body__row',
  detailRowSelector: 'tr.tiny-grid-body__expanded-row',
  pageSize: PAGE_SIZE,
  pagedTotal: PAGED_TOTAL,
  virtualTotal: VIRTUAL_TOTAL,
  scroller: '.tiny-grid__body-wrapper',
  nextPage: (page) => page.locator('.tiny-pager__pages li', { hasText: /^2$/ }).click(),
  sortByProductType: (page, lang) =>
    page
      .locator('th.tiny-grid-header__column', { hasText: lang === 'en' ? 'Product Type' : '产品类型' })
      .locator('.tiny-grid-sort-wrapper')
      .click(),
  expandFirstRow: (page) => page.locator('tr.tiny-grid-body__row .tiny-grid__expanded').first().click(),
});

const ngTable: LibraryPageKind = {
  name: 'ng-table-1-0-3',
  title: 'OpenTiny NG table 1.0.3 (Angular 16)',
  rowSelector: '.ti3-table-container tbody > tr:not(.ti3-details-tr):not(.ti3-table-nodata)',
  detailRowSelector: 'tr.ti3-details-tr',
  pageSize: NG_PAGE_SIZE,
  pagedTotal: NG_PAGED_TOTAL,
  virtualTotal: NG_VIRTUAL_TOTAL,
  scroller: '.ti3-table-container',
  // The page has no OpenTiny NG theme (its stylesheets are not on the registry), so the controls
  // overlap: they are clicked where they are, without Playwright's hit test.
  nextPage: (page) => page.locator('ti-pagination a.ti3-pag-page', { hasText: /^2$/ }).dispatchEvent('click'),
  sortByProductType: (page) => page.locator('.ti3-table-fixed-head ti-head-sort .ti3-sort').dispatchEvent('click'),
  expandFirstRow: (page) => page.locator('.ti3-table-container a.ti3-toggle-details').first().dispatchEvent('click'),
};

const libraries = [vueGrid('vue-grid-3-24', '3.24 (header and body in two tables)'), vueGrid('vue-grid-3-31', '3.31'), ngTable];

describe.each(libraries.map((library) => [library.title, library] as const))('%s', (_, library) => {
  describe.each(['en', 'zh'] as const)('in %s', (lang) => {
    const resources = libraryResources(lang, library.pagedTotal);
    const rows = library.rowSelector;

    it('badges every row after loading, paging, sorting and expanding a detail row', async () => {
      const page = await harness.openPage(pageUrl(library.name, lang));
      expect(await settled(page, resources.slice(0, library.pageSize), rows)).toEqual([]);

      await library.nextPage(page);
      await page.waitForFunction((name) => document.body.textContent.includes(name), resources[library.pageSize]!.name);
      const secondPage = resources.slice(library.pageSize, 2 * library.pageSize);
      expect(await settled(page, secondPage, rows)).toEqual([]);

      // Sorting by product type: the component re-renders the rows in another order.
      const before = await page.locator(rows).first().textContent();
      await library.sortByProductType(page, lang);
      await page.waitForFunction(([selector, text]) => document.querySelector(selector)?.textContent !== text, [rows, before] as const);
      const sorted = library.name.startsWith('ng-') ? resources : secondPage; // OpenTiny NG sorts the whole list, then pages
      expect(await settled(page, sorted, rows)).toEqual([]);

      // A detail row opens under the first resource: no verdict of its own, the resources keep theirs.
      await library.expandFirstRow(page);
      await page.waitForSelector(library.detailRowSelector);
      expect(await page.locator(`${library.detailRowSelector}[data-unsub-lens]`).count()).toBe(0);
      expect(await settled(page, sorted, rows)).toEqual([]);
      await page.close();
    });

    it('keeps every visible row right at each step of its virtual scroll, never showing another resource’s badge', async () => {
      const all = libraryResources(lang, library.virtualTotal);
      const page = await harness.openPage(pageUrl(library.name, lang, 'virtual'));
      expect(await settled(page, all, rows)).toEqual([]);
      expect(await page.locator(rows).count()).toBeLessThan(60); // only the visible rows exist

      for (let step = 1; step <= 6; step++) {
        // One scroll step, then what the page shows two frames later: every row must already be right.
        const shown = await page.evaluate(
          async ({ scroller, selector, top }) => {
            const wrapper = document.querySelector(scroller)!;
            wrapper.scrollTop = top;
            wrapper.dispatchEvent(new Event('scroll'));
            await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
            return [...document.querySelectorAll(selector)].map((tr) => ({
              verdict: tr.getAttribute('data-unsub-lens') ?? '',
              rules: (tr.getAttribute('data-unsub-lens-rules') ?? '').split(' ').filter(Boolean),
              text: (tr.textContent ?? '').replace(/\s+/g, ' ').trim(),
              badges: tr.querySelectorAll('.unsub-lens-badge').length,
              badgeText: '',
            }));
          },
          { scroller: library.scroller, selector: rows, top: step * 1700 },
        );
        expect(shown[0]!.text, `scroll step ${step} moved the list`).not.toContain(all[0]!.id);
        expect(mismatches(shown, all, shown.length), `after scroll step ${step}`).toEqual([]);
      }
      await page.close();
    });
  });
});

describe.each(['en', 'zh'] as const)('OpenTiny Vue table 3.31 in %s', (lang) => {
  it('badges every row of its text-only cells (a disabled row counts as a disabled action)', async () => {
    const page = await harness.openPage(pageUrl('vue-table-3-31', lang));
    expect(await settled(page, libraryResources(lang, 8), '.tiny-table tbody tr')).toEqual([]);
    await page.close();
  });

  it('marks nothing when the table is empty, and the popup is told there are no resources', async () => {
    const page = await harness.openPage(pageUrl('vue-table-3-31', lang, 'empty'));
    await page.waitForSelector('.tiny-table');
    await page.waitForTimeout(400);
    expect(await readAnnotatedRows(page)).toEqual([]);
    const summary = await harness.summaryOf(page);
    expect(summary?.rows).toEqual([]);
    expect(summary?.diagnostics.tables).toBe(1);
    expect(summary?.counts).toEqual({ blocked: 0, elsewhere: 0, caution: 0, allowed: 0 });
    await page.close();
  });
});

describe.each(libraries.map((library) => [library.title, library] as const))('page through for me, on %s', (_, library) => {
  it('clicks through every page with the library’s own pager, keeps every resource seen, and the popup counts them', async () => {
    const resources = libraryResources('en', library.pagedTotal);
    const page = await harness.openPage(pageUrl(library.name, 'en'));
    expect(await settled(page, resources.slice(0, library.pageSize), library.rowSelector)).toEqual([]);
    const tabId = await harness.tabIdOf(page);
    const ask = (message: unknown) =>
      harness.worker.evaluate(async ([id, request]) => (globalThis as unknown as ExtensionGlobals).chrome.tabs.sendMessage(id, request), [
        tabId,
        message,
      ] as const);
    expect(await ask({ type: 'page-through', action: 'start' })).toMatchObject({ state: 'running', pages: 1 });
    await expect
      .poll(async () => ((await harness.summaryOf(page))?.paging as { state?: string } | undefined)?.state, { timeout: 20_000 })
      .toBe('done');
    const summary = await harness.summaryOf(page);
    expect(summary?.paging).toEqual({ state: 'done', pages: library.pagedTotal / library.pageSize, reason: 'last-page' });
    expect(summary?.seen).toEqual({ resources: library.pagedTotal, pages: library.pagedTotal / library.pageSize });
    // It paged: the last page is on screen, its rows badged right.
    expect(await settled(page, resources.slice(-library.pageSize), library.rowSelector)).toEqual([]);
    const seen = (await ask({ type: 'get-seen' })) as Array<{ key: string; verdict: string }>;
    expect(seen.map((row) => row.verdict)).toEqual(resources.map((resource) => resource.verdict));
    expect(seen.every((row, i) => row.key.includes(resources[i]!.id) || row.key.includes(resources[i]!.name))).toBe(true);

    const popup = await harness.openPage(harness.extensionUrl(`popup.html?tabId=${tabId}`));
    await expect.poll(() => popup.locator('[data-seen]').innerText()).toBe(`${library.pagedTotal} resources seen on 2 pages`);
    await popup.locator('[data-action="clear-seen"]').click();
    await expect.poll(() => popup.locator('[data-seen]').getAttribute('data-resources')).toBe(String(library.pageSize));
    await popup.close();
    await page.close();
  });
});
