// The bar above the resource table (counts by verdict, the legend, the filter that hides the allowed
// rows) and the warning on a ticked row that will be refused. The filter hides the
// allowed rows through a class on the table and an attribute on each row, all gone on stop.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAnnotator, type Annotator, type Timers } from '../../src/annotator/annotator';
import { englishOptions } from '../support/annotator-options';
import { buildTinyTable, type RowSpec } from '../support/page-builder';

const timers: Timers = { frame: (cb) => void setTimeout(cb, 0), timeout: (cb) => void setTimeout(cb, 0) };
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

const rows: RowSpec[] = [
  { name: 'notify-prod', product: 'Simple Message Notification' },
  { name: 'web-1', product: 'Elastic Cloud Server' },
  { name: 'web-2', product: 'Elastic Cloud Server', status: 'Expired' },
  { name: 'db-1', product: 'Relational Database Service' },
];

let annotator: Annotator;
beforeEach(() => document.body.replaceChildren());
afterEach(() => annotator?.stop());

async function start() {
  const table = buildTinyTable(document, rows).root;
  document.body.append(table);
  annotator = createAnnotator(document, englishOptions(), timers);
  annotator.start();
  await settle();
  const host = document.querySelector<HTMLElement>('[data-unsub-lens-bar]')!;
  return { table, host, shadow: host?.shadowRoot };
}

describe('the summary bar', () => {
  it('sits just above the table with the counts by verdict and a legend', async () => {
    const { table, host, shadow } = await start();
    expect(host.nextElementSibling).toBe(table);
    expect([...shadow!.querySelectorAll('.chip')].map((chip) => chip.textContent)).toEqual([
      '2 Cannot unsubscribe',
      '0 Not here',
      '0 Check',
      '2 No rule',
    ]);
    expect(shadow!.querySelector('.bar-legend')!.textContent).toContain('Blocked the list says it cannot be unsubscribed');
    expect(shadow!.querySelector('.bar')!.getAttribute('aria-label')).toBe('Unsub Lens: this page');
  });

  it('hides the allowed rows when asked, and shows them again', async () => {
    const { table, shadow } = await start();
    const toggle = shadow!.querySelector<HTMLButtonElement>('.bar-filter')!;
    expect(toggle.textContent).toBe('Show only rows that need attention');
    const hidden = () => [...document.querySelectorAll('[data-unsub-lens-hidden]')].map((row) => row.getAttribute('data-unsub-lens'));
    toggle.click();
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    expect(table.classList.contains('unsub-lens-filtered')).toBe(true);
    expect(hidden()).toEqual(['allowed', 'allowed']);
    expect(document.head.querySelector('style')!.textContent).toBe('.unsub-lens-filtered [data-unsub-lens-hidden]{display:none!important}');
    toggle.click();
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    expect(table.classList.contains('unsub-lens-filtered')).toBe(false);
    expect(hidden()).toEqual([]);
  });

  it("shows only one verdict's rows when the popup asks, says so in the bar, and its button shows all again", async () => {
    const { table, shadow } = await start();
    const shown = () =>
      [...table.querySelectorAll('tr[data-unsub-lens]')]
        .filter((row) => !row.hasAttribute('data-unsub-lens-hidden'))
        .map((row) => row.getAttribute('data-unsub-lens'));
    expect(annotator.filterRows('blocked')).toBe(true);
    expect(shown()).toEqual(['blocked', 'blocked']);
    expect(table.classList.contains('unsub-lens-filtered')).toBe(true);
    const note = shadow!.querySelector<HTMLElement>('.bar-note')!;
    expect(note.textContent).toBe('Only “Cannot unsubscribe” rows are shown.');
    expect(annotator.summary().filter).toBe('blocked');
    annotator.filterRows('allowed');
    expect(shown()).toEqual(['allowed', 'allowed']);
    const toggle = shadow!.querySelector<HTMLButtonElement>('.bar-filter')!;
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    toggle.click();
    expect(shown()).toHaveLength(4);
    expect(note.hidden).toBe(true);
    expect(annotator.summary().filter).toBeNull();
    expect(table.classList.contains('unsub-lens-filtered')).toBe(false);
  });

  it('keeps the filter for rows the console draws later, and updates the counts', async () => {
    const { shadow } = await start();
    shadow!.querySelector<HTMLButtonElement>('.bar-filter')!.click();
    const body = document.querySelector('.ti3-table-container tbody')!;
    const extra = body.querySelector('tr')!.cloneNode(true) as HTMLElement;
    extra.removeAttribute('data-unsub-lens');
    extra.removeAttribute('data-unsub-lens-rules');
    for (const badge of extra.querySelectorAll('.unsub-lens-badge')) badge.remove();
    const product = [...extra.querySelectorAll('td')].find((td) => td.textContent?.includes('Simple Message Notification'))!;
    product.textContent = 'Elastic Cloud Server';
    body.append(extra);
    await settle();
    expect(extra.getAttribute('data-unsub-lens')).toBe('allowed');
    expect(extra.hasAttribute('data-unsub-lens-hidden')).toBe(true);
    expect(shadow!.querySelector('.chip.allowed')!.textContent).toBe('3 No rule');
  });

  it('leaves nothing behind on stop: no bar, class, attribute or stylesheet', async () => {
    const { table, shadow } = await start();
    const classBefore = table.getAttribute('class');
    shadow!.querySelector<HTMLButtonElement>('.bar-filter')!.click();
    annotator.stop();
    expect(document.querySelector('[data-unsub-lens-bar], [data-unsub-lens-hidden]')).toBeNull();
    expect(table.getAttribute('class')).toBe(classBefore);
    expect(document.head.querySelector('style')).toBeNull();
  });

  it('keeps its clicks from the console', async () => {
    const { host, shadow } = await start();
    let seen = 0;
    document.body.addEventListener('click', () => seen++);
    shadow!.querySelector<HTMLButtonElement>('.bar-filter')!.click();
    expect(seen).toBe(0);
    expect(host.isConnected).toBe(true);
  });
});

describe('the batch warning', () => {
  const box = (row: Element) => {
    let input = row.querySelector<HTMLInputElement>('input[type="checkbox"]');
    if (!input) {
      input = document.createElement('input');
      input.type = 'checkbox';
      row.querySelector('td')!.append(input);
    }
    return input;
  };
  const tick = (row: Element, on = true) => {
    const input = box(row);
    input.checked = on;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  };
  const warningOf = (row: Element) => row.querySelector('.unsub-lens-warning')?.shadowRoot?.querySelector('.warning')?.textContent;

  it('warns on a ticked blocked row, not on an allowed one, and goes when unticked', async () => {
    await start();
    const [smn, web] = [...document.querySelectorAll('[data-unsub-lens]')];
    tick(smn!);
    tick(web!);
    expect(warningOf(smn!)).toBe('Will be refused: Simple Message Notification');
    expect(warningOf(web!)).toBeUndefined();
    tick(smn!, false);
    expect(smn!.querySelector('.unsub-lens-warning')).toBeNull();
  });

  it('sees the rows a "select all" box ticks a moment later, and leaves nothing on stop', async () => {
    await start();
    const rowsNow = [...document.querySelectorAll('[data-unsub-lens]')];
    const header = document.createElement('input');
    header.type = 'checkbox';
    document.body.append(header);
    // The console ticks every row after the header box's change event.
    header.addEventListener('change', () => setTimeout(() => rowsNow.forEach((row) => (box(row).checked = true)), 10));
    header.checked = true;
    header.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
    expect(rowsNow.map((row) => Boolean(warningOf(row)))).toEqual([true, false, true, false]);
    annotator.stop();
    expect(document.querySelector('.unsub-lens-warning')).toBeNull();
  });
});
