// The popup in real Chromium, opened as a tab that names the console tab it talks about
// (popup.html?tabId=): the look-up, and the summary of the page open in that tab.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chinaHost, consoleUrl, fixturesDir, intlHost, startHarness, waitForAnnotatedRows, type Harness } from './harness';
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

const optionRules = (popup: Page) => popup.locator('.results [role="option"]').evaluateAll((options) => options.map((option) => option.getAttribute('data-rule')));

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

it('says the summary needs the Unsubscriptions page when the tab shows another console page', async () => {
  const consolePage = await harness.openPage(consoleUrl(intlHost, { hash: '#/userindex/overview' }));
  const popup = await openPopupFor(consolePage);
  await popup.locator('.not-page').waitFor({ timeout: 5000 });
  expect(await popup.locator('.summary').count()).toBe(0);
  await popup.close();
  await consolePage.close();
});

it('made no network request and caused no console error', () => {
  assertOnlyConsoleAndExtensionRequests(harness);
  expect(harness.consoleErrors).toEqual([]);
});
