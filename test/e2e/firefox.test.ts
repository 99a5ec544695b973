// The Firefox build in Firefox ESR (headless, through web-ext run): its content script badges both
// saved Unsubscriptions pages, at the console's URLs, with the verdicts of their expectation files.
// Firefox cannot be driven from here, so a test script in each served page reports what it sees.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { chinaHost, consoleUrl, defaultFixtures, fixturesDir, intlHost, repoRoot } from './harness';
import { makeCertificate, type Certificate } from './support/certificate';
import { startFixtureServer, type FixtureServer } from './support/fixture-server';
import { startConsoleProxy, type ConsoleProxy } from './support/console-proxy';
import { startFirefox } from './support/firefox';
import { annotatedRowsInPage, ownMarkNames, type AnnotatedRow } from './support/page-reading';
import { loadExpected, rowMismatches } from './support/expectations';

// Firefox is not under automation here, so badges' shadow roots are closed: the page's report sees the
// verdict each badge carries, not its words (Chromium's suite and the unit tests check the words).
const closedBadge = { blocked: '[blocked]', caution: '[caution]' };
const sites = [
  { host: intlHost, expected: loadExpected(fixturesDir, defaultFixtures[intlHost]!), labels: closedBadge },
  { host: chinaHost, expected: loadExpected(fixturesDir, defaultFixtures[chinaHost]!), labels: closedBadge },
];

/** Waits until the page's rows carry verdicts (the same number twice running), then reports them. */
function reportScript(expectedRows: number): string {
  return `(() => {
    const read = ${annotatedRowsInPage.toString()};
    const names = ${JSON.stringify(ownMarkNames)};
    const started = Date.now();
    let last = -1;
    const tick = () => {
      const rows = read(names);
      const settled = rows.length === ${expectedRows} && rows.length === last;
      last = rows.length;
      if (settled || Date.now() - started > 25000)
        fetch('/usercenter/__report', { method: 'POST', body: JSON.stringify({ host: location.host, rows }) });
      else setTimeout(tick, 250);
    };
    setTimeout(tick, 250);
  })();`;
}

let certDir: string;
let certificate: Certificate;
let server: FixtureServer;
let proxy: ConsoleProxy;

beforeAll(async () => {
  certDir = mkdtempSync(join(tmpdir(), 'unsub-lens-cert-'));
  certificate = makeCertificate(certDir);
  server = await startFixtureServer({ fixturesDir, certificate, defaultFixtures });
  proxy = await startConsoleProxy(server.port);
});

afterAll(async () => {
  await proxy?.close();
  await server?.close();
  rmSync(certDir, { recursive: true, force: true });
});

it('the Firefox MV2 build badges both consoles with the verdicts and rules of their expectation files', async () => {
  for (const { host, expected } of sites) server.defineScript(`report-${host.split('.')[0]}`, reportScript(expected.rows.length));
  const firefox = startFirefox({
    repoRoot,
    extensionDir: join(repoRoot, '.output/firefox-mv2'),
    startUrls: sites.map(({ host }) => consoleUrl(host, { script: `report-${host.split('.')[0]}` })),
    certificate,
    proxyPort: proxy.port,
    timeoutSeconds: 60,
  });
  try {
    const deadline = Date.now() + 50_000;
    while (server.reports.length < sites.length && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 250));
  } finally {
    await firefox.stop();
  }

  const reports = server.reports.map((body) => JSON.parse(body) as { host: string; rows: AnnotatedRow[] });
  expect(reports.map((report) => report.host).sort(), `Firefox did not report both pages. web-ext said:\n${firefox.output.join('')}`).toEqual(
    sites.map(({ host }) => host).sort(),
  );
  for (const { host, expected, labels } of sites) {
    const report = reports.find((candidate) => candidate.host === host)!;
    expect(rowMismatches(report.rows, expected.rows, { labels }), host).toEqual([]);
  }
}, 70_000);
