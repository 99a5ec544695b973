// Turns the results into the readable report (a table, the goals met or not, the details behind
// them) and into the JSON summary for machines.
import type { Machine } from './machine';
import { summarize, type Summary } from './stats';
import type { ChangeCase, ChangeScenario, ChurnCase, Results } from './scenarios';

export interface Goal {
  goal: string;
  met: boolean;
  detail: string;
}

export interface TableRow {
  scenario: string;
  rows: number;
  unit: string;
  ours: Summary | null;
  floor: Summary | null;
  naive: Summary | null;
  oursOverFloor: number | null;
  naiveOverOurs: number | null;
}

function ms(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  if (Math.abs(value) >= 100) return value.toFixed(0);
  if (Math.abs(value) >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

function ratio(value: number | null): string {
  return value === null || !Number.isFinite(value) ? '—' : `${value.toFixed(2)}x`;
}

function range(summary: Summary | null): string {
  return summary ? `${ms(summary.min)}–${ms(summary.max)}` : '—';
}

function mib(bytes: number | null): string {
  return bytes === null ? '—' : `${(bytes / 2 ** 20).toFixed(1)} MiB`;
}

function signedMib(bytes: number | null): string {
  return bytes === null ? '—' : `${bytes >= 0 ? '+' : ''}${(bytes / 2 ** 20).toFixed(2)} MiB`;
}

const changeScenarios: ChangeScenario[] = ['first annotation', 'paging in place', 'paging, new rows'];

function findCase(results: Results, scenario: ChangeScenario, rows: number, contender: string): ChangeCase | undefined {
  return results.cases.find((c) => c.scenario === scenario && c.rows === rows && c.contender === contender);
}

function activeSummary(item: ChangeCase | undefined): Summary | null {
  return item?.kept.length ? summarize(item.kept.map((run) => run.activeMs)) : null;
}

function churnSummary(item: ChurnCase | undefined): Summary | null {
  return item?.kept.length ? summarize(item.kept.map((run) => run.extensionMs)) : null;
}

export function tableRows(results: Results): TableRow[] {
  const rows: TableRow[] = [];
  for (const scenario of changeScenarios)
    for (const size of results.plan.sizes) {
      const [ours, floor, naive] = (['ours', 'floor', 'naive'] as const).map((c) => activeSummary(findCase(results, scenario, size, c)));
      if (!ours) continue;
      rows.push({
        scenario,
        rows: size,
        unit: 'ms until every badge is right',
        ours,
        floor: floor ?? null,
        naive: naive ?? null,
        oursOverFloor: floor ? ours.median / floor.median : null,
        naiveOverOurs: naive ? naive.median / ours.median : null,
      });
    }
  const virtualRows = results.plan.virtual.rendered;
  const [virtualOurs, virtualFloor] = (['ours', 'floor'] as const).map((c) =>
    activeSummary(findCase(results, 'virtual scroll step', virtualRows, c)),
  );
  if (virtualOurs)
    rows.push({
      scenario: `virtual scroll step (${results.plan.virtual.items.toLocaleString('en')} items)`,
      rows: virtualRows,
      unit: 'ms until every visible badge is right',
      ours: virtualOurs,
      floor: virtualFloor ?? null,
      naive: null,
      oursOverFloor: virtualFloor ? virtualOurs.median / virtualFloor.median : null,
      naiveOverOurs: null,
    });
  const ours = churnSummary(results.churn.find((c) => c.contender === 'ours'));
  const naive = churnSummary(results.churn.find((c) => c.contender === 'naive'));
  if (ours)
    rows.push({
      scenario: `unrelated churn (${results.plan.churnSteps} mutations)`,
      rows: results.plan.churnRows,
      unit: 'ms in the extension’s callbacks',
      ours,
      floor: null,
      naive,
      oursOverFloor: null,
      naiveOverOurs: naive ? naive.median / ours.median : null,
    });
  return rows;
}

export function evaluateGoals(results: Results): Goal[] {
  const goals: Goal[] = [];
  const first = (c: string) => activeSummary(findCase(results, 'first annotation', 1000, c));
  const [oursFirst, floorFirst] = [first('ours'), first('floor')];
  if (oursFirst && floorFirst) {
    const r = oursFirst.median / floorFirst.median;
    goals.push({
      goal: 'first annotation of 1,000 rows within 2x the floor',
      met: r <= 2,
      detail: `${ms(oursFirst.median)} ms vs floor ${ms(floorFirst.median)} ms: ${ratio(r)}`,
    });
  }
  const stress = results.longTasks.find((t) => t.contender === 'ours');
  if (stress) {
    const worst = Math.max(stress.longestTaskMs, stress.longestCallbackMs);
    goals.push({
      goal: `${stress.rows.toLocaleString('en')} rows with no long task over 50 ms`,
      met: worst <= 50,
      detail: `longest task ${ms(stress.longestTaskMs)} ms (${stress.longTasks} long tasks); longest callback of the annotator ${ms(stress.longestCallbackMs)} ms`,
    });
  }
  const inPlace = (c: string) => activeSummary(findCase(results, 'paging in place', 100, c));
  const [oursPage, floorPage] = [inPlace('ours'), inPlace('floor')];
  if (oursPage && floorPage) {
    const r = oursPage.median / floorPage.median;
    goals.push({
      goal: 'in-place paging of 100 rows within 2x the floor',
      met: r <= 2,
      detail: `${ms(oursPage.median)} ms vs floor ${ms(floorPage.median)} ms: ${ratio(r)}`,
    });
  }
  const virtual = (c: string) => activeSummary(findCase(results, 'virtual scroll step', results.plan.virtual.rendered, c));
  const [oursScroll, floorScroll] = [virtual('ours'), virtual('floor')];
  const staleness = results.virtual.find((v) => v.contender === 'ours');
  if (oursScroll && floorScroll && staleness) {
    const r = oursScroll.median / floorScroll.median;
    goals.push({
      goal: 'virtual scroll step within 1.5x the floor',
      met: r <= 1.5,
      detail: `${ms(oursScroll.median)} ms vs floor ${ms(floorScroll.median)} ms: ${ratio(r)}`,
    });
    goals.push({
      goal: 'no stale badge at any virtual scroll step',
      met: staleness.stepsWithStaleRows === 0,
      detail: `${staleness.stepsWithStaleRows} of ${staleness.steps} steps had a row whose marks were wrong when the step could first paint`,
    });
  }
  const memoryOf = (c: string) => results.memory.find((m) => m.contender === c);
  const [withOurs, without] = [memoryOf('ours'), memoryOf('none')];
  if (withOurs && without && withOurs.annotated.jsEventListeners !== null && without.annotated.jsEventListeners !== null) {
    const added =
      withOurs.annotated.jsEventListeners -
      withOurs.baseline.jsEventListeners -
      (without.annotated.jsEventListeners - without.baseline.jsEventListeners);
    goals.push({
      goal: 'listeners added per table: a constant, not one per badge',
      met: added <= 20,
      detail: `${added} listeners added for a ${withOurs.rows.toLocaleString('en')}-row table`,
    });
  }
  const churn = results.churn.find((c) => c.contender === 'ours');
  if (churn) {
    const runs = [...churn.discarded, ...churn.kept];
    const reads = runs.reduce((sum, run) => sum + run.rowReads, 0);
    goals.push({
      goal: 'unrelated churn causes zero row re-reads',
      met: reads === 0,
      detail: `${reads} row reads over ${runs.length} runs of ${churn.scaledTo} mutations`,
    });
  }
  if (results.lookup) {
    const medians = results.lookup.queries.map((q) => ({ query: q.query, median: summarize(q.samples).median }));
    const worst = medians.reduce((a, b) => (b.median > a.median ? b : a));
    const all = summarize(results.lookup.queries.flatMap((q) => q.samples));
    goals.push({
      goal: 'look-up median under 1 ms for each query',
      met: worst.median < 1,
      detail: `slowest query "${worst.query}" ${ms(worst.median)} ms; all queries: median ${ms(all.median)} ms, p95 ${ms(
        quantileOf(
          results.lookup.queries.flatMap((q) => q.samples),
          0.95,
        ),
      )} ms`,
    });
  }
  const mem = results.memory.find((m) => m.contender === 'ours');
  const control = results.memory.find((m) => m.contender === 'none');
  if (mem && mem.retained) {
    const jsOver = mem.afterLeaving.jsUsed - mem.baseline.jsUsed - (control ? control.afterLeaving.jsUsed - control.baseline.jsUsed : 0);
    const nodesOver = mem.afterLeaving.domNodes - mem.baseline.domNodes - (control ? control.afterLeaving.domNodes - control.baseline.domNodes : 0);
    const met = mem.retained.rows === 0 && mem.retained.badges === 0 && !mem.retained.table && jsOver < 2 ** 20 && nodesOver < 100;
    goals.push({
      goal: 'memory back to baseline after leaving the route, no detached rows retained',
      met,
      detail: `retained ${mem.retained.rows} of ${mem.tracked.rows} rows, ${mem.retained.badges} of ${mem.tracked.badges} badges; after leaving, beyond the no-extension control: JS heap ${signedMib(jsOver)}, DOM nodes ${nodesOver >= 0 ? '+' : ''}${nodesOver}`,
    });
  }
  const saved = results.savedPage;
  if (saved) {
    const size = `${(saved.bytes / 2 ** 20).toFixed(0)} MB`;
    const memory = saved.peakMiB === null ? 'memory not measured' : `peak ${saved.peakMiB.toFixed(0)} MiB`;
    const refused = saved.exitCode === 2 && /not read/.test(saved.message);
    const read = saved.exitCode !== 2 && saved.exitCode !== null && saved.exitCode <= 1 && saved.seconds < 30 && (saved.peakMiB ?? 0) < 1024;
    goals.push({
      goal: `a ${size} saved page of ${saved.rows.toLocaleString('en')} rows: read in under 30 s and 1 GB, or refused naming the limit`,
      met: refused || read,
      detail: `${refused ? 'refused' : `exit ${saved.exitCode}`} after ${saved.seconds.toFixed(1)} s, ${memory}${saved.message ? `: "${saved.message}"` : ''}`,
    });
  }
  const audit = results.audit;
  if (audit) {
    const memory = audit.peakMiB === null ? 'memory not measured' : `peak ${audit.peakMiB.toFixed(0)} MiB`;
    // Exit 1: some resources are blocked, as the generated pages mean them to be.
    const ran = audit.exitCode === 1 && !audit.message;
    goals.push({
      goal: `the audit of ${audit.resources.toLocaleString('en')} resources in ${audit.files} files: under 3 s and 500 MB`,
      met: ran && audit.seconds < 3 && audit.peakMiB !== null && audit.peakMiB < 500,
      detail: `exit ${audit.exitCode} after ${audit.seconds.toFixed(2)} s, ${memory}${audit.message ? `: "${audit.message}"` : ''}`,
    });
  }
  return goals;
}

function quantileOf(samples: number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

function pad(text: string, width: number, right = false): string {
  return right ? text.padStart(width) : text.padEnd(width);
}

function renderTable(header: string[], body: string[][], rightAligned: Set<number>): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => pad(cell, widths[i]!, rightAligned.has(i)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)];
}

export function formatReport(
  results: Results,
  machine: Machine,
  meta: { bundleBytes: number; seconds: number; crossOriginIsolated: boolean },
): string {
  const out: string[] = [];
  out.push('Unsub Lens performance benchmark');
  out.push(
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB; Chromium ${machine.chromium} (headless=new); Node ${machine.node}`,
  );
  const runs = Object.entries(results.plan.runs)
    .map(([rows, n]) =>
      Number(rows) >= results.plan.warmPagingAt
        ? `${Number(rows).toLocaleString('en')} rows: ${n.firstAnnotation} for first annotation, ${n.paging} for paging (none discarded: already warm)`
        : `${Number(rows).toLocaleString('en')} rows: ${n.firstAnnotation === n.paging ? n.paging : `${n.firstAnnotation} (first annotation), ${n.paging} (paging)`}`,
    )
    .join('; ');
  out.push(`Runs per case, the first discarded as warm-up: ${runs}.${results.plan.quick ? ' Quick run: fewer runs, no 10,000-row case.' : ''}`);
  out.push(
    `At ${results.plan.stressRows.toLocaleString('en')} rows the warm-up run of the first annotation is the long-task run (no forced layout); ` +
      `churn: ${results.plan.churnRuns} runs, the first discarded.`,
  );
  out.push(
    `Page code: annotator + engine + catalog bundled by esbuild, minified (${(meta.bundleBytes / 1000).toFixed(0)} kB with the harness). ` +
      `Clock: ${meta.crossOriginIsolated ? '5 µs (cross-origin isolated page)' : '100 µs'}.`,
  );
  out.push('');
  out.push('Times in ms, median of the kept runs; from the change to every badge right, forced style and layout');
  out.push('included, the wait for the first animation frame left out (see bench/README.md).');
  out.push('');
  const body = tableRows(results).map((row) => [
    row.scenario,
    row.rows.toLocaleString('en'),
    ms(row.ours?.median),
    ms(row.floor?.median),
    ms(row.naive?.median),
    ratio(row.oursOverFloor),
    ratio(row.naiveOverOurs),
    `${range(row.ours)} | ${range(row.floor)} | ${range(row.naive)}`,
  ]);
  out.push(
    ...renderTable(
      ['scenario', 'rows', 'ours', 'floor', 'naive', 'ours/floor', 'naive/ours', 'spread min–max (ours | floor | naive)'],
      body,
      new Set([1, 2, 3, 4, 5, 6]),
    ),
  );
  out.push('');

  out.push('Goals');
  for (const goal of evaluateGoals(results)) out.push(`  [${goal.met ? 'met' : 'NOT MET'}] ${goal.goal}: ${goal.detail}`);
  out.push('');

  out.push('Details');
  for (const scenario of changeScenarios) {
    const perSize = (contender: string, pick: (r: ChangeCase['kept'][number]) => number) =>
      results.plan.sizes.map((size) => {
        const item = findCase(results, scenario, size, contender);
        return item?.kept.length ? ms(summarize(item.kept.map(pick)).median) : '—';
      });
    out.push(
      `  ${scenario} (${results.plan.sizes.map((size) => size.toLocaleString('en')).join(' / ')} rows): ` +
        `row reads ours ${perSize('ours', (r) => r.rowReads).join(' / ')}, naive ${perSize('naive', (r) => r.rowReads).join(' / ')}; ` +
        `mutation records ours received ${perSize('ours', (r) => r.records).join(' / ')}; ` +
        `the console's own change and layout ${perSize('ours', (r) => r.consoleMs).join(' / ')} ms`,
    );
  }
  out.push('  Ours, where the time goes (medians, ms):');
  for (const c of results.cases.filter((c) => c.contender === 'ours' && c.kept.length)) {
    const m = (pick: (r: ChangeCase['kept'][number]) => number) => ms(summarize(c.kept.map(pick)).median);
    out.push(
      `    ${c.scenario} ${c.rows}: wall ${m((r) => r.wallMs)}, in its callbacks ${m((r) => r.busyMs)} (final layout ${m((r) => r.layoutMs)}), ` +
        `longest callback ${m((r) => r.longestCallbackMs)}, frames ${m((r) => r.frames)}, zero-delay slices ${m((r) => r.slices)}, ` +
        `most queued at once ${m((r) => r.maxPendingWork)}`,
    );
  }
  if (results.relayout.length)
    out.push(
      `  The browser's own relayout after one <span> put in one cell (no extension): ${results.relayout
        .map((r) => `${r.rows.toLocaleString('en')} rows ${ms(summarize(r.samples).median)} ms`)
        .join(', ')}`,
    );
  for (const item of results.churn) {
    const s = summarize(item.kept.map((r) => r.extensionMs));
    const readsMedian = summarize(item.kept.map((r) => r.rowReads)).median;
    const pageMs = summarize(item.kept.map((r) => r.pageMs)).median;
    const measured = item.kept[0]?.steps ?? item.scaledTo;
    out.push(
      `  Churn, ${item.contender}: ${ms(s.median)} ms in its callbacks and ${Math.round(readsMedian)} row reads per ${item.scaledTo} mutations` +
        `${measured !== item.scaledTo ? ` (measured over ${measured}, scaled)` : ''}; the page's own mutations took ${ms(pageMs)} ms`,
    );
  }
  for (const t of results.longTasks)
    out.push(
      t.contender === 'naive'
        ? `  Long tasks, ${t.rows.toLocaleString('en')} rows, naive: works inside the console's own task (its observer runs right after the change), so its task cannot be told apart; its callback took ${ms(t.longestCallbackMs)} ms`
        : `  Long tasks, ${t.rows.toLocaleString('en')} rows, ${t.contender}: longest ${ms(t.longestTaskMs)} ms (${t.longTasks} over 50 ms), its own longest callback ${ms(t.longestCallbackMs)} ms, all badged after ${ms(t.wallMs)} ms`,
    );
  for (const m of results.memory) {
    const who = m.contender === 'none' ? 'no extension (control)' : m.contender;
    out.push(
      `  Memory, ${m.rows.toLocaleString('en')} rows, ${who}: JS heap ${mib(m.baseline.jsUsed)} -> ${mib(m.annotated.jsUsed)} annotated -> ${mib(m.afterLeaving.jsUsed)} after leaving; ` +
        `Blink heap ${mib(m.baseline.embedderUsed)} -> ${mib(m.annotated.embedderUsed)} -> ${mib(m.afterLeaving.embedderUsed)}; ` +
        `DOM nodes ${m.baseline.domNodes} -> ${m.annotated.domNodes} -> ${m.afterLeaving.domNodes}; listeners ${m.baseline.jsEventListeners} -> ${m.annotated.jsEventListeners} -> ${m.afterLeaving.jsEventListeners}` +
        (m.retained ? `; still alive after GC: ${m.retained.rows} rows, ${m.retained.badges} badges, table ${m.retained.table ? 'yes' : 'no'}` : ''),
    );
  }
  if (results.lookup) {
    const l = results.lookup;
    out.push(
      `  Look-up over ${l.entries} entries (catalog + ${l.userRules} user rules); index built in ${ms(summarize(l.indexBuildMs).median)} ms (median of ${l.indexBuildMs.length}):`,
    );
    const qBody = l.queries.map((q) => {
      const s = summarize(q.samples);
      const check = q.expectedTop === undefined ? '' : q.top === q.expectedTop ? 'ok' : `expected ${q.expectedTop}`;
      return [`"${q.query}"`, ms(s.median), ms(quantileOf(q.samples, 0.95)), String(q.hits), q.top ?? '(none)', check];
    });
    for (const line of renderTable(['query', 'median', 'p95', 'hits', 'first hit', 'check'], qBody, new Set([1, 2, 3]))) out.push(`    ${line}`);
  }
  out.push('');
  const verified = results.cases.reduce((sum, c) => sum + [...c.kept, ...c.discarded].reduce((s, r) => s + r.verification.rows, 0), 0);
  out.push(
    results.failures.length
      ? `VERIFICATION FAILED (${results.failures.length}):\n${results.failures.map((f) => `  ${f}`).join('\n')}`
      : `Verified after every run: ${verified.toLocaleString('en')} row states (verdict, rule ids and badge of ours and naive; one mark per row for the floor), none wrong.`,
  );
  out.push(`Finished in ${meta.seconds.toFixed(0)} s.`);
  return out.join('\n');
}

export function jsonReport(results: Results, machine: Machine, meta: { bundleBytes: number; seconds: number; crossOriginIsolated: boolean }) {
  return {
    machine,
    meta,
    table: tableRows(results),
    goals: evaluateGoals(results),
    lookupFailures: results.lookup?.queries.filter((q) => q.expectedTop !== undefined && q.top !== q.expectedTop).map((q) => q.query) ?? [],
    results,
  };
}
