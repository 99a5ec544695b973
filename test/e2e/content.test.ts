// The content script in real Chromium, on the console's own URLs (served from the saved fixtures):
// what each row says, the badge's explanation by keyboard, tables that appear late, paging that
// re-renders rows in place, leaving and re-entering the route, and that nothing goes over the network.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import catalogData from '../../src/rules/catalog.json';
import {
  BADGE_CLASS,
  chinaHost,
  consoleUrl,
  countOwnMarks,
  fixturesDir,
  intlHost,
  readAnnotatedRows,
  startHarness,
  waitForAnnotatedRows,
  type Harness,
} from './harness';
import { loadExpected, settledRowMismatches } from './support/expectations';
import { assertOnlyConsoleAndExtensionRequests } from './support/network';

// What a badge says, in the page's language.
const english = { blocked: 'Cannot unsubscribe', caution: 'Check' };
const chinese = { blocked: '不可退订', caution: '请核实' };

const sites = [
  { fixture: 'intl-en-tiny', host: intlHost, lang: 'en' as const, labels: english },
  { fixture: 'cn-zh-tiny', host: chinaHost, lang: 'zh' as const, labels: chinese },
];

const ruleTitle = (id: string, lang: 'en' | 'zh') => catalogData.rules.find((rule) => rule.id === id)!.title[lang];

// The console's Angular app renders the table after the page has loaded: the table is taken out
// before the content script starts and put back later.
const lateTableScript = `
  const table = document.querySelector('ti-table');
  const parent = table.parentNode, next = table.nextSibling;
  table.remove();
  setTimeout(() => parent.insertBefore(table, next), 1500);
`;

/** Page 2 of the table, rendered the way Angular does: the same <tr>s, the cells' content reversed. */
function showReversedRowsInPlace(badgeClass: string): void {
  const body = document.querySelector('.ti3-table-container tbody')!;
  const rows = [...body.children].filter((tr) => tr.tagName === 'TR' && !tr.classList.contains('ti3-details-tr'));
  const isBadge = (node: Node) => node instanceof Element && node.classList.contains(badgeClass);
  const pages = rows.map((tr) => ({
    className: tr.className,
    cells: [...tr.children].map((td) => [...td.childNodes].filter((node) => !isBadge(node)).map((node) => node.cloneNode(true))),
  }));
  rows.forEach((tr, i) => {
    const shown = pages[rows.length - 1 - i]!;
    tr.className = shown.className;
    [...tr.children].forEach((td, c) => {
      // A badge already in the cell stays where it is, as it would under Angular.
      for (const node of [...td.childNodes]) if (!isBadge(node)) node.remove();
      td.prepend(...shown.cells[c]!);
    });
  });
}

let harness: Harness;
const pages: Page[] = [];

async function open(url: string): Promise<Page> {
  const page = await harness.openPage(url);
  pages.push(page);
  return page;
}

beforeAll(async () => {
  harness = await startHarness();
  harness.server.defineScript('late-table', lateTableScript);
});

afterAll(async () => {
  await harness?.close();
});

describe.each(sites.map((site) => [`${site.fixture} at ${consoleUrl(site.host)}`, site] as const))('%s', (_, site) => {
  const expected = loadExpected(fixturesDir, site.fixture);

  it('gives every resource row the verdict and rules of the expectation file, and badges the rows that are not allowed', async () => {
    const page = await open(consoleUrl(site.host));
    // Each badge says its row's verdict in the page's language.
    expect(await settledRowMismatches(() => readAnnotatedRows(page), expected.rows, { labels: site.labels })).toEqual([]);
    // And there is no badge outside those rows.
    expect(await page.locator(`.${BADGE_CLASS}`).count()).toBe(expected.rows.filter((row) => row.verdict !== 'allowed').length);
    await page.close();
  });

  it("opens a badge's explanation from the keyboard and closes it with Escape", async () => {
    const page = await open(consoleUrl(site.host));
    await waitForAnnotatedRows(page, expected.rows.length);
    const smn = expected.rows.findIndex((row) => row.rules.includes('service/simple-message-notification'));
    expect(smn).toBeGreaterThanOrEqual(0);
    const row = page.locator('[data-unsub-lens]').nth(smn);
    const badge = row.locator(`.${BADGE_CLASS}`);
    const button = badge.locator('button').first();

    // Start on the resource name link in the same row and Tab forward to the badge.
    await row.locator('a').first().focus();
    for (let presses = 0; presses < 10 && !(await button.evaluate((b) => b.getRootNode() instanceof ShadowRoot && (b.getRootNode() as ShadowRoot).activeElement === b)); presses++)
      await page.keyboard.press('Tab');
    expect(await button.evaluate((b) => (b.getRootNode() as ShadowRoot).activeElement === b)).toBe(true);

    const describedBy = await button.getAttribute('aria-describedby');
    expect(describedBy).toBeTruthy();
    const panel = badge.locator(`[id="${describedBy}"]`);
    await panel.waitFor({ state: 'visible', timeout: 2000 });
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    const explanation = await panel.textContent();
    expect(explanation).toContain(ruleTitle('service/simple-message-notification', site.lang));
    expect(explanation).toContain('2020-01-14');

    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'hidden', timeout: 2000 });
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    // Focus stays on the badge, so the user can go on from where they were.
    expect(await button.evaluate((b) => (b.getRootNode() as ShadowRoot).activeElement === b)).toBe(true);
    await page.close();
  });
});

describe('a console that changes the page after loading', () => {
  const expected = loadExpected(fixturesDir, 'intl-en-tiny');

  it('badges a table that appears after the page has loaded', async () => {
    const page = await open(consoleUrl(intlHost, { script: 'late-table' }));
    expect(await page.locator('ti-table').count()).toBe(0);
    expect(await countOwnMarks(page)).toEqual({ attributes: 0, badges: 0 });
    expect(await settledRowMismatches(() => readAnnotatedRows(page), expected.rows, { labels: english })).toEqual([]);
    await page.close();
  });

  it('follows paging that re-renders the same rows with new text', async () => {
    const page = await open(consoleUrl(intlHost));
    await waitForAnnotatedRows(page, expected.rows.length);
    await page.evaluate(() => document.querySelectorAll('[data-unsub-lens]').forEach((tr, i) => tr.setAttribute('data-test-row', String(i))));

    await page.evaluate(showReversedRowsInPlace, BADGE_CLASS);
    const reversed = [...expected.rows].reverse();
    expect(await settledRowMismatches(() => readAnnotatedRows(page), reversed, { labels: english, timeout: 5000 })).toEqual([]);
    // The same <tr> elements, in the same order: nothing was replaced.
    const identities = await page.evaluate(() => [...document.querySelectorAll('[data-unsub-lens]')].map((tr) => tr.getAttribute('data-test-row')));
    expect(identities).toEqual(expected.rows.map((_, i) => String(i)));
    await page.close();
  });

  it('removes every badge and attribute when the route changes, and restores them on return', async () => {
    const page = await open(consoleUrl(intlHost));
    await waitForAnnotatedRows(page, expected.rows.length);

    await page.evaluate(() => {
      location.hash = '#/userindex/overview';
    });
    await page.waitForFunction(() => !document.querySelector('[data-unsub-lens], [data-unsub-lens-rules], .unsub-lens-badge'), null, { timeout: 5000 });
    expect(await countOwnMarks(page)).toEqual({ attributes: 0, badges: 0 });

    await page.evaluate(() => {
      location.hash = '#/userindex/retreatManagement';
    });
    expect(await settledRowMismatches(() => readAnnotatedRows(page), expected.rows, { labels: english })).toEqual([]);
    await page.close();
  });
});

describe('what the extension does not do', () => {
  it('made no network request besides the console pages and its own files', () => {
    expect(harness.requests.length).toBeGreaterThan(0);
    assertOnlyConsoleAndExtensionRequests(harness);
  });

  it('caused no console error on any page or in the service worker', () => {
    expect(harness.consoleErrors).toEqual([]);
  });
});
