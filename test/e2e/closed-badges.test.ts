// Chromium run as a user runs it (no automation flag, navigator.webdriver false): the badges' shadow
// roots are closed, so the console's own scripts cannot read or rewrite what a badge says, and the
// badge still opens its explanation for the mouse and the keyboard. The other browser tests run under
// automation, where the roots are open for them to read.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { BADGE_CLASS, consoleUrl, fixturesDir, intlHost, startHarness, waitForAnnotatedRows, type Harness } from './harness';
import { loadExpected } from './support/expectations';

const expected = loadExpected(fixturesDir, 'intl-en-tiny');
let harness: Harness;

beforeAll(async () => {
  harness = await startHarness({ asUser: true });
});

afterAll(async () => {
  await harness?.close();
});

/** What the page sees at a point below the first badge: the badge itself when its explanation is open there. */
const underFirstBadge = (page: Page) =>
  page.evaluate((badgeClass) => {
    const badge = document.querySelector(`.${badgeClass}`)!;
    const rect = badge.getBoundingClientRect();
    const hit = document.elementFromPoint(rect.left + 12, rect.bottom + 24);
    return hit === badge ? 'badge' : 'page';
  }, BADGE_CLASS);

it('keeps every badge in a closed shadow root the page cannot open', async () => {
  const page = await harness.openPage(consoleUrl(intlHost));
  await waitForAnnotatedRows(page, expected.rows.length);
  const seen = await page.evaluate((badgeClass) => {
    const badges = [...document.querySelectorAll(`.${badgeClass}`)];
    return { webdriver: navigator.webdriver, badges: badges.length, open: badges.filter((badge) => badge.shadowRoot !== null).length };
  }, BADGE_CLASS);
  expect(seen.webdriver).toBe(false);
  expect(seen.badges).toBe(expected.rows.filter((row) => row.verdict !== 'allowed').length);
  expect(seen.open).toBe(0);
  await page.close();
});

it('opens the explanation on a click and closes it with Escape, and opens it for the keyboard', async () => {
  const page = await harness.openPage(consoleUrl(intlHost));
  await waitForAnnotatedRows(page, expected.rows.length);
  const badge = page.locator(`.${BADGE_CLASS}`).first();
  await badge.scrollIntoViewIfNeeded();
  expect(await underFirstBadge(page)).toBe('page');
  await badge.click();
  await expect.poll(() => underFirstBadge(page)).toBe('badge');
  await page.keyboard.press('Escape');
  await expect.poll(() => underFirstBadge(page)).toBe('page');
  // Tab reaches the badge's button (the page sees only the host) and focus shows the explanation.
  const row = page.locator('[data-unsub-lens]').filter({ has: badge }).first();
  await row.locator('a').first().focus();
  const badgeFocused = () => page.evaluate((badgeClass) => document.activeElement === document.querySelector(`.${badgeClass}`), BADGE_CLASS);
  for (let i = 0; i < 10 && !(await badgeFocused()); i++) await page.keyboard.press('Tab');
  expect(await badgeFocused()).toBe(true);
  await expect.poll(() => underFirstBadge(page)).toBe('badge');
  await page.close();
});
