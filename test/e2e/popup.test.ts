// The popup in real Chromium, opened as a tab that names the console tab it talks about
// (popup.html?tabId=): the look-up, the summary of the page open in that tab, the toolbar button,
// and what only a real layout shows: keyboard use, focus rings, long names, no jumps, dark mode.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  chinaHost,
  consoleUrl,
  fixturesDir,
  intlHost,
  startHarness,
  unsubscriptionsRoute,
  waitForAnnotatedRows,
  type ExtensionGlobals,
  type Harness,
} from './harness';
import { loadExpected } from './support/expectations';
import { assertOnlyConsoleAndExtensionRequests } from './support/network';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness?.close();
});

async function openPopupFor(page: Page): Promise<Page> {
  const tabId = await harness.tabIdOf(page);
  return harness.openPage(harness.extensionUrl(`popup.html?tabId=${tabId}`));
}

const optionRules = (popup: Page) =>
  popup.locator('.results [role="option"]').evaluateAll((options) => options.map((option) => option.getAttribute('data-rule')));

describe('look-up', () => {
  it('finds Simple Message Notification by its abbreviation and by its Chinese name, as a service that cannot be unsubscribed', async () => {
    const consolePage = await harness.openPage(consoleUrl(intlHost));
    const popup = await openPopupFor(consolePage);
    const box = popup.getByRole('combobox');

    for (const query of ['SMN', '消息通知服务']) {
      await box.fill(query);
      await popup.locator('.results [role="option"]').first().waitFor();
      expect((await optionRules(popup))[0], query).toBe('service/simple-message-notification');
      const first = await popup.locator('.results [role="option"]').first().innerText();
      expect(first).toContain('Simple Message Notification');
      expect(first).toContain('Cannot unsubscribe');
    }

    // Enter opens the highlighted result with its explanation and source.
    await box.press('Enter');
    const detail = popup.locator('.hit-detail');
    await detail.waitFor();
    expect(await detail.getAttribute('data-rule')).toBe('service/simple-message-notification');
    expect(await detail.innerText()).toContain('Table 1');
    await popup.close();
    await consolePage.close();
  });
});

describe.each([
  ['intl-en-tiny', intlHost],
  ['cn-zh-tiny', chinaHost],
] as const)('page summary of %s', (fixture, host) => {
  const expected = loadExpected(fixturesDir, fixture);
  const count = (verdict: string) => expected.rows.filter((row) => row.verdict === verdict).length;

  it('counts the rows by verdict and lists every row that is not allowed, by name', async () => {
    const consolePage = await harness.openPage(consoleUrl(host));
    await waitForAnnotatedRows(consolePage, expected.rows.length);
    const popup = await openPopupFor(consolePage);
    const summary = popup.locator('.summary');
    await summary.waitFor();

    expect(await summary.locator('.count-blocked .count-number').innerText()).toBe(String(count('blocked')));
    expect(await summary.locator('.count-caution .count-number').innerText()).toBe(String(count('caution')));
    expect(await summary.locator('.count-allowed .count-number').innerText()).toBe(String(count('allowed')));

    const listed = await summary.locator('.rows li').allInnerTexts();
    const notAllowed = expected.rows.filter((row) => row.verdict !== 'allowed');
    expect(listed).toHaveLength(notAllowed.length);
    notAllowed.forEach((row, i) => expect(listed[i]).toContain(row.resource));
    await popup.close();
    await consolePage.close();
  });
});

it('filters the console page by the count pressed in the popup, the bar saying so, and shows all again', async () => {
  const expected = loadExpected(fixturesDir, 'intl-en-tiny');
  const consolePage = await harness.openPage(consoleUrl(intlHost));
  await waitForAnnotatedRows(consolePage, expected.rows.length);
  const popup = await openPopupFor(consolePage);
  await popup.locator('.summary').waitFor();
  // The verdicts of the rows a user can see on the console page (hidden rows are not laid out).
  const visibleVerdicts = () =>
    consolePage
      .locator('tr[data-unsub-lens]')
      .evaluateAll((rows) => rows.filter((row) => (row as HTMLElement).offsetParent !== null).map((row) => row.getAttribute('data-unsub-lens')));
  await popup.locator('.count[data-verdict="blocked"]').click();
  const blocked = expected.rows.filter((row) => row.verdict === 'blocked').length;
  await expect.poll(visibleVerdicts).toEqual(Array(blocked).fill('blocked'));
  expect(await consolePage.locator('[data-unsub-lens-bar] .bar-note').innerText()).toBe('Only “Cannot unsubscribe” rows are shown.');
  // Opened again, the popup shows the same count pressed.
  await popup.reload();
  await popup.locator('.summary').waitFor();
  expect(await popup.locator('.count[data-verdict="blocked"]').getAttribute('aria-pressed')).toBe('true');
  await popup.locator('.count[data-verdict="blocked"]').click();
  await expect.poll(async () => (await visibleVerdicts()).length).toBe(expected.rows.length);
  expect(await consolePage.locator('[data-unsub-lens-bar] .bar-note').isVisible()).toBe(false);
  await popup.close();
  await consolePage.close();
});

it("shows the page summary first, its counts and every blocked and check row inside Chrome's 600 px popup", async () => {
  const expected = loadExpected(fixturesDir, 'intl-en-tiny');
  const consolePage = await harness.openPage(consoleUrl(intlHost));
  await waitForAnnotatedRows(consolePage, expected.rows.length);
  const popup = await openPopupFor(consolePage);
  await popup.setViewportSize({ width: 800, height: 600 });
  await popup.locator('.summary').waitFor();
  const layout = await popup.evaluate(() => {
    const box = (selector: string) => [...document.querySelectorAll(selector)].map((element) => element.getBoundingClientRect().bottom);
    return {
      first: document.querySelector('main > section, body > main > *:not(header)')?.className,
      order: [...document.querySelectorAll('.page, .lookup')].map((element) => element.className.split(' ')[0]),
      counts: box('.summary .counts'),
      rows: box('.summary .rows li'),
      scrolled: document.scrollingElement!.scrollTop,
    };
  });
  await popup.screenshot({ path: '/tmp/popup600.png' });
  expect(layout.order).toEqual(['page', 'lookup']);
  expect(layout.rows).toHaveLength(expected.rows.filter((row) => row.verdict !== 'allowed').length);
  for (const bottom of [...layout.counts, ...layout.rows]) expect(bottom).toBeLessThanOrEqual(600);
  expect(layout.scrolled).toBe(0);
  await popup.close();
  await consolePage.close();
});

it('says "No resources on this page" for a table that is legitimately empty, with no exports', async () => {
  const consolePage = await harness.openPage(consoleUrl(chinaHost, { fixture: 'empty' }));
  // No row gets a mark on an empty table: give the content script the moment it takes to read it.
  await consolePage.waitForTimeout(1500);
  const popup = await openPopupFor(consolePage);
  const hint = popup.locator('.summary [data-empty="table"]');
  await hint.waitFor({ timeout: 5000 });
  expect(await hint.innerText()).toBe('No resources on this page.');
  expect(await popup.locator(`[data-action="export-seen"]`).isVisible()).toBe(false);
  expect(await popup.locator('.summary .actions').count()).toBe(0);
  expect(await popup.locator('details.diagnostics').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
  await popup.close();
  await consolePage.close();
});

it('says the summary needs the Unsubscriptions page when the tab shows another console page', async () => {
  const consolePage = await harness.openPage(consoleUrl(intlHost, { hash: '#/userindex/overview' }));
  const popup = await openPopupFor(consolePage);
  await popup.locator('.not-page').waitFor({ timeout: 5000 });
  expect(await popup.locator('.summary').count()).toBe(0);
  await popup.close();
  await consolePage.close();
});

/**
 * Runs in the page: for the focused element, whether a focus indicator is drawn (an outline of at
 * least 2px) and not cut off by a scrolling or clipping ancestor; and where it is.
 */
function focusedInPage() {
  const element = document.activeElement as HTMLElement | null;
  if (!element || element === document.body) return null;
  const style = getComputedStyle(element);
  const width = style.outlineStyle === 'none' ? 0 : parseFloat(style.outlineWidth);
  const reach = width + parseFloat(style.outlineOffset || '0');
  const rect = element.getBoundingClientRect();
  const ring = { left: rect.left - reach, top: rect.top - reach, right: rect.right + reach, bottom: rect.bottom + reach };
  const clippedBy: string[] = [];
  for (let parent = element.parentElement; parent; parent = parent.parentElement) {
    const { overflowX, overflowY } = getComputedStyle(parent);
    if (overflowX === 'visible' && overflowY === 'visible') continue;
    if (parent === document.body || parent === document.documentElement) continue;
    const box = parent.getBoundingClientRect();
    if (ring.left < box.left - 0.5 || ring.right > box.right + 0.5 || ring.top < box.top - 0.5 || ring.bottom > box.bottom + 0.5)
      clippedBy.push(parent.className || parent.tagName);
  }
  const label = (element.getAttribute('aria-label') ?? element.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
  return {
    what: `${element.tagName.toLowerCase()}${element.id ? '#' + element.id : ''}${element.className ? '.' + element.className.split(' ').join('.') : ''} "${label}"`,
    ringWidth: width,
    clippedBy,
    top: rect.top,
    height: rect.height,
  };
}

/** Tabs through the page from where the focus is, until it comes back; what each stop looked like. */
async function tabThrough(page: Page, limit = 60) {
  const stops: NonNullable<ReturnType<typeof focusedInPage>>[] = [];
  const first = await page.evaluate(focusedInPage);
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(focusedInPage);
    if (!stop || (first && stop.what === first.what && stops.length)) break;
    stops.push(stop);
  }
  return stops;
}

describe('look and feel', () => {
  it('can be used with the keyboard alone, every stop showing a focus ring that nothing cuts off', async () => {
    const consolePage = await harness.openPage(consoleUrl(intlHost));
    await waitForAnnotatedRows(consolePage, 13);
    const popup = await openPopupFor(consolePage);
    await popup.locator('.summary').waitFor();
    // Open the folded panels with the keyboard, so their controls are in the tab order too.
    for (const panel of ['.check', '.checklist', '.diagnostics']) {
      await popup.locator(`${panel} > summary`).focus();
      await popup.keyboard.press('Enter');
    }
    // From the top: on the Unsubscriptions page the summary comes before the search box.
    await popup.locator('header .link-button').focus();
    const stops = await tabThrough(popup);
    const names = stops.map((stop) => stop.what);
    for (const expected of [
      'summary "Check a resource',
      'input#product',
      'select#billing',
      'select#status',
      'summary "Conditions',
      'button.row',
      'summary "Diagnostics',
      'Export CSV',
      'Copy report',
    ])
      expect(names.join('\n')).toContain(expected);
    expect(stops.filter((stop) => stop.ringWidth < 2).map((stop) => stop.what)).toEqual([]);
    expect(stops.filter((stop) => stop.clippedBy.length).map((stop) => `${stop.what} cut by ${stop.clippedBy.join(', ')}`)).toEqual([]);

    // Enter on a row of the summary shows it on the page, and says so.
    await popup.locator('button.row').first().focus();
    await popup.keyboard.press('Enter');
    await expect.poll(() => popup.locator('.summary .status').innerText()).toMatch(/^Row 1 /);
    await popup.close();
    await consolePage.close();
  });

  it('does not move the box or anything below it while typing, opening a result and going back', async () => {
    const popup = await harness.openPage(harness.extensionUrl('popup.html?tabId=999999'));
    await popup.locator('.not-page').waitFor({ timeout: 5000 });
    const positions = () =>
      popup.evaluate(() =>
        ['.search', '.results', '.check', '.checklist', '.page'].map((selector) => {
          const rect = document.querySelector(selector)!.getBoundingClientRect();
          return `${selector} ${rect.top} ${rect.height}`;
        }),
      );
    const box = popup.locator('.search');
    const before = await positions();
    for (const step of ['S', 'SM', 'SMN', 'anti ddos', 'no product is called this', '']) {
      await box.fill(step);
      expect(await positions(), step).toEqual(before);
    }
    await box.fill('SMN');
    await box.press('Enter');
    await popup.locator('.hit-detail').waitFor();
    expect(await positions(), 'opened').toEqual(before);
    await box.press('ArrowDown');
    expect(await positions(), 'back').toEqual(before);
    await popup.close();
  });

  it('keeps a very long resource name on one line, cut with an ellipsis, whole in its title, the popup no wider', async () => {
    const consolePage = await harness.openPage(consoleUrl(intlHost, { fixture: 'hostile' }));
    const expected = loadExpected(fixturesDir, 'hostile');
    await waitForAnnotatedRows(consolePage, expected.rows.length);
    const popup = await openPopupFor(consolePage);
    await popup.locator('.summary').waitFor();
    const layout = await popup.evaluate(() => {
      const body = document.body.getBoundingClientRect();
      const names = [...document.querySelectorAll<HTMLElement>('.row-head strong')];
      const long = names.find((name) => name.textContent.length >= 150)!;
      const row = long.closest('button')!.getBoundingClientRect();
      const rows = document.querySelector('.rows')!;
      return {
        pageScrollsSideways: document.documentElement.scrollWidth > document.documentElement.clientWidth,
        outside: [...document.querySelectorAll<HTMLElement>('#app *')]
          .filter((element) => !element.closest('.rows, .results') && element.getBoundingClientRect().right > body.right + 0.5)
          .map((element) => element.className || element.tagName),
        rowsScrollSideways: rows.scrollWidth > rows.clientWidth,
        cut: long.scrollWidth > long.clientWidth,
        title: long.title,
        text: long.textContent,
        rowHeight: row.height,
        rowInside: row.left >= body.left && row.right <= body.right,
      };
    });
    expect(layout.pageScrollsSideways).toBe(false);
    expect(layout.outside).toEqual([]);
    expect(layout.rowsScrollSideways).toBe(false);
    expect(layout.cut).toBe(true);
    expect(layout.title).toBe(layout.text);
    expect(layout.title).toMatch(/^ecs-very-long-resource-name-segment-000-.*…$/);
    expect(layout.title.length).toBe(200);
    expect(layout.rowHeight).toBeLessThan(90);
    expect(layout.rowInside).toBe(true);
    await popup.close();
    await consolePage.close();
  });

  it("follows the system's dark or light scheme", async () => {
    const popup = await harness.openPage(harness.extensionUrl('popup.html?tabId=999999'));
    const colours = () => popup.evaluate(() => [getComputedStyle(document.body).backgroundColor, getComputedStyle(document.body).color]);
    await popup.emulateMedia({ colorScheme: 'dark' });
    expect(await colours()).toEqual(['rgb(31, 32, 36)', 'rgb(230, 232, 236)']);
    await popup.emulateMedia({ colorScheme: 'light' });
    expect(await colours()).toEqual(['rgb(255, 255, 255)', 'rgb(37, 43, 58)']);
    await popup.close();
  });
});

describe('the toolbar button', () => {
  const badgeText = (tabId: number) =>
    harness.worker.evaluate(async (id) => {
      const { chrome } = globalThis as unknown as ExtensionGlobals;
      return chrome.action.getBadgeText({ tabId: id });
    }, tabId);

  it('shows the number of rows that cannot be unsubscribed, and clears it when the tab leaves the page', async () => {
    const consolePage = await harness.openPage(consoleUrl(intlHost));
    const expected = loadExpected(fixturesDir, 'intl-en-tiny');
    await waitForAnnotatedRows(consolePage, expected.rows.length);
    const tabId = await harness.tabIdOf(consolePage);
    const blocked = expected.rows.filter((row) => row.verdict === 'blocked').length;
    await expect.poll(() => badgeText(tabId)).toBe(String(blocked));

    // Another route of the console (the single-page app changes only the hash).
    await consolePage.evaluate(() => (location.hash = '#/userindex/overview'));
    await expect.poll(() => badgeText(tabId)).toBe('');
    await consolePage.evaluate((hash) => (location.hash = hash), unsubscriptionsRoute);
    await expect.poll(() => badgeText(tabId)).toBe(String(blocked));

    // Another page altogether.
    await consolePage.goto('about:blank');
    await expect.poll(() => badgeText(tabId)).toBe('');
    await consolePage.close();
  });

  it('opens the popup with a keyboard shortcut', async () => {
    const commands = await harness.worker.evaluate(async () => {
      const { chrome } = globalThis as unknown as ExtensionGlobals;
      return chrome.commands.getAll();
    });
    expect(commands.find((command) => command.name === '_execute_action')?.shortcut).toBe('Alt+Shift+U');
  });
});

it('made no network request and caused no console error', () => {
  assertOnlyConsoleAndExtensionRequests(harness);
  expect(harness.consoleErrors).toEqual([]);
});
