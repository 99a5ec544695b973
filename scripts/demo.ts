// npm run demo: the extension on the two saved Unsubscriptions pages, served at the console's real
// URLs. With a display, Chromium opens and stays until it is closed; without one (no DISPLAY) it runs
// headless, saves screenshots into ./demo-screenshots/ and prints what each row got.
import { mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Page } from 'playwright-core';
import {
  BADGE_CLASS,
  chinaHost,
  chromeBuildDir,
  consoleUrl,
  intlHost,
  repoRoot,
  startHarness,
  waitForSettledAnnotations,
  type Harness,
} from '../test/e2e/harness';
import { ensureChromeBuild } from '../test/e2e/support/chrome-build';

const pages = [
  { name: 'intl-en-tiny', url: consoleUrl(intlHost) },
  { name: 'cn-zh-tiny', url: consoleUrl(chinaHost) },
];
const outDir = join(repoRoot, 'demo-screenshots');

async function printRows(harness: Harness, page: Page, name: string): Promise<void> {
  const summary = await harness.summaryOf(page);
  console.log(`\n${page.url()}  (${name})`);
  if (!summary) return void console.log('  the content script did not answer');
  const width = Math.max(...summary.rows.map((row) => row.verdict.length));
  for (const row of summary.rows)
    console.log(`  ${row.verdict.padEnd(width)}  ${row.resource} - ${row.product}${row.rules.length ? `  [${row.rules.join(' ')}]` : ''}`);
  const { blocked, caution, allowed } = summary.counts;
  console.log(`  ${blocked} blocked, ${caution} caution, ${allowed} allowed`);
}

async function main(): Promise<void> {
  ensureChromeBuild(repoRoot, chromeBuildDir);
  const headless = !process.env.DISPLAY;
  const harness = await startHarness({ headless });
  try {
    const opened: Page[] = [];
    for (const { name, url } of pages) {
      const page = await harness.openPage(url);
      await waitForSettledAnnotations(page);
      await printRows(harness, page, name);
      opened.push(page);
    }

    if (!headless) {
      console.log('\nChromium is open with the extension loaded; close its window to end the demo.');
      await new Promise<void>((resolve) => {
        harness.context.on('close', () => resolve());
        process.once('SIGINT', () => resolve());
      });
      return;
    }

    mkdirSync(outDir, { recursive: true });
    const saved: string[] = [];
    for (const [i, page] of opened.entries()) {
      const file = join(outDir, `${pages[i]!.name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      saved.push(file);
      // The first badge with its explanation open, as a click leaves it.
      await page.locator(`.${BADGE_CLASS} button`).first().click();
      await page.waitForTimeout(200);
      const open = join(outDir, `${pages[i]!.name}-explanation.png`);
      await page.screenshot({ path: open });
      saved.push(open);
    }
    console.log(`\nScreenshots in ${relative(process.cwd(), outDir) || '.'}/: ${saved.map((file) => relative(outDir, file)).join(', ')}`);
  } finally {
    await harness.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
