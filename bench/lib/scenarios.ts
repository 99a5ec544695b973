// The measurement plan and its execution: which scenario, how many rows, how many runs, in what
// order. Contenders take turns run by run, so a drift of the machine touches all three alike; a
// garbage collection between runs keeps one run's garbage out of the next.
import type { SavedPageCase } from './saved-page';
import type { AuditCase } from './audit-case';
import type { BenchBrowser, BenchPage, HeapFigures } from './browser';
import type { ChangeResult } from '../page/harness';
import type { ContenderName } from '../page/contenders';
import type { LookupTiming } from '../page/lookup-timing';

export const contenders: readonly ContenderName[] = ['ours', 'floor', 'naive'];

export type ChangeScenario = 'first annotation' | 'paging in place' | 'paging, new rows' | 'virtual scroll step';

export interface Plan {
  quick: boolean;
  sizes: number[];
  /** Runs per case, the first of which is discarded as warm-up. */
  runsFor(rows: number): number;
  /** Runs per paging case; the table stays for all of them, so no garbage collection between. */
  pagingRunsFor(rows: number): number;
  /** From this size on, no paging run is discarded and no collection follows the setup (it takes seconds). */
  warmPagingAt: number;
  churnRows: number;
  churnSteps: number;
  /** Naive re-reads the whole table per mutation: it gets fewer steps, and its figure is scaled. */
  naiveChurnSteps: number;
  churnRuns: number;
  stressRows: number;
  lookupSamples: number;
  /** The virtual scroll: rows rendered, items in the list, steps scrolled, items per step. */
  virtual: { rendered: number; items: number; steps: number; itemsPerStep: number };
}

export function makePlan(quick: boolean): Plan {
  return {
    quick,
    sizes: quick ? [100, 1000] : [100, 1000, 10000],
    runsFor: (rows) => (quick ? 3 : rows >= 10000 ? 3 : 7),
    // At 10,000 rows the console's own re-render takes seconds per page: two runs, both kept (the
    // code is warm from the smaller tables and the first annotation of this one).
    pagingRunsFor: (rows) => (quick ? 3 : rows >= 10000 ? 2 : 7),
    warmPagingAt: 10000,
    churnRows: 1000,
    churnSteps: 1000,
    naiveChurnSteps: quick ? 20 : 50,
    churnRuns: quick ? 2 : 3,
    stressRows: quick ? 1000 : 10000,
    lookupSamples: quick ? 50 : 200,
    virtual: { rendered: 20, items: 10000, steps: quick ? 20 : 60, itemsPerStep: 3 },
  };
}

export interface ChangeCase {
  scenario: ChangeScenario;
  rows: number;
  contender: ContenderName;
  kept: ChangeResult[];
  discarded: ChangeResult[];
}

export interface ChurnRun {
  steps: number;
  extensionMs: number;
  callbacks: number;
  rowReads: number;
  pageMs: number;
  elapsedMs: number;
}

export interface ChurnCase {
  rows: number;
  contender: ContenderName;
  /** The figures are per `scaledTo` mutations (naive: measured over fewer, scaled linearly). */
  scaledTo: number;
  kept: ChurnRun[];
  discarded: ChurnRun[];
}

export interface LongTaskCase {
  rows: number;
  contender: ContenderName;
  longestTaskMs: number;
  longTasks: number;
  longestCallbackMs: number;
  wallMs: number;
}

export interface MemoryCase {
  rows: number;
  /** 'none': the same table in and out with no extension, the control. */
  contender: ContenderName | 'none';
  baseline: HeapFigures;
  annotated: HeapFigures;
  afterLeaving: HeapFigures;
  tracked: { rows: number; badges: number };
  retained: { rows: number; badges: number; table: boolean } | null;
}

export interface Results {
  plan: Omit<Plan, 'runsFor' | 'pagingRunsFor'> & { runs: Record<number, { firstAnnotation: number; paging: number }> };
  cases: ChangeCase[];
  relayout: Array<{ rows: number; samples: number[] }>;
  churn: ChurnCase[];
  longTasks: LongTaskCase[];
  memory: MemoryCase[];
  /** Per contender: scroll steps, and steps after which some row's marks were wrong when it could paint. */
  virtual: Array<{ contender: ContenderName; steps: number; stepsWithStaleRows: number }>;
  lookup: LookupTiming | null;
  /** The scan CLI over a 41 MB saved page (set by scripts/bench.ts, outside the browser). */
  savedPage?: SavedPageCase;
  /** The audit CLI over 100,000 resources of saved API pages (set by scripts/bench.ts). */
  audit?: AuditCase;
  /** Verification failures: a wrong or missing badge after a run. Any makes the run fail. */
  failures: string[];
}

type Log = (message: string) => void;

function checkVerification(results: Results, what: string, verification: { rows: number; wrong: number; samples: string[] }): void {
  if (verification.wrong)
    results.failures.push(`${what}: ${verification.wrong} of ${verification.rows} rows wrong (${verification.samples.join('; ')})`);
}

async function firstAnnotation(page: BenchPage, plan: Plan, rows: number, results: Results, log: Log): Promise<void> {
  const cases = contenders.map((contender): ChangeCase => ({ scenario: 'first annotation', rows, contender, kept: [], discarded: [] }));
  const runs = plan.runsFor(rows);
  for (let run = 0; run < runs; run++) {
    // At the largest size the warm-up run is the long-task run: no forced layout at the end, the
    // browser lays out and paints when it would.
    const longTaskRun = run === 0 && rows === plan.stressRows;
    for (const item of cases) {
      const result = await page.call('firstAnnotation', { contender: item.contender, rows, page: run, layoutAtEnd: !longTaskRun });
      checkVerification(results, `first annotation, ${rows} rows, ${item.contender}, run ${run + 1}`, result.verification);
      (run === 0 ? item.discarded : item.kept).push(result);
      if (longTaskRun)
        results.longTasks.push({
          rows,
          contender: item.contender,
          longestTaskMs: result.longestTaskMs,
          longTasks: result.longTasks,
          longestCallbackMs: result.longestCallbackMs,
          wallMs: result.wallMs,
        });
      await page.collectGarbage();
    }
    log(`  first annotation, ${rows} rows: run ${run + 1}/${runs}`);
  }
  results.cases.push(...cases);
}

async function paging(page: BenchPage, plan: Plan, rows: number, results: Results, log: Log): Promise<void> {
  const runs = plan.pagingRunsFor(rows);
  for (const contender of contenders) {
    const setup = await page.call('setup', { contender, rows });
    checkVerification(results, `paging setup, ${rows} rows, ${contender}`, setup);
    const warm = rows >= plan.warmPagingAt;
    if (!warm) await page.collectGarbage();
    for (const [scenario, mode, firstPage] of [
      ['paging in place', 'in-place', 1],
      ['paging, new rows', 'replace', 100],
    ] as const) {
      const item: ChangeCase = { scenario, rows, contender, kept: [], discarded: [] };
      for (let run = 0; run < runs; run++) {
        const result = await page.call('flipPage', { mode, page: firstPage + run });
        checkVerification(results, `${scenario}, ${rows} rows, ${contender}, run ${run + 1}`, result.verification);
        (run === 0 && !warm ? item.discarded : item.kept).push(result);
      }
      results.cases.push(item);
    }
    await page.call('teardown');
    log(`  paging, ${rows} rows: ${contender} done`);
  }
}

/** Scrolls a virtual table step by step under ours and the floor; counts rows wrong when a step could paint. */
async function virtualScroll(page: BenchPage, plan: Plan, results: Results, log: Log): Promise<void> {
  const { rendered, items, steps, itemsPerStep } = plan.virtual;
  for (const contender of ['ours', 'floor'] as const) {
    const setup = await page.call('setup', { contender, rows: rendered });
    checkVerification(results, `virtual scroll setup, ${contender}`, setup);
    const item: ChangeCase = { scenario: 'virtual scroll step', rows: rendered, contender, kept: [], discarded: [] };
    let stale = 0;
    for (let step = 1; step <= steps; step++) {
      const first = (step * itemsPerStep) % (items - rendered);
      const result = await page.call('virtualStep', { first, rowHeight: 48 });
      checkVerification(results, `virtual scroll step ${step}, ${contender}`, result.verification);
      if (result.staleAtPaint) stale++;
      (step === 1 ? item.discarded : item.kept).push(result);
    }
    results.cases.push(item);
    results.virtual.push({ contender, steps, stepsWithStaleRows: stale });
    await page.call('teardown');
    log(`  virtual scroll: ${contender} done`);
  }
}

async function relayout(page: BenchPage, rows: number, results: Results): Promise<void> {
  await page.call('setup', { contender: 'none', rows });
  const samples = await page.call('relayoutProbe', { repeats: 5 });
  await page.call('teardown');
  results.relayout.push({ rows, samples });
}

async function churn(page: BenchPage, plan: Plan, results: Results, log: Log): Promise<void> {
  for (const contender of ['ours', 'naive'] as const) {
    const steps = contender === 'naive' ? plan.naiveChurnSteps : plan.churnSteps;
    const item: ChurnCase = { rows: plan.churnRows, contender, scaledTo: plan.churnSteps, kept: [], discarded: [] };
    const setup = await page.call('setup', { contender, rows: plan.churnRows });
    checkVerification(results, `churn setup, ${contender}`, setup);
    for (let run = 0; run < plan.churnRuns; run++) {
      const result = await page.call('churn', { steps });
      checkVerification(results, `churn, ${contender}, run ${run + 1}`, result.verification);
      const scale = plan.churnSteps / steps;
      const scaled: ChurnRun = {
        steps,
        extensionMs: result.extensionMs * scale,
        callbacks: result.callbacks * scale,
        rowReads: result.rowReads * scale,
        pageMs: result.pageMs * scale,
        elapsedMs: result.elapsedMs * scale,
      };
      (run === 0 ? item.discarded : item.kept).push(scaled);
      await page.collectGarbage();
    }
    await page.call('teardown');
    results.churn.push(item);
    log(`  churn: ${contender} done`);
  }
}

async function memory(browser: BenchBrowser, plan: Plan, results: Results, log: Log): Promise<void> {
  for (const contender of ['none', 'ours'] as const) {
    // A fresh tab each time: nothing left over from other scenarios.
    const page = await browser.openPage();
    try {
      await page.collectGarbage();
      const baseline = await page.heap();
      const setup = await page.call('setup', { contender, rows: plan.stressRows });
      checkVerification(results, `memory, ${contender}`, setup);
      await page.collectGarbage();
      const annotated = await page.heap();
      const tracked = await page.call('leaveRoute');
      await page.collectGarbage();
      const afterLeaving = await page.heap();
      const retained = await page.call('retained');
      await page.call('teardown');
      results.memory.push({ rows: plan.stressRows, contender, baseline, annotated, afterLeaving, tracked, retained });
    } finally {
      await page.close();
    }
  }
  log(`  memory, ${plan.stressRows} rows: done`);
}

export async function runPlan(browser: BenchBrowser, plan: Plan, log: Log): Promise<Results> {
  const results: Results = {
    plan: {
      ...plan,
      runs: Object.fromEntries(plan.sizes.map((rows) => [rows, { firstAnnotation: plan.runsFor(rows), paging: plan.pagingRunsFor(rows) }])),
    },
    cases: [],
    relayout: [],
    churn: [],
    longTasks: [],
    memory: [],
    virtual: [],
    lookup: null,
    failures: [],
  };
  await memory(browser, plan, results, log);

  const page = await browser.openPage();
  try {
    log('look-up');
    results.lookup = await page.call('lookups', { samples: plan.lookupSamples });
    for (const rows of plan.sizes) {
      log(`${rows} rows`);
      await firstAnnotation(page, plan, rows, results, log);
      await paging(page, plan, rows, results, log);
      await relayout(page, rows, results);
    }
    log('virtual scroll');
    await virtualScroll(page, plan, results, log);
    log('unrelated churn');
    await churn(page, plan, results, log);
  } finally {
    await page.close();
  }
  return results;
}
