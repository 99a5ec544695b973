// Debian's Chromium with the built extension loaded, headless, in a fresh profile. The console hosts
// resolve to the fixture server; everything the browser's pages and the extension's service worker
// request is recorded, and every error a page or the worker prints is collected.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type ConsoleMessage, type Page, type Worker } from 'playwright-core';
import { consoleHosts } from './certificate';

export const chromiumPath = '/usr/bin/chromium';

export interface RecordedRequest {
  url: string;
  /** 'worker' for the extension's service worker, else the URL of the page that asked. */
  from: string;
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  /** Every request made by any page, extension page or the service worker, in order. */
  readonly requests: readonly RecordedRequest[];
  /** Console errors and uncaught exceptions of every page and of the service worker. */
  readonly consoleErrors: readonly string[];
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Absolute path of the unpacked build (.output/chrome-mv3). */
  extensionDir: string;
  /** Port of the fixture server the console hosts are mapped to. */
  port: number;
  headless?: boolean;
  viewport?: { width: number; height: number };
  deviceScaleFactor?: number;
  /** Without the automation flag (navigator.webdriver false), as a user's browser runs: badges' shadow roots are closed. */
  asUser?: boolean;
}

export async function launchWithExtension(options: LaunchOptions): Promise<ExtensionBrowser> {
  if (!existsSync(chromiumPath)) throw new Error(`${chromiumPath} is missing: apt-get install -y chromium`);
  if (!existsSync(join(options.extensionDir, 'manifest.json')))
    throw new Error(`no built extension in ${options.extensionDir}: run npm run build first`);

  const profileDir = mkdtempSync(join(tmpdir(), 'unsub-lens-profile-'));
  const hostRules = consoleHosts.map((host) => `MAP ${host} 127.0.0.1:${options.port}`).join(', ');
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath,
    headless: options.headless ?? true,
    ignoreHTTPSErrors: true,
    locale: 'en-US',
    viewport: options.viewport ?? { width: 1400, height: 900 },
    deviceScaleFactor: options.deviceScaleFactor,
    ...(options.asUser ? { ignoreDefaultArgs: ['--enable-automation'] } : {}),
    args: [
      ...(options.asUser ? ['--disable-blink-features=AutomationControlled'] : []),
      `--disable-extensions-except=${options.extensionDir}`,
      `--load-extension=${options.extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--host-resolver-rules=${hostRules}`,
      '--ignore-certificate-errors',
      '--lang=en-US',
    ],
  });

  const requests: RecordedRequest[] = [];
  const consoleErrors: string[] = [];
  const onConsole = (where: string) => (message: ConsoleMessage) => {
    if (message.type() === 'error') consoleErrors.push(`${where}: ${message.text()}`);
  };
  const watchPage = (page: Page) => {
    page.on('console', (message) => onConsole(page.url())(message));
    page.on('pageerror', (error) => consoleErrors.push(`${page.url()}: uncaught ${error.message}`));
  };
  context.pages().forEach(watchPage);
  context.on('page', watchPage);
  context.on('request', (request) => {
    let from = 'worker';
    if (!request.serviceWorker()) {
      try {
        from = request.frame().url();
      } catch {
        from = 'unknown';
      }
    }
    requests.push({ url: request.url(), from });
  });

  try {
    const isOurs = (w: Worker) => w.url().startsWith('chrome-extension://');
    const worker = context.serviceWorkers().find(isOurs) ?? (await context.waitForEvent('serviceworker', { predicate: isOurs, timeout: 15_000 }));
    worker.on('console', onConsole('service worker'));
    const extensionId = new URL(worker.url()).host;
    return {
      context,
      extensionId,
      worker,
      requests,
      consoleErrors,
      async close() {
        await context.close().catch(() => undefined);
        rmSync(profileDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await context.close().catch(() => undefined);
    rmSync(profileDir, { recursive: true, force: true });
    throw error;
  }
}
