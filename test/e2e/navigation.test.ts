// Following the console's own navigation in real Chromium: its Angular router changes the URL with
// history.pushState / replaceState (no hashchange), back and forward come as popstate, a deep link is
// rewritten at start. Badges must be there as soon as the table is on the Unsubscriptions route, and
// gone within a frame of leaving it, even when the next page shows the same table.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { consoleUrl, countOwnMarks, fixturesDir, intlHost, readAnnotatedRows, startHarness, type Harness } from './harness';
import { consoleRouterScript } from './support/console-router';
import { loadExpected, settledRowMismatches } from './support/expectations';

const expected = loadExpected(fixturesDir, 'intl-en-tiny');
const labels = { blocked: 'Blocked', caution: 'Check' };

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
  harness.server.defineScript('router', consoleRouterScript);
  // Records every window message the page receives from the start, as a page script could.
  harness.server.defineScript(
    'message-spy',
    `window.__messages = []; addEventListener('message', (event) => window.__messages.push(JSON.stringify(event.data)));`,
  );
});

afterAll(async () => {
  await harness?.close();
});

const routerUrl = (hash: string) => consoleUrl(intlHost, { script: 'router', hash });

/** Clicks a link of the console's menu and counts our marks `frames` animation frames later (1: the next one). */
function clickMenuAndCountNextFrame(page: Page, route: string, frames = 1) {
  return page.evaluate(
    ({ path, frames }) => {
      document.querySelector<HTMLAnchorElement>(`#console-menu a[data-route="${path}"]`)!.click();
      const count = () => document.querySelectorAll('[data-unsub-lens], [data-unsub-lens-rules], .unsub-lens-badge').length;
      return new Promise<number>((resolve) => {
        const wait = (left: number) => requestAnimationFrame(() => (left > 1 ? wait(left - 1) : resolve(count())));
        wait(frames);
      });
    },
    { path: route, frames },
  );
}

const badgesRight = (page: Page) => settledRowMismatches(() => readAnnotatedRows(page), expected.rows, { labels, timeout: 5000 });

describe('the console navigated as its Angular router does', () => {
  it('badges the table when Unsubscriptions is entered from the menu (pushState), and only then', async () => {
    const page = await harness.openPage(routerUrl('#/userindex/overview'));
    await page.waitForTimeout(500);
    expect(await countOwnMarks(page)).toEqual({ attributes: 0, badges: 0 });
    // The router renders the table in a microtask; the badges are there by the frame after next.
    expect(await clickMenuAndCountNextFrame(page, '/userindex/retreatManagement', 2)).toBeGreaterThan(0);
    expect(page.url()).toMatch(/#\/userindex\/retreatManagement$/);
    expect(await badgesRight(page)).toEqual([]);
    await page.close();
  });

  it('takes every mark off within a frame of leaving for a page that shows the same table, and restores them on history.back()', async () => {
    const page = await harness.openPage(routerUrl('#/userindex/overview'));
    await clickMenuAndCountNextFrame(page, '/userindex/retreatManagement');
    expect(await badgesRight(page)).toEqual([]);

    expect(await clickMenuAndCountNextFrame(page, '/userindex/renewalManagement')).toBe(0);
    expect(await page.locator('ti-table').count()).toBe(1); // the table is still there, unbadged
    await page.waitForTimeout(300);
    expect(await countOwnMarks(page)).toEqual({ attributes: 0, badges: 0 });

    await page.evaluate(() => history.back());
    await page.waitForURL(/#\/userindex\/retreatManagement$/);
    expect(await badgesRight(page)).toEqual([]);

    await page.evaluate(() => history.forward());
    await page.waitForURL(/renewalManagement$/);
    await page.waitForFunction(() => !document.querySelector('[data-unsub-lens], .unsub-lens-badge'), null, { timeout: 2000 });
    await page.close();
  });

  it('follows the enterprise project route and replaceState', async () => {
    const page = await harness.openPage(routerUrl('#/userindex/overview'));
    await clickMenuAndCountNextFrame(page, '/enterpriseProjectIndex/retreatManagement');
    expect(await badgesRight(page)).toEqual([]);

    // replaceState away (a redirect), then back onto the route the same way.
    const left = await page.evaluate(() => {
      history.replaceState(null, '', '#/userindex/renewalManagement');
      return new Promise<number>((resolve) =>
        requestAnimationFrame(() => resolve(document.querySelectorAll('[data-unsub-lens], .unsub-lens-badge').length)),
      );
    });
    expect(left).toBe(0);
    await page.evaluate(() => history.replaceState(null, '', '#/userindex/retreatManagement'));
    expect(await badgesRight(page)).toEqual([]);
    await page.close();
  });

  it('follows hash assignment and a full reload', async () => {
    const page = await harness.openPage(routerUrl('#/userindex/overview'));
    await page.evaluate(() => {
      location.hash = '#/userindex/retreatManagement';
    });
    expect(await badgesRight(page)).toEqual([]);
    await page.reload({ waitUntil: 'load' });
    expect(await badgesRight(page)).toEqual([]);
    await page.close();
  });

  it('badges a page opened by a ?hws_route_url= deep link, which the console rewrites into a hash route', async () => {
    const page = await harness.openPage(`https://${intlHost}/usercenter/?script=router&hws_route_url=userindex/retreatManagement`);
    expect(page.url()).toMatch(/\/usercenter\/\?script=router#\/userindex\/retreatManagement$/);
    expect(await badgesRight(page)).toEqual([]);
    await page.close();

    const elsewhere = await harness.openPage(`https://${intlHost}/usercenter/?script=router&hws_route_url=userindex/overview`);
    await elsewhere.waitForTimeout(500);
    expect(await countOwnMarks(elsewhere)).toEqual({ attributes: 0, badges: 0 });
    await elsewhere.close();
  });
});

describe('a page script trying to switch the extension off', () => {
  it("does not stop it by replaying WXT's script-started event, and never hears of the extension from it", async () => {
    const page = await harness.openPage(consoleUrl(intlHost, { script: 'message-spy' }));
    expect(await badgesRight(page)).toEqual([]);
    const heard = await page.evaluate(async (extensionId) => {
      const name = `${extensionId}:content:wxt:content-script-started`;
      document.dispatchEvent(new CustomEvent(name, { detail: { contentScriptName: 'content', messageId: 'page' } }));
      window.postMessage({ type: name, contentScriptName: 'content', messageId: 'page' }, '*');
      await new Promise((resolve) => setTimeout(resolve, 300));
      const messages = (window as unknown as { __messages?: string[] }).__messages ?? ['no spy'];
      return messages.filter((message) => !message.includes('"messageId":"page"'));
    }, harness.extensionId);
    expect(heard).toEqual([]);
    expect(await badgesRight(page)).toEqual([]);
    const summary = await harness.summaryOf(page);
    expect(summary?.rows.length).toBe(expected.rows.length);
    await page.close();
  });
});
