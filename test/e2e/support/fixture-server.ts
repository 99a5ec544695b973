// An HTTPS server that plays the Billing Center: it answers /usercenter/ on both console hosts with a
// saved page from test/fixtures/. Chromium's --host-resolver-rules sends the real console URLs here,
// so the extension runs on exactly the URLs it matches in the field (it never gets localhost).
//
//   https://account-intl.huaweicloud.com/usercenter/#/userindex/retreatManagement        -> the host's default fixture
//   https://account.huaweicloud.com/usercenter/?fixture=empty#/userindex/retreatManagement -> test/fixtures/empty.html
//   ...?fixture=intl-en-tiny&script=late-table                                             -> plus an inline test script
//   ...?styles=opentiny-ng                                                                  -> plus a stylesheet in its head
//
// Test scripts exist only here: they are written into the served page, never into the extension.
// A test script may POST what it saw to /usercenter/__report (for browsers no test can drive).
import { createServer } from 'node:https';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Certificate } from './certificate';

export interface ServedRequest {
  host: string;
  path: string;
  status: number;
}

export interface FixtureServer {
  port: number;
  /** Every request answered, in order. */
  readonly log: readonly ServedRequest[];
  /** Bodies POSTed to /usercenter/__report, in order. */
  readonly reports: readonly string[];
  /** Makes `source` available to pages as ?script=<name>; it runs where the page's own scripts would. */
  defineScript(name: string, source: string): void;
  /** Makes `css` available to pages as ?styles=<name>: written into the page's head, before any of its markup. */
  defineStyles(name: string, css: string): void;
  /** Serves `html` (a page built at test time, e.g. by a real component library) for ?page=<name>. */
  definePage(name: string, html: string): void;
  close(): Promise<void>;
}

export interface FixtureServerOptions {
  fixturesDir: string;
  certificate: Certificate;
  /** The fixture answering a host when the URL names none. */
  defaultFixtures: Record<string, string>;
}

const namePattern = /^[a-z0-9][a-z0-9-]*$/;

const assetTypes: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.ico': 'image/x-icon',
  '.png': 'image/png',
  '.js': 'text/javascript; charset=utf-8',
};

/** Writes `css` as the last stylesheet of the page's head, so it applies from the first layout. */
export function withInlineStyles(html: string, css: string): string {
  const tag = `<style>\n${css.replace(/<\/style/gi, '<\\/style')}\n</style>\n`;
  const end = html.indexOf('</head>');
  return end < 0 ? tag + html : html.slice(0, end) + tag + html.slice(end);
}

/** Writes `source` as the last script of the page, so it runs after the page's markup exists. */
export function withInlineScript(html: string, source: string): string {
  // "</script" inside the source would end the element early.
  const tag = `<script>\n${source.replace(/<\/script/gi, '<\\/script')}\n</script>\n`;
  const end = html.lastIndexOf('</body>');
  return end < 0 ? html + tag : html.slice(0, end) + tag + html.slice(end);
}

export async function startFixtureServer(options: FixtureServerOptions): Promise<FixtureServer> {
  const scripts = new Map<string, string>();
  const styleSheets = new Map<string, string>();
  const pages = new Map<string, string>();
  const log: ServedRequest[] = [];
  const reports: string[] = [];

  const server = createServer({ key: options.certificate.key, cert: options.certificate.cert }, (request, response) => {
    const host = (request.headers.host ?? '').replace(/:\d+$/, '');
    const url = new URL(request.url ?? '/', `https://${host || 'localhost'}`);
    const answer = (status: number, type: string, body: string | Buffer = '') => {
      log.push({ host, path: url.pathname + url.search, status });
      response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      response.end(body);
    };

    if (request.method === 'POST' && url.pathname === '/usercenter/__report') {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        reports.push(Buffer.concat(chunks).toString('utf8'));
        answer(204, 'text/plain');
      });
      return;
    }
    if (request.method !== 'GET' || !url.pathname.startsWith('/usercenter/')) return answer(404, 'text/plain', 'not a console page');

    const asset = Object.keys(assetTypes).find((ext) => url.pathname.toLowerCase().endsWith(ext));
    // The saved pages link stylesheets and an icon that were never saved: answer them empty, so a
    // missing file is not reported as an error on the page.
    if (asset) return answer(200, assetTypes[asset]!);
    if (url.pathname !== '/usercenter/' && url.pathname !== '/usercenter/index.html') return answer(404, 'text/plain', 'no such console page');

    const pageName = url.searchParams.get('page');
    let html: string;
    if (pageName !== null) {
      const built = pages.get(pageName);
      if (built === undefined) return answer(404, 'text/plain', `no page ${pageName}`);
      html = built;
    } else {
      const fixture = url.searchParams.get('fixture') ?? options.defaultFixtures[host];
      if (!fixture || !namePattern.test(fixture)) return answer(404, 'text/plain', `no fixture for host ${host}`);
      const file = join(options.fixturesDir, `${fixture}.html`);
      if (!existsSync(file)) return answer(404, 'text/plain', `no fixture ${fixture}.html`);
      html = readFileSync(file, 'utf8');
    }

    const stylesName = url.searchParams.get('styles');
    if (stylesName !== null) {
      const css = styleSheets.get(stylesName);
      if (css === undefined) return answer(404, 'text/plain', `no stylesheet ${stylesName}`);
      html = withInlineStyles(html, css);
    }
    const scriptName = url.searchParams.get('script');
    if (scriptName !== null) {
      const source = scripts.get(scriptName);
      if (source === undefined) return answer(404, 'text/plain', `no test script ${scriptName}`);
      html = withInlineScript(html, source);
    }
    answer(200, 'text/html; charset=utf-8', html);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });

  return {
    port: (server.address() as AddressInfo).port,
    log,
    reports,
    defineScript(name, source) {
      if (!namePattern.test(name)) throw new Error(`script name ${name} must be lower-case words joined by -`);
      scripts.set(name, source);
    },
    defineStyles(name, css) {
      if (!namePattern.test(name)) throw new Error(`stylesheet name ${name} must be lower-case words joined by -`);
      styleSheets.set(name, css);
    },
    definePage(name, html) {
      if (!namePattern.test(name)) throw new Error(`page name ${name} must be lower-case words joined by -`);
      pages.set(name, html);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
