// Debian's headless Chromium in a fresh temporary profile, and a page that holds the harness. The page
// is served by request interception (nothing goes over the network) with the headers that make it
// cross-origin isolated, so performance.now() ticks in 5 µs steps instead of 100 µs.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import type { BenchApi } from '../page/harness';

export const chromiumPath = '/usr/bin/chromium';
const origin = 'http://unsub-lens-bench.localhost';
const pageUrl = `${origin}/usercenter/`;

export interface BenchBrowser {
  context: BrowserContext;
  version: string;
  /** A new tab with the console skeleton and the harness loaded and initialised. */
  openPage(): Promise<BenchPage>;
  close(): Promise<void>;
}

export interface BenchPage {
  page: Page;
  cdp: CDPSession;
  info: ReturnType<BenchApi['init']>;
  /** Calls a harness function in the page. */
  call<K extends keyof BenchApi>(name: K, ...args: Parameters<BenchApi[K]>): Promise<Awaited<ReturnType<BenchApi[K]>>>;
  /** A full garbage collection (twice, so finalised weak references are cleared too). */
  collectGarbage(): Promise<void>;
  heap(): Promise<HeapFigures>;
  close(): Promise<void>;
}

export interface HeapFigures {
  /** V8's JS heap in use, bytes. */
  jsUsed: number;
  /** Blink's heap (DOM nodes, shadow roots) in use, bytes, where Chromium reports it. */
  embedderUsed: number | null;
  domNodes: number;
  jsEventListeners: number;
}

export async function launchBrowser(bundle: string): Promise<BenchBrowser> {
  if (!existsSync(chromiumPath)) throw new Error(`${chromiumPath} is missing: apt-get install -y chromium`);
  const profileDir = mkdtempSync(join(tmpdir(), 'unsub-lens-bench-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath,
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const html = '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Unsubscriptions</title></head><body></body></html>';
  const isolation = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };
  await context.route(`${origin}/**`, (route) =>
    route.request().url() === pageUrl
      ? route.fulfill({ status: 200, contentType: 'text/html', headers: isolation, body: html })
      : route.fulfill({ status: 404, body: '' }),
  );
  // Anything else would be a request the benchmark did not mean to make.
  await context.route(
    (url) => !url.href.startsWith(origin),
    (route) => route.abort(),
  );

  const version = context.browser()?.version() ?? (await versionFromPage(context));
  return {
    context,
    version,
    async openPage() {
      const page = await context.newPage();
      page.setDefaultTimeout(0);
      await page.goto(pageUrl);
      await page.addScriptTag({ content: bundle });
      const cdp = await context.newCDPSession(page);
      const call = ((name: string, ...args: unknown[]) =>
        page.evaluate(
          ([name, args]) => (window as unknown as { unsubLensBench: Record<string, (...a: unknown[]) => unknown> }).unsubLensBench[name]!(...args),
          [name, args] as const,
        )) as BenchPage['call'];
      const info = await call('init');
      return {
        page,
        cdp,
        info,
        call,
        async collectGarbage() {
          await cdp.send('HeapProfiler.collectGarbage');
          await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
          await cdp.send('HeapProfiler.collectGarbage');
        },
        async heap() {
          const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; embedderHeapUsedSize?: number };
          const counters = await cdp.send('Memory.getDOMCounters');
          return {
            jsUsed: usage.usedSize,
            embedderUsed: usage.embedderHeapUsedSize ?? null,
            domNodes: counters.nodes,
            jsEventListeners: counters.jsEventListeners,
          };
        },
        async close() {
          await cdp.detach().catch(() => {});
          await page.close();
        },
      };
    },
    async close() {
      await context.close();
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

async function versionFromPage(context: BrowserContext): Promise<string> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const { product } = await cdp.send('Browser.getVersion');
  await page.close();
  return product;
}
