// The real-browser harness shared by the e2e tests, `npm run demo` and `npm run screenshots`: a
// certificate for the console hosts, the fixture server answering the real console URLs, and
// Chromium with the built extension.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import type { Browser } from 'wxt/browser';
import type { PageSummary } from '../../src/messaging/protocol';
import { makeCertificate } from './support/certificate';
import { startFixtureServer, type FixtureServer } from './support/fixture-server';
import { launchWithExtension, type ExtensionBrowser } from './support/extension-browser';

export {
  readAnnotatedRows,
  countOwnMarks,
  waitForAnnotatedRows,
  waitForSettledAnnotations,
  BADGE_CLASS,
  RULES_ATTRIBUTE,
  VERDICT_ATTRIBUTE,
} from './support/page-reading';
export type { AnnotatedRow } from './support/page-reading';
export { chromiumPath } from './support/extension-browser';

export const repoRoot = resolve(fileURLToPath(import.meta.url), '../../..');
export const fixturesDir = join(repoRoot, 'test/fixtures');
export const chromeBuildDir = join(repoRoot, '.output/chrome-mv3');

export const intlHost = 'account-intl.huaweicloud.com';
export const chinaHost = 'account.huaweicloud.com';
export const unsubscriptionsRoute = '#/userindex/retreatManagement';

/** The fixture each console host serves when a URL names none. */
export const defaultFixtures: Record<string, string> = { [intlHost]: 'intl-en-tiny', [chinaHost]: 'cn-zh-tiny' };

/** The service worker's and extension pages' globals, for functions evaluated there. */
export type ExtensionGlobals = { chrome: typeof Browser };

export interface ConsolePageChoice {
  /** A test/fixtures/<name>.html other than the host's default. */
  fixture?: string;
  /** A script defined with server.defineScript, written into the served page. */
  script?: string;
  /** A stylesheet defined with server.defineStyles, written into the served page's head. */
  styles?: string;
  /** The console route (the hash); the Unsubscriptions page by default. */
  hash?: string;
}

/** A console URL, exactly as the browser shows it in the field unless a fixture or script is chosen. */
export function consoleUrl(host: string, choice: ConsolePageChoice = {}): string {
  const query = new URLSearchParams();
  if (choice.fixture) query.set('fixture', choice.fixture);
  if (choice.script) query.set('script', choice.script);
  if (choice.styles) query.set('styles', choice.styles);
  const search = query.toString() ? `?${query}` : '';
  return `https://${host}/usercenter/${search}${choice.hash ?? unsubscriptionsRoute}`;
}

export interface Harness extends ExtensionBrowser {
  server: FixtureServer;
  /** chrome-extension://<id>/<path> */
  extensionUrl(path: string): string;
  /** Opens a new tab on `url` and waits for it to load. */
  openPage(url: string): Promise<Page>;
  /** The tab id of `page`, as the extension knows it (for popup.html?tabId=). */
  tabIdOf(page: Page): Promise<number>;
  /** What the content script in `page` answers the popup: its reading of the page, or null. */
  summaryOf(page: Page): Promise<PageSummary | null>;
  /** The first-run page the install opened, when kept (`keepWelcome`); how many it opened in all. */
  welcome?: Page;
  welcomeCount: number;
}

const isWelcomePage = (page: Page) => /^chrome-extension:\/\/[^/]+\/welcome\.html/.test(page.url());

/** The first-run pages the install opened: waited for (the install's tab opens a moment after the start). */
async function firstRunPages(context: ExtensionBrowser['context'], timeoutMs = 10_000): Promise<Page[]> {
  for (const started = Date.now(); Date.now() - started < timeoutMs; await new Promise((resolve) => setTimeout(resolve, 100))) {
    const pages = context.pages().filter(isWelcomePage);
    if (pages.length) return pages;
  }
  return [];
}

export interface HarnessOptions {
  extensionDir?: string;
  headless?: boolean;
  viewport?: { width: number; height: number };
  deviceScaleFactor?: number;
  asUser?: boolean;
  /** Leave the first-run page open (it is closed otherwise, out of the tests' way) as `welcome`. */
  keepWelcome?: boolean;
  /** How long to wait for the first-run page (less where the policy says it must not open). */
  welcomeTimeoutMs?: number;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const certDir = mkdtempSync(join(tmpdir(), 'unsub-lens-cert-'));
  let server: FixtureServer | undefined;
  try {
    const certificate = makeCertificate(certDir);
    server = await startFixtureServer({ fixturesDir, certificate, defaultFixtures });
    const browser = await launchWithExtension({
      extensionDir: options.extensionDir ?? chromeBuildDir,
      port: server.port,
      headless: options.headless,
      viewport: options.viewport,
      deviceScaleFactor: options.deviceScaleFactor,
      asUser: options.asUser,
    });
    const running = server;
    const welcomes = await firstRunPages(browser.context, options.welcomeTimeoutMs);
    if (!options.keepWelcome) for (const page of welcomes) await page.close();
    const harness: Harness = {
      ...browser,
      welcome: options.keepWelcome ? welcomes[0] : undefined,
      welcomeCount: welcomes.length,
      server: running,
      extensionUrl: (path) => `chrome-extension://${browser.extensionId}/${path.replace(/^\//, '')}`,
      async openPage(url) {
        const page = await browser.context.newPage();
        await page.goto(url, { waitUntil: 'load' });
        return page;
      },
      async tabIdOf(page) {
        // Tab ids need no permission; the active tab of the focused window is the page just brought forward.
        await page.bringToFront();
        const id = await browser.worker.evaluate(async () => {
          const { chrome } = globalThis as unknown as ExtensionGlobals;
          const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
          return tab?.id;
        });
        if (typeof id !== 'number') throw new Error(`no tab id for ${page.url()}`);
        return id;
      },
      async summaryOf(page) {
        const tabId = await harness.tabIdOf(page);
        return browser.worker.evaluate(async (id) => {
          const { chrome } = globalThis as unknown as ExtensionGlobals;
          return ((await chrome.tabs.sendMessage(id, { type: 'get-summary' })) as PageSummary | null) ?? null;
        }, tabId);
      },
      async close() {
        await browser.close();
        await running.close();
        rmSync(certDir, { recursive: true, force: true });
      },
    };
    return harness;
  } catch (error) {
    await server?.close();
    rmSync(certDir, { recursive: true, force: true });
    throw error;
  }
}
