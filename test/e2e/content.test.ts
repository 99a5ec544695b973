// The content script in real Chromium, on the console's own URLs (served from the saved fixtures):
// what each row says, the badge's explanation by keyboard, badges that fit the console's narrow cells
// and scroll nothing when focused, tables that appear late, paging that re-renders rows in place,
// leaving and re-entering the route, and that nothing goes over the network.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
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
import { badgeFits } from './support/badge-fit';
import { loadExpected, settledRowMismatches } from './support/expectations';
import { assertOnlyConsoleAndExtensionRequests } from './support/network';

// What a badge says, in the page's language.
const english = { blocked: 'Blocked', elsewhere: 'Not here', caution: 'Check' };
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

// TinyUI's `tioverflow` cells as the console styles them: one line, cut off with an ellipsis (the saved
// page lets them wrap). A badge laid out inline after the product name lands beyond the cell's edge.
const nowrapCellsScript = `
  const style = document.createElement('style');
  style.textContent = '.ti3-table td[tioverflow] { white-space: nowrap; text-overflow: ellipsis; }';
  document.head.append(style);
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

/** Whether `button` (in a badge's shadow root) has the keyboard focus. */
const hasFocus = (button: Locator) => button.evaluate((b) => (b.getRootNode() as ShadowRoot).activeElement === b);

/** Presses Tab (at most 10 times) until the badge's button has the focus; returns whether it got there. */
async function tabTo(page: Page, button: Locator): Promise<boolean> {
  for (let presses = 0; presses < 10 && !(await hasFocus(button)); presses++) await page.keyboard.press('Tab');
  return hasFocus(button);
}

/** Runs in the page: the horizontal scroll position of the window and of every element around the index-th badge. */
function sidewaysScroll({ badgeClass, index }: { badgeClass: string; index: number }): string[] {
  const positions = [`window ${window.scrollX}`];
  for (let node: Element | null = document.querySelectorAll(`.${badgeClass}`)[index]!; node; node = node.parentElement)
    positions.push(`${node.tagName.toLowerCase()}.${node.className} ${node.scrollLeft}`);
  return positions;
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
  harness.server.defineScript('nowrap-cells', nowrapCellsScript);
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
    expect(await tabTo(page, button)).toBe(true);

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

const layouts = [
  ['cells that wrap, as saved', undefined],
  ["one-line cells, as TinyUI's tioverflow styles them", 'nowrap-cells'],
] as const;

describe.each(layouts)('badges in the narrow Product Type cells of intl-en-tiny: %s', (_, script) => {
  const expected = loadExpected(fixturesDir, 'intl-en-tiny');
  const badged = expected.rows.filter((row) => row.verdict !== 'allowed');
  const url = consoleUrl(intlHost, { script });

  // The saved page's Product Type cells are 74 px wide at 1024 px, 54 px inside their padding.
  it.each([1280, 1024])('fit inside their cells, whose overflow is hidden, never cut, %d px wide', async (width) => {
    const page = await open(url);
    await page.setViewportSize({ width, height: 768 });
    await waitForAnnotatedRows(page, expected.rows.length);
    const fits = await page.evaluate(badgeFits, BADGE_CLASS);
    // The short word where it fits; only the icon where it does not, never a word cut short.
    expect(fits.map((fit) => fit.label)).toEqual(badged.map((row) => english[row.verdict as keyof typeof english]));
    expect(fits.filter((fit) => fit.left < 0 || fit.right < 0 || fit.cut)).toEqual([]);
    await page.close();
  });

  it('take the focus by Tab without scrolling the table, its cells or the page sideways', async () => {
    const page = await open(url);
    await waitForAnnotatedRows(page, expected.rows.length);
    const rows = page.locator('[data-unsub-lens]');
    let index = 0;
    for (let i = 0; i < expected.rows.length; i++) {
      if (expected.rows[i]!.verdict === 'allowed') continue;
      const button = rows.nth(i).locator(`.${BADGE_CLASS} button`).first();
      // From the resource name just before it in the row.
      await rows.nth(i).locator('.cbc-resource-name').focus();
      const before = await page.evaluate(sidewaysScroll, { badgeClass: BADGE_CLASS, index });
      expect(await tabTo(page, button), `row ${i}: Tab reaches the badge`).toBe(true);
      expect(await page.evaluate(sidewaysScroll, { badgeClass: BADGE_CLASS, index }), `row ${i}`).toEqual(before);
      expect(await button.getAttribute('aria-expanded'), `row ${i}: focus opens the explanation`).toBe('true');
      index++;
    }
    expect(index).toBe(badged.length);
    expect(
      await page
        .locator('.ti3-table-container')
        .first()
        .evaluate((container) => container.scrollLeft),
    ).toBe(0);
    await page.close();
  });
});

// The console's "Unsubscription Not Allowed" tab shows a reason on each row. One that no rule names is
// what the panel's title names: "reason not shown" would contradict the row.
describe.each([
  ['not-allowed-tab-en', intlHost, 'apig-gateway-sub', 'This resource is bound to a primary resource', 'Reason on the page'],
  ['not-allowed-tab-zh', chinaHost, 'apig-附属网关', '该资源为主资源的附属资源', '页面原因'],
] as const)('the panel of a row whose reason no rule names (%s)', (fixture, host, resource, reason, titleStart) => {
  it('is titled with the reason the page shows', async () => {
    const expected = loadExpected(fixturesDir, fixture);
    const page = await open(consoleUrl(host, { fixture }));
    await waitForAnnotatedRows(page, expected.rows.length);
    const row = page.locator('[data-unsub-lens]', { hasText: resource });
    expect(await row.getAttribute('data-unsub-lens')).toBe('caution');
    const button = row.locator(`.${BADGE_CLASS} button`).first();
    await button.focus();
    const panel = row.locator(`.${BADGE_CLASS} [id="${await button.getAttribute('aria-describedby')}"]`);
    await panel.waitFor({ state: 'visible', timeout: 2000 });
    const title = await panel.locator('h3').first().textContent();
    expect(title).toContain(titleStart);
    expect(title).toContain(reason);
    expect(await panel.textContent()).not.toMatch(/reason not shown|原因未显示/);
    await page.close();
  });
});

// The China site's five-day sub-tab: each row there says it can be unsubscribed in full within 5x24 h.
describe('the five-day sub-tab (five-day-tab-zh)', () => {
  it('badges every row "五天无理由", and the explanation gives the rules with the China site as source', async () => {
    const expected = loadExpected(fixturesDir, 'five-day-tab-zh');
    const page = await open(consoleUrl(chinaHost, { fixture: 'five-day-tab-zh' }));
    await waitForAnnotatedRows(page, expected.rows.length);
    const buttons = page.locator(`.${BADGE_CLASS} button`);
    await expect.poll(() => buttons.count()).toBe(expected.rows.length);
    expect(await buttons.allTextContents()).toEqual(expected.rows.map(() => '五天无理由'));
    const button = buttons.first();
    await button.focus();
    const panel = page.locator(`.${BADGE_CLASS} [id="${await button.getAttribute('aria-describedby')}"]`).first();
    await panel.waitFor({ state: 'visible', timeout: 2000 });
    const text = await panel.textContent();
    expect(text).toContain('5×24 小时内可无理由退订');
    expect(await panel.locator('a').first().getAttribute('href')).toBe(
      'https://support.huaweicloud.com/usermanual-billing/zh-cn_topic_0083138805.html',
    );
    await page.close();
  });
});

// What a screen reader gets, from Chromium's own accessibility tree, and the colours in a dark system theme.
describe('the badge for screen readers and in a dark system theme (intl-en-tiny)', () => {
  const expected = loadExpected(fixturesDir, 'intl-en-tiny');

  it('has the explanation as its accessible description, and says how many more reasons in words', async () => {
    const page = await open(consoleUrl(intlHost));
    await waitForAnnotatedRows(page, expected.rows.length);
    const index = expected.rows.findIndex((row) => row.rules.length > 1);
    expect(index).toBeGreaterThanOrEqual(0);
    const button = page.locator('[data-unsub-lens]').nth(index).locator(`.${BADGE_CLASS} button.badge`);
    await button.focus();
    await page.locator(`.${BADGE_CLASS} .panel`).first().waitFor({ state: 'visible', timeout: 2000 });
    const cdp = await page.context().newCDPSession(page);
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
      nodes: {
        role?: { value: string };
        name?: { value: string };
        description?: { value: string };
        focused?: boolean;
        properties?: { name: string; value: { value: unknown } }[];
      }[];
    };
    const label = await button.getAttribute('aria-label');
    const focused = nodes.find((node) => node.role?.value === 'button' && node.name?.value === label);
    expect(focused?.role?.value).toBe('button');
    expect(focused?.name?.value).toMatch(/^(Cannot unsubscribe|Check|Not here): .+, and \d more reasons?$/);
    // The description is the panel's text, not a label over it.
    const description = focused?.description?.value ?? '';
    expect(description.length).toBeGreaterThan(60);
    expect(description).toContain('2020-01-14');
    await cdp.detach();
    await page.close();
  });

  it('keeps light badges on the light console when the system is dark', async () => {
    const page = await open(consoleUrl(intlHost));
    await page.emulateMedia({ colorScheme: 'dark' });
    await waitForAnnotatedRows(page, expected.rows.length);
    const background = await page
      .locator(`.${BADGE_CLASS} button.blocked`)
      .first()
      .evaluate((b) => getComputedStyle(b).backgroundColor);
    // #fff1f0, the light scheme's blocked background.
    expect(background).toBe('rgb(255, 241, 240)');
    await page.close();
  });
});

// The bar above the table: counts, legend, and "show only rows that need attention".
describe('the summary bar (intl-en-tiny)', () => {
  const expected = loadExpected(fixturesDir, 'intl-en-tiny');
  const count = (verdict: string) => expected.rows.filter((row) => row.verdict === verdict).length;

  it('counts the rows, and hides and shows the allowed ones through its filter', async () => {
    const page = await open(consoleUrl(intlHost));
    await waitForAnnotatedRows(page, expected.rows.length);
    const bar = page.locator('[data-unsub-lens-bar]');
    await bar.waitFor();
    expect(await bar.locator('.chip.blocked').innerText()).toBe(`${count('blocked')} Cannot unsubscribe`);
    expect(await bar.locator('.chip.allowed').innerText()).toBe(`${count('allowed')} No rule`);
    // Just above the table component.
    expect(await bar.evaluate((host) => host.nextElementSibling?.tagName.toLowerCase())).toBe('ti-table');
    const allowed = page.locator('[data-unsub-lens="allowed"]');
    const visible = async () => (await allowed.evaluateAll((rows) => rows.filter((row) => (row as HTMLElement).offsetParent !== null))).length;
    expect(await visible()).toBe(count('allowed'));
    await bar.locator('.bar-filter').click();
    await expect.poll(visible).toBe(0);
    expect(await page.locator('[data-unsub-lens="blocked"]').first().isVisible()).toBe(true);
    await bar.locator('.bar-filter').click();
    await expect.poll(visible).toBe(count('allowed'));
    await page.close();
  });
});

// Ticking a row the list refuses: a short warning in the row, and the console's box stays ticked.
describe('the batch warning (intl-en-tiny)', () => {
  const expected = loadExpected(fixturesDir, 'intl-en-tiny');

  it('warns under the badge of a ticked blocked row that it will be refused, and why, until it is unticked', async () => {
    const page = await open(consoleUrl(intlHost));
    await waitForAnnotatedRows(page, expected.rows.length);
    const index = await page.evaluate(() =>
      [...document.querySelectorAll('[data-unsub-lens]')].findIndex(
        (row) =>
          row.getAttribute('data-unsub-lens') === 'blocked' && row.querySelector<HTMLInputElement>('input[type="checkbox"]')?.disabled === false,
      ),
    );
    expect(index).toBeGreaterThanOrEqual(0);
    const row = page.locator('[data-unsub-lens]').nth(index);
    const box = row.locator('input[type="checkbox"]');
    // The console draws its own box over the input: a click on the input itself, as its label passes it on.
    const tick = (on: boolean, target = box) => target.evaluate((input: HTMLInputElement, want) => input.checked !== want && input.click(), on);
    await tick(false);
    await tick(true);
    const warning = row.locator('.unsub-lens-warning .warning');
    await warning.waitFor();
    const reason = expected.rows[index]!.rules[0]!;
    expect(await warning.innerText()).toBe(`Will be refused: ${catalogData.rules.find((rule) => rule.id === reason)!.title.en}`);
    // Next to the badge, and the console's own control is untouched.
    expect(
      await row
        .locator('.unsub-lens-warning')
        .evaluate((host) => host.parentElement === host.parentElement!.querySelector('.unsub-lens-badge')?.parentElement),
    ).toBe(true);
    expect(await box.isChecked()).toBe(true);
    await tick(false);
    await expect.poll(() => row.locator('.unsub-lens-warning').count()).toBe(0);
    // An allowed row ticked gets no warning.
    const allowed = page.locator('[data-unsub-lens="allowed"]').first();
    await tick(true, allowed.locator('input[type="checkbox"]'));
    await page.waitForTimeout(100);
    expect(await allowed.locator('.unsub-lens-warning').count()).toBe(0);
    await page.close();
  });
});

describe('an open explanation while things scroll (intl-en-tiny)', () => {
  const expected = loadExpected(fixturesDir, 'intl-en-tiny');

  it('stays open when something else scrolls, follows its badge, and closes when the badge leaves the viewport', async () => {
    const page = await open(consoleUrl(intlHost));
    await waitForAnnotatedRows(page, expected.rows.length);
    // The summary bar comes with the first settled pass and moves the table down once.
    await page.locator('[data-unsub-lens-bar]').waitFor();
    const button = page.locator(`.${BADGE_CLASS} button`).first();
    const panel = page.locator(`.${BADGE_CLASS} .panel`).first();
    const box = (await button.boundingBox())!;
    await page.mouse.move(box.x + 8, box.y + box.height / 2);
    await panel.waitFor({ state: 'visible', timeout: 2000 });

    // A scrolling box elsewhere on the page (a menu, a log) scrolls; the badge does not move.
    await page.evaluate(() => {
      const box = Object.assign(document.createElement('div'), { id: 'elsewhere' });
      box.style.cssText = 'position:fixed;right:0;bottom:0;width:80px;height:40px;overflow:auto';
      box.append(Object.assign(document.createElement('div'), { style: 'height:400px' }));
      document.body.append(box);
      box.scrollTop = 120;
    });
    await page.waitForTimeout(300);
    expect(await panel.isVisible()).toBe(true);

    // Keyboard focus keeps it open while the page itself scrolls: it moves with its badge...
    await button.evaluate((b) => b.focus({ preventScroll: true }));
    await page.evaluate(() => window.scrollBy(0, 60));
    await page.waitForTimeout(100);
    expect(await panel.isVisible()).toBe(true);
    const [badge, explanation] = [(await button.boundingBox())!, (await panel.boundingBox())!];
    expect(Math.abs(explanation.y - (badge.y + badge.height + 4))).toBeLessThanOrEqual(1);

    // ...and closes once the badge is out of sight.
    await page.evaluate(() => window.scrollTo(0, document.scrollingElement!.scrollHeight));
    expect(await button.evaluate((b) => b.getBoundingClientRect().bottom)).toBeLessThan(0);
    await panel.waitFor({ state: 'hidden', timeout: 2000 });
    expect(await button.getAttribute('aria-expanded')).toBe('false');
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
    await page.waitForFunction(() => !document.querySelector('[data-unsub-lens], [data-unsub-lens-rules], .unsub-lens-badge'), null, {
      timeout: 5000,
    });
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
