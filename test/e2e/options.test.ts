// The options page in real Chromium: a rule switched off reaches the console page already open,
// a settings file with a mistake is refused whole, and the page works with the keyboard alone.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  consoleUrl,
  countOwnMarks,
  fixturesDir,
  intlHost,
  readAnnotatedRows,
  startHarness,
  waitForAnnotatedRows,
  type ExtensionGlobals,
  type Harness,
} from './harness';
import { loadExpected, settledRowMismatches, type ExpectedRow } from './support/expectations';
import { assertOnlyConsoleAndExtensionRequests } from './support/network';

const expected = loadExpected(fixturesDir, 'intl-en-tiny');
const SMN = 'service/simple-message-notification';
const english = { blocked: 'Blocked', caution: 'Check' };

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
});

// Each test starts from the default settings, whatever the one before left.
beforeEach(async () => {
  await harness.worker.evaluate(async () => {
    const { chrome } = globalThis as unknown as ExtensionGlobals;
    await chrome.storage.sync.clear();
  });
});

afterAll(async () => {
  await harness?.close();
});

async function openOptions(): Promise<Page> {
  const options = await harness.openPage(harness.extensionUrl('options.html'));
  await options.locator(`input[data-rule="${SMN}"]`).waitFor();
  return options;
}

const storedSettings = () =>
  harness.worker.evaluate(async () => {
    const { chrome } = globalThis as unknown as ExtensionGlobals;
    return JSON.stringify(await chrome.storage.sync.get(null));
  });

describe('switching a rule off', () => {
  it('updates the open console page at once, and switching it back on restores the row', async () => {
    const consolePage = await harness.openPage(consoleUrl(intlHost));
    await waitForAnnotatedRows(consolePage, expected.rows.length);
    const options = await openOptions();
    const smnSwitch = options.locator(`input[data-rule="${SMN}"]`);
    expect(await smnSwitch.isChecked()).toBe(true);

    await smnSwitch.uncheck();
    // Without its Table 1 entry the SMN row is explained only by its disabled Unsubscribe button:
    // the catalog's "unknown reason" check, not a certain block. Every other row stays as it was.
    const withoutSmn: ExpectedRow[] = expected.rows.map((row) =>
      row.rules.includes(SMN) ? { ...row, verdict: 'caution', rules: ['unknown-reason'] } : row,
    );
    expect(expected.rows.filter((row) => row.rules.includes(SMN))).toHaveLength(1);
    expect(await settledRowMismatches(() => readAnnotatedRows(consolePage), withoutSmn, { labels: english, timeout: 5000 })).toEqual([]);

    await smnSwitch.check();
    expect(await settledRowMismatches(() => readAnnotatedRows(consolePage), expected.rows, { labels: english, timeout: 5000 })).toEqual([]);
    await options.close();
    await consolePage.close();
  });
});

describe('the other settings, live on the open page', () => {
  it('the master switch, badges for allowed rows, the badge language and a rule of your own all apply without a reload', async () => {
    const consolePage = await harness.openPage(consoleUrl(intlHost));
    await waitForAnnotatedRows(consolePage, expected.rows.length);
    const options = await openOptions();
    const settled = (rows: readonly ExpectedRow[], more: Parameters<typeof settledRowMismatches>[2] = {}) =>
      settledRowMismatches(() => readAnnotatedRows(consolePage), rows, { labels: english, timeout: 5000, ...more });

    await options.locator('[data-setting="enabled"]').uncheck();
    await expect.poll(() => countOwnMarks(consolePage), { timeout: 5000 }).toEqual({ attributes: 0, badges: 0 });
    await options.locator('[data-setting="enabled"]').check();
    expect(await settled(expected.rows)).toEqual([]);

    await options.locator('[data-setting="showAllowed"]').check();
    expect(await settled(expected.rows, { showAllowed: true, labels: { ...english, allowed: 'No rule' } })).toEqual([]);
    await options.locator('[data-setting="showAllowed"]').uncheck();
    expect(await settled(expected.rows)).toEqual([]);

    await options.locator('[data-setting="language"][value="zh"]').check();
    expect(await settled(expected.rows, { labels: { blocked: '不可退订', caution: '请核实' } })).toEqual([]);
    // The options page itself speaks Chinese now.
    await expect.poll(() => options.locator('#general-title').innerText()).toBe('常规');
    await options.locator('[data-setting="language"][value="page"]').check();
    expect(await settled(expected.rows)).toEqual([]);

    // A rule of your own for a product no rule names: its row becomes a check.
    await options.locator('[data-action="add-rule"]').click();
    await options.keyboard.insertText('Elastic Cloud Server');
    await options.locator('.rule-editor input[value="caution"]').check();
    await options.locator('.rule-editor button[type="submit"]').click();
    // Every Elastic Cloud Server row lists the rule; one no other rule applied to becomes a check.
    const withOwnRule: ExpectedRow[] = expected.rows.map((row) =>
      row.product === 'Elastic Cloud Server'
        ? { ...row, verdict: row.verdict === 'allowed' ? 'caution' : row.verdict, rules: [...row.rules, 'user/elastic-cloud-server'] }
        : row,
    );
    expect(withOwnRule.filter((row) => row.verdict === 'caution' && row.rules.join() === 'user/elastic-cloud-server')).not.toHaveLength(0);
    expect(await settled(withOwnRule)).toEqual([]);
    await options.locator('[data-user-rule="elastic-cloud-server"] [data-action="remove-rule"]').click();
    expect(await settled(expected.rows)).toEqual([]);
    await options.close();
    await consolePage.close();
  });
});

describe('importing a settings file', () => {
  it('shows what is wrong with an invalid file and changes nothing, not even its valid parts', async () => {
    const consolePage = await harness.openPage(consoleUrl(intlHost));
    await waitForAnnotatedRows(consolePage, expected.rows.length);
    const options = await openOptions();
    const before = await storedSettings();

    // "disabledRules" alone would be a valid change; "enabled" is not a boolean.
    const file = JSON.stringify({ format: 'unsub-lens-settings', version: 1, enabled: 'yes', disabledRules: ['trial'] });
    await options
      .locator('input[type="file"]')
      .setInputFiles({ name: 'broken-settings.json', mimeType: 'application/json', buffer: Buffer.from(file) });

    const errors = options.locator('.import-errors');
    await errors.locator('.error-text').waitFor({ timeout: 5000 });
    const text = await errors.innerText();
    expect(text).toContain('broken-settings.json');
    expect(text).toMatch(/enabled/);
    expect(text).toMatch(/true or false/);

    expect(await storedSettings()).toBe(before);
    expect(await options.locator('input[data-rule="trial"]').isChecked()).toBe(true);
    // The page still applies the trial rule.
    await consolePage.waitForTimeout(300);
    expect(await settledRowMismatches(() => readAnnotatedRows(consolePage), expected.rows, { labels: english, timeout: 1000 })).toEqual([]);
    await options.close();
    await consolePage.close();
  });
});

/**
 * Runs in the page: the focused element, whether it shows a focus ring of at least 2px, and whether it
 * is in view and not under the sticky header.
 */
function focusedInPage() {
  const element = document.activeElement as HTMLElement | null;
  if (!element || element === document.body) return null;
  const style = getComputedStyle(element);
  const rect = element.getBoundingClientRect();
  const header = document.querySelector('.page-head')!;
  const headerBottom = header.contains(element) ? 0 : header.getBoundingClientRect().bottom;
  const label = (element.getAttribute('aria-label') ?? element.getAttribute('data-rule') ?? element.textContent ?? '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 40);
  return {
    what: `${element.tagName.toLowerCase()}[${element.getAttribute('type') ?? ''}] "${label}"`,
    ringWidth: style.outlineStyle === 'none' ? 0 : parseFloat(style.outlineWidth),
    // Its top in view and below the header (a pixel or two of border aside); Chromium brings a text
    // box's first line into view, not all of it.
    hidden: rect.top < headerBottom - 2 || rect.top > innerHeight - 10,
  };
}

describe('two options pages open at once', () => {
  it("loses neither page's edits when both save at the same moment, and both end up showing what is stored", async () => {
    const first = await openOptions();
    const second = await openOptions();
    const ids = await first.locator('input[data-rule]').evaluateAll((inputs) => inputs.slice(0, 8).map((input) => input.getAttribute('data-rule')!));
    // Each page switches rules off in turn, the two clicks of a pair at once: their saves meet.
    for (let i = 0; i < ids.length; i += 2)
      await Promise.all([first.locator(`input[data-rule="${ids[i]}"]`).click(), second.locator(`input[data-rule="${ids[i + 1]}"]`).click()]);
    await expect
      .poll(async () => (JSON.parse(await storedSettings()) as { settings?: { disabledRules?: string[] } }).settings?.disabledRules?.sort(), {
        timeout: 10_000,
      })
      .toEqual([...ids].sort());
    for (const page of [first, second]) {
      await expect
        .poll(() =>
          page.locator('input[data-rule]:not(:checked)').evaluateAll((inputs) => inputs.map((input) => input.getAttribute('data-rule')).sort()),
        )
        .toEqual([...ids].sort());
      // No page is left saying a save failed or conflicts (a page redrawn for the other's change says nothing).
      expect(await page.locator('.save-status').getAttribute('data-state')).not.toMatch(/^(error|conflict)$/);
    }
    await first.close();
    await second.close();
  });

  it('keeps aside, and does not adopt, settings a newer version writes while the page is open', async () => {
    const options = await openOptions();
    await options.locator(`input[data-rule="${SMN}"]`).click();
    await expect
      .poll(async () => (JSON.parse(await storedSettings()) as { settings?: { disabledRules?: string[] } }).settings?.disabledRules)
      .toEqual([SMN]);
    const future = { enabled: false, rules: { trial: 'off' } };
    await harness.worker.evaluate(async (value) => {
      const { chrome } = globalThis as unknown as ExtensionGlobals;
      await chrome.storage.sync.set({ settings: value, settings$: { v: 99, rev: 50 } });
    }, future);
    const notice = options.locator('[data-notice="rejected"]');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('export them first');
    // This page's own settings stay on screen: the rule is still off, the defaults were not adopted.
    expect(await options.locator(`input[data-rule="${SMN}"]`).isChecked()).toBe(false);
    const kept = await harness.worker.evaluate(async () => {
      const { chrome } = globalThis as unknown as ExtensionGlobals;
      return JSON.stringify((await chrome.storage.local.get('settingsRejected')).settingsRejected);
    });
    expect(JSON.parse(kept)).toMatchObject({ kind: 'newer-version', version: 99, value: future });
    await options.close();
  });
});

describe('sections, the rule filter and the column names', () => {
  it('has a side navigation to every section, and marks the section scrolled to as current', async () => {
    const options = await openOptions();
    await options.setViewportSize({ width: 1100, height: 700 });
    const links = options.locator('.side-nav a');
    expect(await links.allTextContents()).toEqual(['General', 'Rules', 'Your own rules', 'Console column names', 'Import, export, reset']);
    expect(await options.locator('.side-nav a[aria-current]').textContent()).toBe('General');
    await options.locator('.side-nav a', { hasText: 'Console column names' }).click();
    await expect.poll(() => options.locator('.side-nav a[aria-current]').textContent()).toBe('Console column names');
    // The section starts below the sticky header, not under it, in the top half of the window (as
    // near the header as the end of the page allows).
    const [headBottom, sectionTop, height] = await options.evaluate(() => [
      document.querySelector('.page-head')!.getBoundingClientRect().bottom,
      document.getElementById('headers')!.getBoundingClientRect().top,
      innerHeight,
    ]);
    expect(sectionTop).toBeGreaterThanOrEqual(headBottom - 1);
    expect(sectionTop).toBeLessThan(height / 2);
    // Back up to the rules by their link.
    await options.locator('.side-nav a[href="#rules"]').click();
    await expect.poll(() => options.locator('.side-nav a[aria-current]').textContent()).toBe('Rules');
    // The navigation stays in view beside the cards.
    expect(await links.first().isVisible()).toBe(true);
    expect((await links.first().boundingBox())!.y).toBeGreaterThan(0);
    await options.close();
  });

  it('filters the rules as you type, says how many it shows, and Escape brings them all back', async () => {
    const options = await openOptions();
    const total = await options.locator('input[data-rule]').count();
    const filter = options.getByLabel('Filter rules');
    await filter.fill('SMN');
    const shownRules = () =>
      options.locator('input[data-rule]:visible').evaluateAll((inputs) => inputs.map((input) => input.getAttribute('data-rule')));
    expect(await shownRules()).toEqual([SMN]);
    expect(await options.locator('[data-filter-count]').textContent()).toBe(`Showing 1 of ${total} rules`);
    // Only the group of the rule shown is left.
    expect(await options.locator('.rule-group:visible').evaluateAll((groups) => groups.map((group) => group.getAttribute('data-group')))).toEqual([
      'service',
    ]);
    await filter.fill('消息通知');
    expect(await shownRules()).toEqual([SMN]);
    await filter.fill('asdfqwer');
    expect(await shownRules()).toEqual([]);
    expect(await options.locator('[data-filter-none]').textContent()).toBe('No rule matches “asdfqwer”.');
    await filter.press('Escape');
    expect(await shownRules()).toHaveLength(total);
    expect(await options.locator('[data-filter-none]').isVisible()).toBe(false);
    await options.close();
  });

  it("shows each rule's source and edition, and its whole explanation on click, where two lines cut it", async () => {
    const options = await openOptions();
    await options.setViewportSize({ width: 700, height: 700 });
    const sources = await options.locator('[data-rule-item] .source').allTextContents();
    expect(sources).toHaveLength(await options.locator('input[data-rule]').count());
    for (const source of sources) expect(source).toMatch(/^Source: .+, edition \d{4}-\d{2}-\d{2}$/);
    const toggle = options.locator('[data-rule-item] button[aria-expanded]:visible').first();
    const hint = options.locator(`#${await toggle.getAttribute('aria-controls')}`);
    const cut = () => hint.evaluate((element) => element.scrollHeight > element.clientHeight + 1);
    expect(await cut()).toBe(true);
    expect(await toggle.textContent()).toBe('Full text');
    await toggle.click();
    expect(await cut()).toBe(false);
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await toggle.textContent()).toBe('Less');
    // A text the two lines do not cut offers nothing to open.
    const short = options.locator(`[data-rule-item="free"]`);
    expect(await short.locator('button[aria-expanded]:visible').count()).toBe(0);
    await options.close();
  });

  it('keeps the column-name boxes closed until used, opens one by keyboard, and keeps a used one open', async () => {
    const options = await openOptions();
    expect(await options.locator('details[data-column-row][open]').count()).toBe(0);
    expect(await options.locator('textarea[data-column]:visible').count()).toBe(0);
    await options.locator('details[data-column-row="status"] > summary').focus();
    await options.keyboard.press('Enter');
    const box = options.locator('textarea[data-column="status"]');
    expect(await box.isVisible()).toBe(true);
    await box.fill('Lifecycle');
    await box.press('Tab');
    await expect
      .poll(async () => (JSON.parse(await storedSettings()) as { settings?: { extraHeaders?: Record<string, string[]> } }).settings?.extraHeaders)
      .toEqual({ status: ['Lifecycle'] });
    await options.reload();
    await options.locator(`input[data-rule="${SMN}"]`).waitFor();
    expect(
      await options.locator('details[data-column-row][open]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-column-row'))),
    ).toEqual(['status']);
    expect(await options.locator('details[data-column-row="status"] .count-pill').textContent()).toBe('1 added');
    await options.close();
  });
});

describe('look and feel', () => {
  it('can be used with the keyboard alone: every control reached shows a focus ring, in view and not under the header', async () => {
    const options = await openOptions();
    await options.setViewportSize({ width: 900, height: 600 });
    await options.locator('.side-nav a').first().focus();
    const stops: NonNullable<ReturnType<typeof focusedInPage>>[] = [];
    for (let i = 0; i < 400; i++) {
      const stop = await options.evaluate(focusedInPage);
      if (!stop) break;
      stops.push(stop);
      await options.keyboard.press('Tab');
    }
    const names = stops.map((stop) => stop.what).join('\n');
    for (const expected of [
      'a[] "General"',
      'input[checkbox]',
      'input[radio]',
      'input[search]',
      SMN,
      'a[] "Source: Table 1',
      'Add a rule',
      'summary[] "Status"',
      'Export',
      'Import',
      'Reset',
    ])
      expect(names).toContain(expected);
    expect(stops.filter((stop) => stop.ringWidth < 2).map((stop) => stop.what)).toEqual([]);
    expect(stops.filter((stop) => stop.hidden).map((stop) => stop.what)).toEqual([]);

    // Shift+Tab back up the page: controls come out from under the sticky header too.
    const back: NonNullable<ReturnType<typeof focusedInPage>>[] = [];
    for (let i = 0; i < 40; i++) {
      await options.keyboard.press('Shift+Tab');
      const stop = await options.evaluate(focusedInPage);
      if (stop) back.push(stop);
    }
    expect(back.filter((stop) => stop.hidden).map((stop) => stop.what)).toEqual([]);
    await options.close();
  });

  it('adds a rule with the keyboard, and writes out the invisible characters of a refused name', async () => {
    const options = await openOptions();
    await options.locator('[data-action="add-rule"]').focus();
    await options.keyboard.press('Enter');
    // The editor opens with the name box focused.
    await options.keyboard.insertText('\u200Bx\u200B');
    await options.keyboard.press('Enter');
    const errors = options.locator('.form-errors');
    await expect
      .poll(() => errors.innerText())
      .toBe('Name: "\\u200Bx\\u200B" would match every product: a name needs at least two letters or digits');
    expect(await options.evaluate(() => document.activeElement?.getAttribute('aria-invalid'))).toBe('true');

    const longName = `Cloud-${'Phone-'.repeat(15)}Host`;
    await options.keyboard.press('Control+A');
    await options.keyboard.insertText(longName);
    await options.keyboard.press('Enter');
    const saved = options.locator('.rule-list li').filter({ hasText: longName });
    await saved.waitFor();
    expect(await options.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    const fits = await saved.evaluate((item) => item.getBoundingClientRect().right <= item.closest('.card')!.getBoundingClientRect().right);
    expect(fits).toBe(true);
    await options.locator('.rule-list [data-action="remove-rule"]').click();
    await expect.poll(() => options.locator('.rule-list li').count()).toBe(0);
    await options.close();
  });

  it("follows the system's dark or light scheme", async () => {
    const options = await openOptions();
    const colours = () =>
      options.evaluate(() => [getComputedStyle(document.body).backgroundColor, getComputedStyle(document.querySelector('.card')!).backgroundColor]);
    await options.emulateMedia({ colorScheme: 'dark' });
    expect(await colours()).toEqual(['rgb(42, 44, 49)', 'rgb(31, 32, 36)']);
    await options.emulateMedia({ colorScheme: 'light' });
    expect(await colours()).toEqual(['rgb(245, 246, 248)', 'rgb(255, 255, 255)']);
    await options.close();
  });
});

it('made no network request and caused no console error', () => {
  assertOnlyConsoleAndExtensionRequests(harness);
  expect(harness.consoleErrors).toEqual([]);
});
