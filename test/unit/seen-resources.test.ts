// Resources seen across the table's pages, and "page through for me" over a pager: what the popup
// counts and exports, and that paging clicks only the next-page control and stops where it should.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSeenResources } from '../../src/annotator/seen-resources';
import { createPageThrough, findNextPage, MAX_PAGES } from '../../src/annotator/page-through';
import type { RowSummary } from '../../src/messaging/protocol';
import { scanDocument } from '../../src/page/scan';
import { compileCatalog } from '../../src/rules/engine';
import { catalog } from '../../src/rules/catalog';

const row = (key: string, verdict: RowSummary['verdict'] = 'allowed', resource = key): RowSummary => ({
  index: 0,
  resource,
  product: 'Elastic Cloud Server',
  verdict,
  rules: [],
  mainReason: '',
  key,
});

describe('seen resources', () => {
  it('keeps one entry per resource, a newer reading replacing the older in place, and counts distinct pages', () => {
    const seen = createSeenResources();
    seen.record([row('id:a'), row('id:b')]);
    seen.record([row('id:c'), row('id:d')]);
    seen.record([row('id:a'), row('id:b', 'blocked')]); // page 1 again, b now expired
    expect(seen.count()).toEqual({ resources: 4, pages: 2 });
    expect(seen.rows().map((r) => [r.index, r.key, r.verdict])).toEqual([
      [0, 'id:a', 'allowed'],
      [1, 'id:b', 'blocked'],
      [2, 'id:c', 'allowed'],
      [3, 'id:d', 'allowed'],
    ]);
    seen.record([row('id:b'), row('id:a')]); // the same page sorted the other way
    expect(seen.count().pages).toBe(2);
    seen.record([]);
    expect(seen.count().pages).toBe(2);
    seen.clear();
    expect(seen.count()).toEqual({ resources: 0, pages: 0 });
    expect(seen.rows()).toEqual([]);
  });

  it('forgets the oldest beyond its limit', () => {
    const seen = createSeenResources(3);
    seen.record([row('1'), row('2'), row('3'), row('4')]);
    expect(seen.rows().map((r) => r.key)).toEqual(['2', '3', '4']);
  });

  it("keys the console's rows by the ID under the name, else by name and order number", () => {
    const html = readFileSync(join(__dirname, '../fixtures/intl-en-tiny.html'), 'utf8');
    // The saved page's stylesheets are not there to load: left out.
    const saved = new DOMParser().parseFromString(html.replace(/<link\b[^>]*>/gi, ''), 'text/html');
    const keys = scanDocument(saved, compileCatalog(catalog)).rows.map((scanned) => scanned.key);
    expect(keys[0]).toBe('id:a0696180-7c22-4b25-a6a9-e0d6ab19915b');
    expect(new Set(keys).size).toBe(keys.length);
    document.body.innerHTML = `<table><thead><tr><th>Resource Name/ID</th><th>Product Type</th><th>Order No.</th></tr></thead>
      <tbody><tr><td><a>web server</a></td><td>Elastic Cloud Server</td><td>CS2601011234ABCD</td></tr>
      <tr><td><a>web server</a></td><td>Elastic Cloud Server</td><td>CS2601019999WXYZ</td></tr></tbody></table>`;
    expect(scanDocument(document, compileCatalog(catalog)).rows.map((scanned) => scanned.key)).toEqual([
      'name:web server|CS2601011234ABCD',
      'name:web server|CS2601019999WXYZ',
    ]);
  });
});

/** A pager as OpenTiny NG draws it: prev, page links, next (class "disabled" on the last page). Clicking next shows the next page's rows. */
function pagerPage(pages: number, options: { stuckAt?: number } = {}) {
  document.body.innerHTML = `<div id="rows"></div><ti-pagination><a class="ti3-pag-prev">‹</a><a class="ti3-pag-next" href="javascript:void(0);">›</a></ti-pagination>
    <button id="other">Unsubscribe</button>`;
  let page = 1;
  const clicks: string[] = [];
  const next = document.querySelector<HTMLElement>('.ti3-pag-next')!;
  const show = () => {
    document.getElementById('rows')!.textContent = `page ${page}`;
    next.classList.toggle('disabled', page === pages);
  };
  document.addEventListener('click', (event) => clicks.push((event.target as Element).className || (event.target as Element).id), true);
  next.addEventListener('click', () => {
    if (page < pages && page !== options.stuckAt) page++;
    show();
  });
  show();
  return { clicks, page: () => page };
}

function pagingOver(pager: ReturnType<typeof pagerPage>, alive = () => true) {
  const recorded: number[] = [];
  const paging = createPageThrough({
    doc: document,
    pageKey: () => `keys of page ${pager.page()}`,
    onPage: () => recorded.push(pager.page()),
    wait: () => Promise.resolve(),
    alive,
  });
  const finished = async () => {
    for (let i = 0; i < 10_000 && paging.status().state === 'running'; i++) await Promise.resolve();
    return paging.status();
  };
  return { paging, recorded, finished };
}

describe('page through for me', () => {
  it('clicks only the next-page control, reads each page once, and stops at the last page', async () => {
    const pager = pagerPage(4);
    const { paging, recorded, finished } = pagingOver(pager);
    expect(paging.start().state).toBe('running');
    expect(await finished()).toEqual({ state: 'done', pages: 4, reason: 'last-page' });
    expect(recorded).toEqual([1, 2, 3, 4]);
    expect(pager.clicks).toEqual(['ti3-pag-next', 'ti3-pag-next', 'ti3-pag-next']);
    expect(location.href).not.toMatch(/^javascript:/);
  });

  it(`stops after ${MAX_PAGES} pages`, async () => {
    const pager = pagerPage(150);
    const { paging, finished } = pagingOver(pager);
    paging.start();
    expect(await finished()).toEqual({ state: 'stopped', pages: MAX_PAGES, reason: 'limit' });
    expect(pager.page()).toBe(MAX_PAGES);
  });

  it('stops when the next page does not appear, and says there is no pager when there is none', async () => {
    const stuck = pagingOver(pagerPage(5, { stuckAt: 2 }));
    stuck.paging.start();
    expect(await stuck.finished()).toEqual({ state: 'stopped', pages: 2, reason: 'no-change' });
    document.body.innerHTML = '<div>one page, no pager</div>';
    expect(findNextPage(document)).toBeUndefined();
    const none = pagingOver(pagerPage(1));
    document.querySelector('ti-pagination')!.remove();
    none.paging.start();
    expect(await none.finished()).toEqual({ state: 'done', pages: 1, reason: 'no-pager' });
  });

  it('can be cancelled, and stops with the content script', async () => {
    const pager = pagerPage(50);
    const { paging, finished } = pagingOver(pager);
    paging.start();
    await Promise.resolve();
    expect(paging.cancel().state).toBe('cancelled');
    const at = pager.page();
    for (let i = 0; i < 100; i++) await Promise.resolve();
    expect(pager.page()).toBe(at);
    expect((await finished()).state).toBe('cancelled');

    let alive = true;
    const otherPager = pagerPage(50);
    const other = pagingOver(otherPager, () => alive);
    other.paging.start();
    alive = false;
    for (let i = 0; i < 100; i++) await Promise.resolve();
    expect(otherPager.page()).toBeLessThanOrEqual(2);
  });

  it("finds the Vue pager's next button and knows it disabled on the last page", () => {
    document.body.innerHTML =
      '<div class="tiny-pager"><button class="tiny-pager__btn-prev"></button><button class="tiny-pager__btn-next" disabled></button></div>';
    expect(findNextPage(document)).toMatchObject({ enabled: false });
    document.querySelector('button.tiny-pager__btn-next')!.removeAttribute('disabled');
    expect(findNextPage(document)).toMatchObject({ enabled: true });
  });
});
