import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAnnotator, type Annotator, type Timers } from '../../src/annotator/annotator';
import { compileCatalog } from '../../src/rules/engine';
import { catalog } from '../../src/rules/catalog';
import { englishOptions } from '../support/annotator-options';
import { buildRow, buildTinyTable, rerenderInPlace, retext, type RowSpec } from '../support/page-builder';

/** Timers the test runs by hand, so every frame is explicit. */
function manualScheduler() {
  const queue: Array<() => void> = [];
  const scheduler: Timers = { frame: (cb) => void queue.push(cb), timeout: (cb) => void queue.push(cb) };
  const flush = async () => {
    await Promise.resolve(); // let MutationObserver callbacks run
    await new Promise((resolve) => setTimeout(resolve, 0));
    for (let i = 0; queue.length && i < 100; i++) queue.shift()!();
  };
  return { scheduler, flush };
}

const rows: RowSpec[] = [
  { name: 'notify-prod', product: 'Simple Message Notification' },
  { name: 'web-1', product: 'Elastic Cloud Server' },
  { name: 'web-2', product: 'Elastic Cloud Server', status: 'Expired' },
  { name: 'db-1', product: 'Relational Database Service', disabled: 'aria' },
];

function verdicts(doc: Document) {
  return [...doc.querySelectorAll('.ti3-table-container tbody > tr')].map((tr) => [
    tr.getAttribute('data-unsub-lens'),
    tr.getAttribute('data-unsub-lens-rules'),
  ]);
}

/** What each badge shows, and what a screen reader reads for it (the main reason). */
function badgeTexts(doc: Document) {
  return [...doc.querySelectorAll('.unsub-lens-badge')].map((badge) => {
    const button = badge.shadowRoot?.querySelector('button');
    return `${button?.textContent} | ${button?.getAttribute('aria-label')}`;
  });
}

describe('the live annotator', () => {
  let annotator: Annotator;
  let timers: ReturnType<typeof manualScheduler>;
  let counts: Array<number | null>;
  const options = englishOptions;

  beforeEach(() => {
    document.body.replaceChildren();
    timers = manualScheduler();
    counts = [];
    annotator = createAnnotator(document, options(), timers.scheduler, (count) => counts.push(count));
  });
  afterEach(() => annotator.stop());

  it('badges every blocked and caution row, and only those', async () => {
    document.body.append(buildTinyTable(document, rows).root);
    annotator.start();
    await timers.flush();
    expect(verdicts(document)).toEqual([
      ['blocked', 'service/simple-message-notification'],
      ['allowed', ''],
      ['blocked', 'expired'],
      ['caution', 'unknown-reason'],
    ]);
    expect(badgeTexts(document)).toEqual([
      'Blocked | Cannot unsubscribe: Simple Message Notification',
      'Blocked | Cannot unsubscribe: Expired',
      'Check | Check: Unsubscribe is disabled, reason not shown',
    ]);
    expect(counts.at(-1)).toBe(2);
  });

  it('skips a row it cannot read, badges the others, and reports the error in the diagnostics, not the console', async () => {
    const { body } = buildTinyTable(document, rows);
    document.body.append(body.closest('ti-table')!);
    // The first row's cells throw when read, as a broken or hostile page might.
    for (const cell of body.children[0]!.children)
      Object.defineProperty(cell, 'textContent', {
        get: () => {
          throw new Error('cell unreadable');
        },
      });
    const consoleError = vi.spyOn(console, 'error');
    annotator.start();
    await timers.flush();
    // The unreadable row carries nothing of ours; the others carry their verdicts.
    expect(verdicts(document)).toEqual([
      [null, null],
      ['allowed', ''],
      ['blocked', 'expired'],
      ['caution', 'unknown-reason'],
    ]);
    expect(document.querySelectorAll('.unsub-lens-badge')).toHaveLength(2);
    const { diagnostics } = annotator.summary();
    expect(diagnostics.errors).toEqual(['row: cell unreadable']);
    expect(diagnostics.skippedReasons).toMatchObject({ error: 1 });
    expect(consoleError).not.toHaveBeenCalled();
    consoleError.mockRestore();
  });

  it('adds nothing twice when started again or when rows are re-read', async () => {
    document.body.append(buildTinyTable(document, rows).root);
    annotator.start();
    await timers.flush();
    annotator.stop();
    annotator.start();
    await timers.flush();
    annotator.update(options());
    await timers.flush();
    expect(document.querySelectorAll('.unsub-lens-badge')).toHaveLength(3);
  });

  it('badges a table that appears after the page loaded', async () => {
    annotator.start();
    await timers.flush();
    expect(document.querySelectorAll('.unsub-lens-badge')).toHaveLength(0);
    const wrapper = document.createElement('div');
    wrapper.append(buildTinyTable(document, rows).root);
    document.body.append(wrapper);
    await timers.flush();
    expect(document.querySelectorAll('.unsub-lens-badge')).toHaveLength(3);
  });

  it('follows rows re-rendered in place on paging, whether cells are rebuilt or only their text changes', async () => {
    const { body } = buildTinyTable(document, rows);
    document.body.append(body.closest('ti-table')!);
    annotator.start();
    await timers.flush();
    const [first, second] = [...body.children] as HTMLTableRowElement[];
    rerenderInPlace(first!, { name: 'web-9', product: 'Elastic Cloud Server' });
    retext(second!.children[2]!, 'Domain Registration');
    await timers.flush();
    expect(verdicts(document).slice(0, 2)).toEqual([
      ['allowed', ''],
      ['blocked', 'service/domain-registration'],
    ]);
    expect(first!.querySelector('.unsub-lens-badge')).toBeNull();
    expect(second!.querySelectorAll('.unsub-lens-badge')).toHaveLength(1);
  });

  it('puts a badge back when the console rebuilds the cell that held it', async () => {
    const { body } = buildTinyTable(document, rows);
    document.body.append(body.closest('ti-table')!);
    annotator.start();
    await timers.flush();
    const first = body.children[0] as HTMLTableRowElement;
    rerenderInPlace(first, rows[0]!);
    await timers.flush();
    expect(first.querySelectorAll('.unsub-lens-badge')).toHaveLength(1);
    expect(first.getAttribute('data-unsub-lens')).toBe('blocked');
  });

  it('leaves nothing behind for removed rows and handles rows replaced by new <tr>s', async () => {
    const { body } = buildTinyTable(document, rows);
    document.body.append(body.closest('ti-table')!);
    annotator.start();
    await timers.flush();
    body.replaceChildren(buildRow(document, { name: 'dns', product: 'Domain Registration' }));
    await timers.flush();
    expect(verdicts(document)).toEqual([['blocked', 'service/domain-registration']]);
    expect(document.querySelectorAll('.unsub-lens-badge')).toHaveLength(1);
    expect(annotator.summary().rows.map((row) => row.resource)).toEqual(['dns']);
  });

  it('counts nothing of a body table the console took out of the component, and follows the one it put in', async () => {
    const { body } = buildTinyTable(document, rows);
    document.body.append(body.closest('ti-table')!);
    annotator.start();
    await timers.flush();
    expect(counts.at(-1)).toBe(2);
    const bodyTable = body.closest('table')!;
    const container = bodyTable.parentElement!;
    bodyTable.remove();
    await timers.flush();
    expect(annotator.summary().rows).toEqual([]);
    expect(counts.at(-1)).toBe(0);
    const next = buildTinyTable(document, [{ name: 'dns', product: 'Domain Registration' }]).body.closest('table')!;
    container.append(next);
    await timers.flush();
    expect(annotator.summary().rows.map((row) => [row.resource, row.verdict])).toEqual([['dns', 'blocked']]);
    expect(counts.at(-1)).toBe(1);
  });

  it('does not re-read rows for changes elsewhere on the page, nor for its own badges', async () => {
    document.body.append(buildTinyTable(document, rows).root);
    const clock = document.createElement('span');
    document.body.append(clock);
    annotator.start();
    await timers.flush();
    const reads = annotator.rowReads;
    expect(reads).toBe(rows.length); // each row once: writing its badge did not make it dirty again
    for (let i = 0; i < 50; i++) {
      clock.textContent = `12:00:${i}`;
      const menu = document.createElement('ul');
      menu.append(document.createElement('li'));
      document.body.append(menu);
      menu.remove();
    }
    await timers.flush();
    expect(annotator.rowReads).toBe(reads);
  });

  it('takes every badge and attribute off when stopped (route left or extension updated)', async () => {
    const { root } = buildTinyTable(document, rows);
    document.body.append(root);
    const before = root.outerHTML;
    annotator.start();
    await timers.flush();
    expect(root.outerHTML).not.toBe(before);
    annotator.stop();
    expect(root.outerHTML).toBe(before);
    expect(counts.at(-1)).toBeNull();
  });

  it('applies new settings live: a rule switched off, allowed rows shown', async () => {
    document.body.append(buildTinyTable(document, rows).root);
    annotator.start();
    await timers.flush();
    annotator.update({ ...options(), compiled: compileCatalog(catalog, { disabledRules: ['expired'], lang: 'en' }), showAllowed: true });
    await timers.flush();
    expect(verdicts(document).map(([verdict]) => verdict)).toEqual(['blocked', 'allowed', 'allowed', 'caution']);
    expect(document.querySelectorAll('.unsub-lens-badge')).toHaveLength(4);
  });

  it('summarises the page for the popup and reveals a row', async () => {
    document.body.append(buildTinyTable(document, rows).root);
    annotator.start();
    await timers.flush();
    const summary = annotator.summary();
    expect(summary.counts).toEqual({ blocked: 2, elsewhere: 0, caution: 1, allowed: 1 });
    expect(summary.rows[2]).toMatchObject({
      resource: 'web-2',
      product: 'Elastic Cloud Server',
      verdict: 'blocked',
      rules: ['expired'],
      mainReason: 'Expired',
    });
    expect(summary.diagnostics.columns).toMatchObject({ productType: 'Product Type', status: 'Status' });
    expect(summary.diagnostics.missingColumns).toEqual(['expiry']);
    expect(annotator.reveal(2)).toBe(true);
    expect(annotator.reveal(99)).toBe(false);
  });
});

describe('a row recycled for another resource (virtual scroll)', () => {
  it('is read and badged in the mutation callback itself, before any frame: the old badge never shows', async () => {
    document.body.replaceChildren(buildTinyTable(document, rows).root);
    const frames: Array<() => void> = [];
    const scheduler: Timers = { frame: (cb) => void frames.push(cb), timeout: (cb) => void setTimeout(cb, 0) };
    const options = englishOptions();
    const annotator = createAnnotator(document, options, scheduler);
    annotator.start();
    expect(verdicts(document)[0]).toEqual(['blocked', 'service/simple-message-notification']);
    frames.length = 0;
    // The first row now shows what the second did: the same <tr>, new text (Angular CDK, tiny-grid).
    const [first, second] = [...document.querySelectorAll('.ti3-table-container tbody > tr')];
    [...first!.children].forEach((cell, i) => {
      for (const node of [...cell.childNodes]) if (!(node instanceof Element && node.classList.contains('unsub-lens-badge'))) node.remove();
      cell.prepend(
        ...[...second!.children[i]!.childNodes]
          .filter((node) => !(node instanceof Element && node.classList.contains('unsub-lens-badge')))
          .map((node) => node.cloneNode(true)),
      );
    });
    await Promise.resolve(); // the MutationObserver callback, and nothing else: no frame has run
    await Promise.resolve();
    expect(frames).toHaveLength(0);
    expect(verdicts(document)[0]).toEqual(['allowed', '']);
    expect(first!.querySelectorAll('.unsub-lens-badge')).toHaveLength(0);
    annotator.stop();
  });
});

describe('what the page does to our marks', () => {
  const options = englishOptions;

  it('cannot hide a blocked row by removing or rewriting our attributes: the summary and the count come from what was read', async () => {
    document.body.replaceChildren(buildTinyTable(document, rows).root);
    const timers = manualScheduler();
    const counts: Array<number | null> = [];
    const annotator = createAnnotator(document, options(), timers.scheduler, (count) => counts.push(count));
    annotator.start();
    await timers.flush();
    await new Promise((resolve) => setTimeout(resolve, 200));
    await timers.flush();
    const before = annotator.summary();
    expect(before.counts.blocked).toBe(2);
    for (const tr of document.querySelectorAll('[data-unsub-lens]')) {
      tr.removeAttribute('data-unsub-lens');
      tr.setAttribute('data-unsub-lens-rules', '');
    }
    await timers.flush();
    const after = annotator.summary();
    expect(after.counts).toEqual(before.counts);
    expect(after.rows.map((row) => [row.resource, row.verdict, row.rules])).toEqual(before.rows.map((row) => [row.resource, row.verdict, row.rules]));
    expect(counts.at(-1)).toBe(2);
    annotator.stop();
  });

  it('cleans up only what it put in: page elements using our class or attribute names stay', async () => {
    const table = buildTinyTable(document, rows).root;
    const lookalikeBadge = document.createElement('span');
    lookalikeBadge.className = 'unsub-lens-badge';
    lookalikeBadge.textContent = "the page's own";
    const lookalikeMark = document.createElement('div');
    lookalikeMark.setAttribute('data-unsub-lens', 'page');
    document.body.replaceChildren(table, lookalikeBadge, lookalikeMark);
    table.querySelector('tbody td:nth-child(4)')!.append(lookalikeBadge.cloneNode(true));
    const timers = manualScheduler();
    const annotator = createAnnotator(document, options(), timers.scheduler);
    annotator.start();
    await timers.flush();
    expect(verdicts(document)[0]).toEqual(['blocked', 'service/simple-message-notification']);
    annotator.stop();
    expect(verdicts(document).every(([verdict]) => verdict === null)).toBe(true);
    expect(lookalikeBadge.isConnected).toBe(true);
    expect(lookalikeMark.getAttribute('data-unsub-lens')).toBe('page');
    expect(document.querySelectorAll('.unsub-lens-badge')).toHaveLength(2); // both of the page's, none of ours
    expect([...document.querySelectorAll('.unsub-lens-badge')].every((badge) => badge.textContent === "the page's own")).toBe(true);
  });
});
