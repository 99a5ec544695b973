// npm run -s bench -- [--quick] [--json]
// Runs the page code the content script ships in headless Chromium over generated Unsubscriptions
// tables, beside a floor and a naive baseline, and prints the figures (see bench/README.md).
import { bundleHarness } from '../bench/lib/bundle';
import { launchBrowser } from '../bench/lib/browser';
import { describeMachine } from '../bench/lib/machine';
import { formatReport, jsonReport } from '../bench/lib/report';
import { makePlan, runPlan } from '../bench/lib/scenarios';
import { savedPageCase } from '../bench/lib/saved-page';
import { auditCase } from '../bench/lib/audit-case';

const usage = `Usage: npm run -s bench -- [--quick] [--json]
  --quick  fewer runs and no 10,000-row case: a smoke run of about a minute
  --json   print the results as JSON on stdout (progress goes to stderr)`;

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    console.log(usage);
    return 0;
  }
  const unknown = args.filter((arg) => !['--quick', '--json'].includes(arg));
  if (unknown.length) {
    console.error(`unknown option ${unknown.join(' ')}\n${usage}`);
    return 2;
  }
  const quick = args.includes('--quick');
  const json = args.includes('--json');
  const started = performance.now();
  const log = (message: string) => console.error(`[${((performance.now() - started) / 1000).toFixed(0).padStart(3)} s] ${message}`);

  const bundle = await bundleHarness();
  const browser = await launchBrowser(bundle.code);
  try {
    const machine = describeMachine(browser.version);
    log(`Chromium ${machine.chromium} on ${machine.cpu} (${machine.cores} cores)${quick ? ', quick run' : ''}`);
    const plan = makePlan(quick);
    const probe = await browser.openPage();
    const crossOriginIsolated = probe.info.crossOriginIsolated;
    if (!probe.info.longTaskTiming) log('warning: this Chromium reports no long tasks');
    await probe.close();
    const results = await runPlan(browser, plan, log);
    log('saved page of 41 MB through the scan CLI');
    results.savedPage = await savedPageCase();
    log('audit of 100,000 resources in 200 saved API pages');
    results.audit = await auditCase();
    const meta = { bundleBytes: bundle.bytes, seconds: (performance.now() - started) / 1000, crossOriginIsolated };
    if (json) console.log(JSON.stringify(jsonReport(results, machine, meta), null, 2));
    else console.log(formatReport(results, machine, meta));
    // The figures stand whatever the goals say; a wrong badge does not.
    return results.failures.length ? 1 : 0;
  } finally {
    await browser.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
