// The first-run page in real Chromium: the install opens it once, in front; it says what the
// extension does and where, links both sites' Unsubscriptions pages and the options, and keeps the
// privacy promise (no request of its own).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { defaultFixtures, fixturesDir, intlHost, startHarness, waitForAnnotatedRows, type Harness } from './harness';
import { loadExpected } from './support/expectations';
import { assertOnlyConsoleAndExtensionRequests } from './support/network';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness({ keepWelcome: true });
});

afterAll(async () => {
  await harness?.close();
});

it('opens once on install, and says what the extension does, where, and what it never does', async () => {
  const welcome = harness.welcome!;
  expect(welcome, 'the install opened no first-run page').toBeDefined();
  await welcome.locator('h1').waitFor();
  expect(await welcome.locator('h1').textContent()).toBe('Unsub Lens is ready');
  expect(await welcome.title()).toBe('Unsub Lens is ready');
  expect(await welcome.locator('a.open-page').evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href))).toEqual([
    'https://account-intl.huaweicloud.com/usercenter/#/userindex/retreatManagement',
    'https://account.huaweicloud.com/usercenter/#/userindex/retreatManagement',
  ]);
  expect(await welcome.locator('[data-privacy]').textContent()).toContain('makes no network requests');
  // The toolbar button's shortcut, as the browser has it.
  expect(await welcome.locator('body').textContent()).toContain('Its keyboard shortcut is Alt+Shift+U.');
  // A moment later there is still one: nothing opens it twice.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  expect(harness.context.pages().filter((page) => page.url().endsWith('/welcome.html'))).toHaveLength(1);
  expect(harness.welcomeCount).toBe(1);
});

it('takes the user to the Unsubscriptions page, badged, from its link', async () => {
  const welcome = harness.welcome!;
  await welcome.locator('a.open-page[data-site="intl"]').click();
  await welcome.waitForURL(/account-intl\.huaweicloud\.com/);
  await waitForAnnotatedRows(welcome, loadExpected(fixturesDir, defaultFixtures[intlHost]!).rows.length);
  await welcome.goBack();
  await welcome.locator('h1').waitFor();
});

it('leads to the options, and can be read by keyboard in the dark scheme too', async () => {
  const welcome = harness.welcome!;
  await welcome.emulateMedia({ colorScheme: 'dark' });
  expect(await welcome.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(42, 44, 49)');
  await welcome.emulateMedia({ colorScheme: 'light' });
  await welcome.locator('body').focus();
  const stops: string[] = [];
  for (let i = 0; i < 3; i++) {
    await welcome.keyboard.press('Tab');
    stops.push(await welcome.evaluate(() => document.activeElement?.textContent ?? ''));
  }
  expect(stops).toEqual([
    'Open Billing Center > Unsubscriptions (international site)',
    'Open Billing Center > Unsubscriptions (China site)',
    'Switch rules, add your own or choose the language in the options.',
  ]);
  await welcome.locator('[data-action="options"]').click();
  await welcome.waitForURL(/options\.html/);
  await welcome.locator('input[data-rule]').first().waitFor();
});

it('made no network request and caused no console error', () => {
  assertOnlyConsoleAndExtensionRequests(harness);
  expect(harness.consoleErrors).toEqual([]);
});
