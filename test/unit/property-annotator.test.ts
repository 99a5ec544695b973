// Property tests of the live annotator: random pages, then random sequences of what the console does
// to them while the annotator runs (rows inserted, removed, moved, re-rendered in place, cells
// re-texted, bodies replaced or dropped, actions enabled and disabled, tables coming and going,
// unrelated parts of the page changing, settings changing, the annotator stopped and started).
// After each batch, with the scheduler and the MutationObserver callbacks drained:
// - no error was recorded;
// - every row a fresh scan of the page recognizes carries that scan's verdict and rule ids, and one
//   badge (in one of its own cells) when the verdict is blocked or caution or allowed rows are shown;
//   nothing else in the page carries a verdict or a badge;
// - the summary the popup shows and the toolbar count agree with that scan;
// - the page is exactly what the console made of it: no element of the page's text became markup,
//   nothing of the console's was changed; and after stop() nothing of the extension is left.
//
// A fixed seed and few runs keep CI fast. Run longer with
//   FC_RUNS=2000 npx vitest run test/unit/property-annotator
// and replay a failure with the seed and path fast-check prints:
//   FC_SEED=<seed> FC_PATH=<path> npx vitest run test/unit/property-annotator
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { createAnnotator, type Annotator, type AnnotatorOptions, type Timers } from '../../src/annotator/annotator';
import { headerNames } from '../../src/console/columns';
import { scanDocument } from '../../src/page/scan';
import type { HeaderNames } from '../../src/console/columns';
import type { ColumnField } from '../../src/console/columns';
import { compileCatalog, type CompiledCatalog } from '../../src/rules/engine';
import { catalog } from '../../src/rules/catalog';
import { badgeText } from '../../src/badges/badge-text';
import type { Lang } from '../../src/rules/types';
import {
  PageBuilder,
  cellText,
  currentBody,
  fullTableArb,
  currentRows,
  foreignElements,
  nextTask,
  pageArb,
  propertyParameters,
  propertyTimeout,
  rowArb,
  tableArb,
  vocabulary,
  withoutOwnMarks,
  type BuiltTable,
  type RowModel,
  type TableModel,
} from '../support/arbitraries';

// ---------------------------------------------------------------------------------------------
// Settings

interface SettingsModel {
  showAllowed: boolean;
  disabledRules: string[];
  lang: Lang;
  extraHeaders: HeaderNames | undefined;
}

const settingsArb: fc.Arbitrary<SettingsModel> = fc.record({
  showAllowed: fc.boolean(),
  disabledRules: fc.subarray(['expired', 'service/simple-message-notification', 'unknown-reason', 'marketplace', 'trial', 'frozen-for-security']),
  lang: fc.constantFrom('en', 'zh') as fc.Arbitrary<Lang>,
  // 'Service Name' and 'State' are among the generated unknown headers: this makes them known.
  extraHeaders: fc.constantFrom(undefined, { productType: ['Service Name'], status: ['State'] }),
});

const defaultSettings: SettingsModel = { showAllowed: false, disabledRules: [], lang: 'en', extraHeaders: undefined };

const compiledCache = new Map<string, CompiledCatalog>();
function compiledFor(settings: SettingsModel): CompiledCatalog {
  const key = `${settings.lang}|${settings.disabledRules.join(',')}`;
  let compiled = compiledCache.get(key);
  if (!compiled) compiledCache.set(key, (compiled = compileCatalog(catalog, { disabledRules: settings.disabledRules, lang: settings.lang })));
  return compiled;
}

function optionsFor(settings: SettingsModel): AnnotatorOptions {
  return {
    compiled: compiledFor(settings),
    lang: settings.lang,
    showAllowed: settings.showAllowed,
    headers: headerNames(settings.extraHeaders),
    words: badgeText[settings.lang],
  };
}

// ---------------------------------------------------------------------------------------------
// What the console does

type Command =
  | { kind: 'insert'; table: number; at: number; row: RowModel }
  | { kind: 'remove'; table: number; at: number }
  | { kind: 'rerender'; table: number; at: number; row: RowModel }
  | { kind: 'move'; table: number; from: number; to: number }
  | { kind: 'retext'; table: number; at: number; field: ColumnField | undefined; cell: number; text: string; how: 'data' | 'textContent' }
  | { kind: 'replaceBody'; table: number; rows: RowModel[] }
  | { kind: 'emptyBody'; table: number }
  | { kind: 'attribute'; table: number; at: number; target: number; name: string; value: string | null; onRow: boolean }
  | { kind: 'unrelated'; what: 'text' | 'add' | 'remove' | 'attribute'; text: string }
  | { kind: 'addTable'; table: TableModel }
  | { kind: 'removeTable'; table: number }
  | { kind: 'settings'; settings: SettingsModel }
  | { kind: 'restart' }
  | { kind: 'check' };

const rowOptions = { minRows: 1, maxRows: 4, maxTables: 2 };
/** Which table, row or cell: most commands go to a resource table, some to any table. */
const index = fc.nat({ max: 20 });
const anyTable = 100;
const tableIndex = fc.oneof({ weight: 5, arbitrary: index }, { weight: 1, arbitrary: index.map((i) => anyTable + i) });

/** Attribute changes on a row's actions (enabled, disabled, a reason tooltip) or on the row itself. */
const attributeChange = fc.oneof(
  fc.record({ onRow: fc.constant(false), name: fc.constant('disabled'), value: fc.constantFrom('', null) }),
  fc.record({ onRow: fc.constant(false), name: fc.constant('aria-disabled'), value: fc.constantFrom('true', 'false', null) }),
  fc.record({
    onRow: fc.constant(false),
    name: fc.constantFrom('title', 'data-tooltip'),
    value: fc.option(fc.oneof(fc.constantFrom(...vocabulary.reasons), cellText({ huge: false }))),
  }),
  fc.record({ onRow: fc.constant(false), name: fc.constant('class'), value: fc.constantFrom('ti3-btn-disabled', '', null) }),
  fc.record({
    onRow: fc.constant(true),
    name: fc.constant('class'),
    value: fc.constantFrom('ti3-disabled-tr', 'ti3-disabled-tr', 'ti3-selected-tr', null),
  }),
);

const commandArb: fc.Arbitrary<Command> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('insert' as const), table: tableIndex, at: index, row: rowArb() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('remove' as const), table: tableIndex, at: index }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('rerender' as const), table: tableIndex, at: index, row: rowArb() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('move' as const), table: tableIndex, from: index, to: index }) },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('retext' as const),
      table: tableIndex,
      at: index,
      // The cell under a column the verdict reads, or any cell.
      field: fc.constantFrom('productType', 'status', 'billingMode', 'reason', 'resource', undefined),
      cell: index,
      text: fc.oneof(fc.constantFrom(...vocabulary.products, ...vocabulary.statuses), cellText()),
      how: fc.constantFrom('data', 'textContent') as fc.Arbitrary<'data' | 'textContent'>,
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('replaceBody' as const), table: tableIndex, rows: fc.array(rowArb(), { maxLength: 4 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('emptyBody' as const), table: tableIndex }) },
  {
    weight: 4,
    arbitrary: fc
      .record({ table: tableIndex, at: index, target: index, change: attributeChange })
      .map(({ change, ...where }) => ({ kind: 'attribute' as const, ...where, ...change })),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('unrelated' as const),
      what: fc.constantFrom('text', 'add', 'remove', 'attribute') as fc.Arbitrary<'text' | 'add' | 'remove' | 'attribute'>,
      text: cellText({ huge: false }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('addTable' as const), table: tableArb(rowOptions) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('removeTable' as const), table: tableIndex }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('settings' as const), settings: settingsArb }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'restart' as const }) },
  { weight: 3, arbitrary: fc.constant({ kind: 'check' as const }) },
);

/** Small edits in place: a text node of a cell the verdict reads, an action or row attribute. */
const editArb: fc.Arbitrary<Command> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('retext' as const),
      table: fc.constant(0),
      at: index,
      field: fc.constantFrom('productType', 'status', 'billingMode', 'reason'),
      cell: index,
      text: fc.oneof(
        fc.constantFrom(...vocabulary.products, ...vocabulary.statuses, ...vocabulary.billing, ...vocabulary.reasons, ''),
        cellText({ huge: false }),
      ),
      how: fc.constant('data' as const),
    }),
  },
  {
    weight: 3,
    arbitrary: fc
      .record({ table: fc.constant(0), at: index, target: index, change: attributeChange })
      .map(({ change, ...where }) => ({ kind: 'attribute' as const, ...where, ...change })),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'check' as const }) },
);

// ---------------------------------------------------------------------------------------------
// The harness

/** Frames and timeouts the test runs by hand, until nothing is left to run. */
function manualScheduler() {
  const queue: Array<() => void> = [];
  const scheduler: Timers = { frame: (cb) => void queue.push(cb), timeout: (cb) => void queue.push(cb) };
  const drain = async () => {
    for (let round = 0; round < 200; round++) {
      await nextTask(); // MutationObserver callbacks run as microtasks before this resolves
      if (!queue.length) return;
      while (queue.length) queue.shift()!();
    }
    throw new Error('the annotator never went quiet');
  };
  return { scheduler, drain };
}

interface Run {
  builder: PageBuilder;
  tables: BuiltTable[];
  area: HTMLElement;
  clock: HTMLElement;
  annotator: Annotator;
  settings: SettingsModel;
  /** The page as the console left it after the last change the test made. */
  page: string;
  counts: Array<number | null>;
}

function pick<T>(items: readonly T[], at: number): T | undefined {
  return items.length ? items[at % items.length] : undefined;
}

/** The table a command works on: a resource table when there is one, unless it asked for any table. */
function pickTable(run: Run, at: number): BuiltTable | undefined {
  const resourceTables = run.tables.filter((table) => table.shape.recognized);
  return at >= anyTable || !resourceTables.length ? pick(run.tables, at) : pick(resourceTables, at);
}

/** A body for a table that has none (the console rendering its first rows). */
function ensureBody(run: Run, built: BuiltTable): Element {
  const existing = currentBody(built);
  if (existing) return existing;
  const body = run.builder.body(built, []);
  built.bodyHost.append(body);
  return body;
}

/** Re-renders a row in place, as Angular does on paging: same row and cells, new content and classes. */
function rerender(run: Run, built: BuiltTable, row: Element, model: RowModel): void {
  const fresh = run.builder.row(built.model, built.shape, model);
  const cells = [...row.children];
  const freshCells = [...fresh.children];
  freshCells.forEach((freshCell, i) => {
    const cell = cells[i];
    if (!cell) return row.append(freshCell);
    cell.replaceChildren(...freshCell.childNodes);
    for (const name of ['class', 'colspan', 'rowspan', 'role']) {
      const value = freshCell.getAttribute(name);
      if (value === null) cell.removeAttribute(name);
      else if (cell.getAttribute(name) !== value) cell.setAttribute(name, value);
    }
  });
  for (const extra of cells.slice(freshCells.length)) extra.remove();
  const rowClass = fresh.getAttribute('class');
  if (rowClass === null) row.removeAttribute('class');
  else row.setAttribute('class', rowClass);
}

/** Applies one command; returns whether it changed the page. */
function apply(run: Run, command: Command): boolean {
  const built = 'table' in command && typeof command.table === 'number' ? pickTable(run, command.table) : undefined;
  const rows = built ? currentRows(run.builder, built) : [];
  switch (command.kind) {
    case 'insert': {
      if (!built) return false;
      const body = ensureBody(run, built);
      const before = rows.length ? rows[command.at % (rows.length + 1)] : undefined;
      body.insertBefore(run.builder.row(built.model, built.shape, command.row), before ?? null);
      return true;
    }
    case 'remove': {
      const row = pick(rows, command.at);
      row?.remove();
      return Boolean(row);
    }
    case 'rerender': {
      const row = pick(rows, command.at);
      if (!built || !row) return false;
      rerender(run, built, row, command.row);
      return true;
    }
    case 'move': {
      const row = pick(rows, command.from);
      const before = pick(rows, command.to);
      if (!row || row === before) return false;
      row.parentElement!.insertBefore(row, before ?? null);
      return true;
    }
    case 'retext': {
      const cells = [...(pick(rows, command.at)?.children ?? [])];
      const column = command.field && built?.shape.columns[command.field];
      const cell = (column && cells[column.index]) || pick(cells, command.cell);
      if (!cell) return false;
      if (command.how === 'textContent') cell.textContent = command.text;
      else {
        const node = [...cell.childNodes].find((child) => child.nodeType === 3) as Text | undefined;
        if (node) node.data = command.text;
        else cell.prepend(command.text);
      }
      return true;
    }
    case 'replaceBody': {
      if (!built) return false;
      const body = run.builder.body(built, command.rows);
      const old = currentBody(built);
      if (old) old.replaceWith(body);
      else built.bodyHost.append(body);
      return true;
    }
    case 'emptyBody': {
      if (!built) return false;
      // A native table without <thead> keeps its header row in the body: only the data rows go.
      if (built.model.layout === 'native-th-row') for (const row of rows) row.remove();
      else currentBody(built)?.remove();
      return true;
    }
    case 'attribute': {
      const row = pick(rows, command.at);
      if (!row) return false;
      // The actions in the Operation cell when the table has one, else any link or button of the row.
      const column = built?.shape.columns.operation;
      const holder = (column && row.children[column.index]) || row;
      const target = command.onRow
        ? row
        : pick([...holder.querySelectorAll('a, button, ti-button, [role="button"], [aria-disabled]')], command.target);
      if (!target) return false;
      if (command.value === null) target.removeAttribute(command.name);
      else target.setAttribute(command.name, command.value);
      return true;
    }
    case 'unrelated': {
      if (command.what === 'text') run.clock.textContent = command.text;
      else if (command.what === 'add') run.area.append(run.builder.el('div', { class: 'toast' }, command.text));
      else if (command.what === 'remove') {
        const last = run.area.lastElementChild;
        if (last && last !== run.clock) last.remove();
      } else run.area.setAttribute('aria-label', command.text);
      return true;
    }
    case 'addTable': {
      const added = run.builder.table(command.table);
      run.area.before(run.builder.el('div', { class: 'late-table' }, added.root));
      run.tables.push(added);
      return true;
    }
    case 'removeTable': {
      if (!built) return false;
      built.root.remove();
      run.tables.splice(run.tables.indexOf(built), 1);
      return true;
    }
    case 'settings':
      run.settings = command.settings;
      run.annotator.update(optionsFor(run.settings));
      return false;
    case 'restart':
    case 'check':
      return false;
  }
}

/** What a fresh scan of the page, as the console made it, says; checked against what the annotator shows. */
function expectAnnotationsMatchScan(run: Run): void {
  const summary = run.annotator.summary();
  expect(summary.diagnostics.errors, 'errors the annotator recorded').toEqual([]);

  const { settings } = run;
  const scan = scanDocument(
    withoutOwnMarks(document.body),
    compiledFor(settings),
    settings.extraHeaders ? { extraHeaders: settings.extraHeaders } : {},
  );
  const live = new Map([...document.body.querySelectorAll('[data-tid]')].map((element) => [element.getAttribute('data-tid'), element]));

  let badges = 0;
  for (const row of scan.rows) {
    const element = live.get(row.element.getAttribute('data-tid'))!;
    const where = `row ${row.index} (${element.outerHTML.slice(0, 160)})`;
    const rules = row.evaluation.reasons.map((reason) => reason.ruleId);
    expect(element.getAttribute('data-unsub-lens'), `verdict of ${where}`).toBe(row.evaluation.verdict);
    expect(element.getAttribute('data-unsub-lens-rules'), `rule ids of ${where}`).toBe(rules.join(' '));
    const expected = row.evaluation.verdict !== 'allowed' || settings.showAllowed ? 1 : 0;
    const found = [...element.querySelectorAll('.unsub-lens-badge')];
    expect(found.length, `badges in ${where}`).toBe(expected);
    for (const badge of found) {
      expect(badge.parentElement?.parentElement, `the badge of ${where} sits in one of its own cells`).toBe(element);
      expect(badge.getAttribute('data-verdict')).toBe(row.evaluation.verdict);
      const shown = badge.shadowRoot?.querySelector('button')?.textContent ?? '';
      expect(shown).toContain(badgeText[settings.lang].short[row.evaluation.verdict]);
      // The label is short, to fit the cell; the main reason is in the badge's accessible name.
      expect(badge.shadowRoot?.querySelector('button')?.getAttribute('aria-label') ?? '').toContain(row.evaluation.reasons[0]?.title ?? '');
    }
    badges += expected;
  }
  expect(document.querySelectorAll('[data-unsub-lens], [data-unsub-lens-rules]').length, 'rows carrying a verdict').toBe(scan.rows.length);
  expect(document.querySelectorAll('.unsub-lens-badge').length, 'badges in the page').toBe(badges);

  // What the popup and the toolbar show.
  expect(summary.rows.map((row) => [row.resource, row.product, row.verdict, row.rules.join(' ')])).toEqual(
    // The popup gets names of at most 200 characters: enough to recognize a row.
    scan.rows.map((row) => [
      row.name.length > 200 ? `${row.name.slice(0, 199)}…` : row.name,
      row.product,
      row.evaluation.verdict,
      row.evaluation.reasons.map((reason) => reason.ruleId).join(' '),
    ]),
  );
  const blocked = scan.rows.filter((row) => row.evaluation.verdict === 'blocked').length;
  expect(run.counts.at(-1) ?? 0, 'the toolbar count').toBe(blocked);
}

/** Nothing of the console's changed, and nothing came from its text. */
function expectPageUntouched(run: Run): void {
  expect(withoutOwnMarks(document.body).outerHTML, 'the page as the console made it').toBe(run.page);
  expect(foreignElements(run.builder, document.body), 'elements nobody put in the page').toEqual([]);
}

function expectNothingLeft(before: string): void {
  expect(document.body.outerHTML).toBe(before);
  expect(
    document.querySelectorAll(
      '[data-unsub-lens], [data-unsub-lens-rules], .unsub-lens-badge, [data-unsub-lens-bar], [data-unsub-lens-hidden], .unsub-lens-filtered',
    ),
  ).toHaveLength(0);
}

let running: Annotator | undefined;
afterEach(() => running?.stop());

function setUp(page: Parameters<PageBuilder['page']>[0], settings: SettingsModel) {
  document.body.replaceChildren();
  const builder = new PageBuilder(document);
  const tables = builder.page(page, document.body);
  const clock = builder.el('span', { class: 'clock' }, '12:00:00');
  const area = builder.el('div', { class: 'console-footer' }, clock);
  document.body.append(area);
  const timers = manualScheduler();
  const counts: Array<number | null> = [];
  const annotator = createAnnotator(document, optionsFor(settings), timers.scheduler, (count) => counts.push(count));
  running = annotator;
  const run: Run = { builder, tables, area, clock, annotator, settings, page: withoutOwnMarks(document.body).outerHTML, counts };
  return { run, timers };
}

describe('the live annotator under random console changes', () => {
  it(
    'keeps badges and verdicts equal to a fresh scan, never touches the console markup, and leaves nothing when stopped',
    async () => {
      const arb = fc.record({
        page: pageArb(rowOptions),
        settings: fc.oneof(fc.constant(defaultSettings), settingsArb),
        commands: fc.array(commandArb, { minLength: 4, maxLength: 24, size: 'medium' }),
      });
      await fc.assert(
        fc.asyncProperty(arb, async ({ page, settings, commands }) => {
          const { run, timers } = setUp(page, settings);
          const check = async () => {
            await timers.drain();
            expectPageUntouched(run);
            expectAnnotationsMatchScan(run);
          };
          try {
            run.annotator.start();
            await check();
            for (const command of commands) {
              if (apply(run, command)) run.page = withoutOwnMarks(document.body).outerHTML;
              if (command.kind === 'check') await check();
              if (command.kind === 'restart') {
                await check();
                run.annotator.stop();
                expectNothingLeft(run.page);
                run.annotator.start();
              }
            }
            await check();
          } finally {
            run.annotator.stop();
          }
          expectNothingLeft(run.page);
        }),
        propertyParameters(60),
      );
    },
    propertyTimeout(60, 400),
  );

  it(
    'follows small edits in place (a cell text node, an action disabled or enabled, a reason tooltip, the row greyed out)',
    async () => {
      const arb = fc.record({
        table: fullTableArb({ huge: false, nested: false }),
        settings: fc.oneof(fc.constant(defaultSettings), settingsArb),
        edits: fc.array(editArb, { minLength: 1, maxLength: 12 }),
      });
      await fc.assert(
        fc.asyncProperty(arb, async ({ table, settings, edits }) => {
          const { run, timers } = setUp({ blocks: [{ table, wrappers: 0 }] }, settings);
          try {
            run.annotator.start();
            for (const edit of edits) {
              if (apply(run, edit)) run.page = withoutOwnMarks(document.body).outerHTML;
              if (edit.kind === 'check') {
                await timers.drain();
                expectPageUntouched(run);
                expectAnnotationsMatchScan(run);
              }
            }
            await timers.drain();
            expectPageUntouched(run);
            expectAnnotationsMatchScan(run);
          } finally {
            run.annotator.stop();
          }
          expectNothingLeft(run.page);
        }),
        propertyParameters(200),
      );
    },
    propertyTimeout(200, 50),
  );

  it(
    'started and stopped on any page, leaves it byte for byte as it was',
    async () => {
      await fc.assert(
        fc.asyncProperty(pageArb(rowOptions), settingsArb, async (page, settings) => {
          const { run, timers } = setUp(page, settings);
          const before = document.body.outerHTML;
          run.annotator.start();
          await timers.drain();
          expectAnnotationsMatchScan(run);
          run.annotator.stop();
          expectNothingLeft(before);
        }),
        propertyParameters(60),
      );
    },
    propertyTimeout(60, 200),
  );
});
