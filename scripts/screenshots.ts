// npm run screenshots: regenerates the README's images in docs/screenshots/ from the built extension
// on the saved pages: a badge with its explanation open (international and China site), the bar
// above the table, the popup's look-up, the popup's page summary, the options page and the
// first-run page.
import { mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Page } from 'playwright-core';
import { BADGE_CLASS, chinaHost, chromeBuildDir, consoleUrl, intlHost, repoRoot, startHarness, waitForSettledAnnotations } from '../test/e2e/harness';
import { ensureChromeBuild } from '../test/e2e/support/chrome-build';

const outDir = join(repoRoot, 'docs/screenshots');

/** A screenshot of the box around `selectors` (the first match of each), with a margin. */
async function shootAround(page: Page, file: string, selectors: string[], margin = 8, maxHeight = 640): Promise<string> {
  const boxes = [];
  for (const selector of selectors) {
    const box = await page.locator(selector).first().boundingBox();
    if (!box) throw new Error(`${selector} is not on screen in ${page.url()}`);
    boxes.push(box);
  }
  const x = Math.max(0, Math.min(...boxes.map((b) => b.x)) - margin);
  const y = Math.max(0, Math.min(...boxes.map((b) => b.y)) - margin);
  const right = Math.max(...boxes.map((b) => b.x + b.width)) + margin;
  const bottom = Math.max(...boxes.map((b) => b.y + b.height)) + margin;
  const path = join(outDir, file);
  await page.screenshot({ path, clip: { x, y, width: right - x, height: Math.min(bottom - y, maxHeight) } });
  return path;
}

/** Opens the console page on `host` and shows its first badge's explanation the way a pointer opens it. */
async function openWithExplanation(harness: Awaited<ReturnType<typeof startHarness>>, host: string): Promise<Page> {
  const page = await harness.openPage(consoleUrl(host));
  await waitForSettledAnnotations(page);
  // A real pointer move: locator.hover() would first scroll the badge into view, and a scroll
  // closes an explanation the pointer opened.
  const badge = await page.locator(`.${BADGE_CLASS} button`).first().boundingBox();
  if (!badge) throw new Error(`no badge on screen in ${page.url()}`);
  await page.mouse.move(badge.x + 12, badge.y + badge.height / 2);
  await page.locator(`.${BADGE_CLASS} .panel`).first().waitFor({ state: 'visible' });
  return page;
}

async function main(): Promise<void> {
  ensureChromeBuild(repoRoot, chromeBuildDir);
  mkdirSync(outDir, { recursive: true });
  const harness = await startHarness({ viewport: { width: 1400, height: 900 }, keepWelcome: true });
  const saved: string[] = [];
  try {
    // Badges, with the first one's explanation open, on both sites.
    const chinaPage = await openWithExplanation(harness, chinaHost);
    saved.push(await shootAround(chinaPage, 'badges-zh.png', ['ti-table', `.${BADGE_CLASS} .panel`]));
    await chinaPage.close();
    const consolePage = await openWithExplanation(harness, intlHost);
    saved.push(await shootAround(consolePage, 'badges.png', ['ti-table', `.${BADGE_CLASS} .panel`]));

    // The bar above the table, its filter on: only the rows that need attention.
    await consolePage.keyboard.press('Escape');
    await consolePage.mouse.move(5, 5);
    await consolePage.locator('[data-unsub-lens-bar] .bar-filter').click();
    saved.push(await shootAround(consolePage, 'bar.png', ['[data-unsub-lens-bar]', 'ti-table'], 8, 520));

    // The popup at its own width, away from the Unsubscriptions page (the look-up first), looking up
    // a service by its abbreviation.
    const lookupPopup = await harness.context.newPage();
    await lookupPopup.setViewportSize({ width: 400, height: 900 });
    await lookupPopup.goto(harness.extensionUrl('popup.html?tabId=999999'));
    await lookupPopup.locator('.not-page').waitFor();
    await lookupPopup.getByRole('combobox').fill('SMN');
    await lookupPopup.locator('.results [role="option"]').first().waitFor();
    saved.push(await shootAround(lookupPopup, 'popup-lookup.png', ['.top', '.results'], 12));

    // The popup's summary of the page open in the tab, first on that page.
    const tabId = await harness.tabIdOf(consolePage);
    const popup = await harness.context.newPage();
    await popup.setViewportSize({ width: 400, height: 900 });
    await popup.goto(harness.extensionUrl(`popup.html?tabId=${tabId}`));
    const summary = popup.locator('.page .summary');
    await summary.waitFor();
    await summary.scrollIntoViewIfNeeded();
    saved.push(await shootAround(popup, 'popup-summary.png', ['.page'], 12, 900));

    // The options page, top of it.
    const options = await harness.context.newPage();
    await options.setViewportSize({ width: 1100, height: 900 });
    await options.goto(harness.extensionUrl('options.html'));
    await options.locator('input[data-rule]').first().waitFor();
    const path = join(outDir, 'options.png');
    await options.screenshot({ path });
    saved.push(path);

    // The first-run page the install opened.
    const welcome = harness.welcome;
    if (!welcome) throw new Error('the install opened no first-run page');
    await welcome.setViewportSize({ width: 900, height: 560 });
    const welcomePath = join(outDir, 'welcome.png');
    await welcome.screenshot({ path: welcomePath, fullPage: true });
    saved.push(welcomePath);

    console.log(`Saved ${saved.map((file) => relative(repoRoot, file)).join(', ')}`);
  } finally {
    await harness.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
