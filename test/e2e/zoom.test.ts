// Badges at 200% zoom, in real Chromium: the window's CSS width halves and every CSS pixel is two
// device pixels (deviceScaleFactor 2). The saved pages carry OpenTiny NG's own table CSS (fixed
// layout, one-line cells whose overflow is hidden, 10 px paddings: test/e2e/support/opentiny-ng-styles.ts),
// and the OpenTiny Vue grid pages their library's CSS, so cells are as narrow as the console draws them.
// A badge always stays inside its cell and never shows a cut word or glyph: its short word where that
// fits, the icon alone where it does not, a mark in the verdict's colour in the narrowest cells.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { BADGE_CLASS, chinaHost, consoleUrl, fixturesDir, intlHost, readAnnotatedRows, startHarness, type Harness } from './harness';
import { badgeFits, type BadgeFit } from './support/badge-fit';
import { loadExpected } from './support/expectations';
import { openTinyNgCss } from './support/opentiny-ng-styles';
import { buildLibraryPages } from '../real-libraries/build-pages';

let harness: Harness;

beforeAll(async () => {
  const [pages, started] = await Promise.all([buildLibraryPages(), startHarness({ deviceScaleFactor: 2 })]);
  harness = started;
  for (const [name, html] of pages) harness.server.definePage(name, html);
  harness.server.defineStyles('opentiny-ng', openTinyNgCss());
}, 120_000);

afterAll(async () => {
  await harness?.close();
});

const savedPages = ['intl-en-tiny', 'cn-zh-tiny', 'console-tinyui3-en', 'console-tinyui3-zh'].map((fixture) => ({
  name: `${fixture} with OpenTiny NG's CSS`,
  url: consoleUrl(fixture.includes('zh') ? chinaHost : intlHost, { fixture, styles: 'opentiny-ng' }),
  badges: loadExpected(fixturesDir, fixture).rows.filter((row) => row.verdict !== 'allowed').length,
}));
const libraryPages = [
  ['vue-grid-3-24-en', intlHost],
  ['vue-grid-3-31-zh', chinaHost],
].map(([name, host]) => ({
  name: `OpenTiny Vue ${name}`,
  url: `https://${host}/usercenter/?page=${name}&variant=paged#/userindex/retreatManagement`,
  badges: undefined,
}));

/** Every badge that sticks out of its cell or shows a cut label, with where; [] when all fit. */
const misfits = (fits: readonly BadgeFit[]) =>
  fits
    .filter((fit) => fit.left < 0 || fit.right < 0 || fit.cut)
    .map((fit) => `${fit.label} (${fit.form}) in a ${fit.cell} px cell: ${fit.left}/${fit.right} px room, cut ${fit.cut}`);

const wrongForm = (fit: BadgeFit) => `${fit.label} shows its ${fit.form}, needing ${fit.needs} px with ${fit.room} px of room`;

async function openAt(url: string, cssWidth: number): Promise<Page> {
  const page = await harness.openPage(url);
  await page.setViewportSize({ width: cssWidth, height: 600 });
  return page;
}

/** The badges once there is one for each row not allowed (`expected` of them, when known). */
async function settledFits(page: Page, expected: number | undefined): Promise<BadgeFit[]> {
  await expect
    .poll(
      async () => {
        const rows = await readAnnotatedRows(page);
        const wanted = expected ?? rows.filter((row) => row.verdict !== 'allowed').length;
        return rows.length > 0 && wanted > 0 && (await page.locator(`.${BADGE_CLASS}`).count()) === wanted;
      },
      { timeout: 8000 },
    )
    .toBe(true);
  // Container queries settle with the layout after the last badge is drawn.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  return page.evaluate(badgeFits, BADGE_CLASS);
}

describe.each([...savedPages, ...libraryPages].map((target) => [target.name, target] as const))('at 200%% zoom, %s', (_, target) => {
  it.each([1024, 1920])('every badge stays inside its cell, never cut, in a %d px window', async (windowWidth) => {
    const page = await openAt(target.url, windowWidth / 2);
    const fits = await settledFits(page, target.badges);
    expect(misfits(fits)).toEqual([]);
    // The word shows wherever the cell has room for it, and only there.
    expect(fits.filter((fit) => (fit.form === 'word') !== fit.needs <= fit.room).map(wrongForm)).toEqual([]);
    await page.close();
  });
});

describe('at 200% zoom in a 1024 px window, the narrowest cells (intl-en-tiny with OpenTiny NG’s CSS)', () => {
  it('show a mark whose click opens the whole explanation inside the window', async () => {
    const target = savedPages[0]!;
    const page = await openAt(target.url, 512);
    const fits = await settledFits(page, target.badges);
    expect(fits.map((fit) => fit.form)).toEqual(fits.map(() => 'mark'));
    const button = page.locator(`.${BADGE_CLASS} button`).first();
    await button.click();
    const panel = page.locator(`.${BADGE_CLASS} [id="${await button.getAttribute('aria-describedby')}"]`).first();
    await panel.waitFor({ state: 'visible', timeout: 2000 });
    expect(await panel.textContent()).toContain('2020-01-14');
    const box = (await panel.boundingBox())!;
    expect([box.x >= 0, box.x + box.width <= 512]).toEqual([true, true]);
    // The mark's name still says the verdict in full.
    expect(await button.getAttribute('aria-label')).toMatch(/^Cannot unsubscribe/);
    await page.close();
  });
});
