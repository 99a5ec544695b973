// The popup's page section: the summary from the content script, or a plain line elsewhere.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { answerAsBackground } from '../support/background';
import { mountPopup } from '../../src/popup/popup';
import { tabIdFromSearch, targetTabId } from '../../src/popup/target-tab';
import type { ContentRequest, PageSummary, RowSummary } from '../../src/messaging/protocol';
import { saveSettings } from '../../src/settings/storage';
import { defaultSettings } from '../../src/settings/settings';

const summary: PageSummary = {
  url: 'https://account-intl.huaweicloud.com/usercenter/#/userindex/retreatManagement',
  lang: 'en',
  counts: { blocked: 2, elsewhere: 0, caution: 1, allowed: 3 },
  rows: [
    {
      index: 0,
      resource: 'smn-topic-01',
      product: 'Simple Message Notification',
      verdict: 'blocked',
      rules: ['service/simple-message-notification'],
      mainReason: 'Simple Message Notification',
      key: 'k',
    },
    {
      index: 2,
      resource: 'trial-ecs',
      product: 'Elastic Cloud Server',
      verdict: 'blocked',
      rules: ['trial'],
      mainReason: 'Trial cloud service',
      key: 'k',
    },
    {
      index: 4,
      resource: 'search-1',
      product: 'Cloud Search Service',
      verdict: 'caution',
      rules: ['service/elasticsearch-service'],
      mainReason: 'Elasticsearch Service',
      key: 'k',
    },
    { index: 5, resource: 'ecs-web', product: 'Elastic Cloud Server', verdict: 'allowed', rules: [], mainReason: '', key: 'k' },
  ],
  diagnostics: {
    tables: 1,
    columns: { resource: 'Resource Name/ID', productType: 'Product Type', status: 'Status' },
    missingColumns: ['billingMode', 'reason'],
    otherHeaders: ['Charging Mode'],
    rowsRead: 6,
    rowsSkipped: 2,
    skippedReasons: { 'detail row': 2 },
    errors: [],
  },
};

let root: HTMLElement;
let sent: { tabId: number; message: ContentRequest }[];

function answerWith(answer: (message: ContentRequest) => unknown) {
  sent = [];
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async (tabId: number, message: ContentRequest) => {
    sent.push({ tabId, message });
    return answer(message);
  }) as never);
}

async function openPopup(search = '?tabId=42') {
  root = document.createElement('main');
  document.body.replaceChildren(root);
  const popup = await mountPopup(root, { search });
  await popup.pageReady;
  return popup;
}

const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
  fakeBrowser.reset();
  answerAsBackground();
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('the page section on the Unsubscriptions page', () => {
  beforeEach(() => answerWith((message) => (message.type === 'get-summary' ? summary : message.type === 'reveal-row' && message.index === 2)));

  it('asks the tab named by ?tabId= for its summary', async () => {
    await openPopup('?tabId=42');
    expect(sent[0]).toEqual({ tabId: 42, message: { type: 'get-summary' } });
  });

  it('shows the counts of each verdict', async () => {
    await openPopup();
    const counts = [...root.querySelectorAll('.count')].map(
      (count) => `${text(count.querySelector('.count-number'))} ${text(count.querySelector('.count-label'))}`,
    );
    expect(counts).toEqual(['2 Cannot unsubscribe', '0 Not here', '1 Check', '3 No rule']);
  });

  it('lists the blocked and check rows with their main reason, not the allowed ones', async () => {
    await openPopup();
    const rows = [...root.querySelectorAll<HTMLButtonElement>('.rows button')];
    expect(rows.map((row) => row.dataset.index)).toEqual(['0', '2', '4']);
    expect(text(rows[1])).toContain('trial-ecs');
    expect(text(rows[1])).toContain('Trial cloud service');
    expect(text(rows[2]!.querySelector('.verdict'))).toBe('Check');
  });

  it('asks the page to reveal a row when it is clicked, and says whether it could', async () => {
    await openPopup();
    const rows = [...root.querySelectorAll<HTMLButtonElement>('.rows button')];
    rows[1]!.click();
    await flush();
    expect(sent.at(-1)).toEqual({ tabId: 42, message: { type: 'reveal-row', index: 2 } });
    expect(text(root.querySelector('.summary .status'))).toBe('Row 3 is highlighted on the page.');
    rows[0]!.click();
    await flush();
    expect(sent.at(-1)).toEqual({ tabId: 42, message: { type: 'reveal-row', index: 0 } });
    expect(text(root.querySelector('.summary .status'))).toBe('That row is no longer on the page.');
  });

  it('shows the diagnostics: columns recognized and missing, headers not understood, rows skipped, errors', async () => {
    await openPopup();
    const terms = [...root.querySelectorAll('.diagnostics dt')].map(text);
    const details = [...root.querySelectorAll('.diagnostics dd')];
    const entry = (term: string) => details[terms.indexOf(term)]!;
    expect([...entry('Columns recognized').querySelectorAll('.chip')].map(text)).toEqual(['Resource name/ID', 'Product type', 'Status']);
    expect([...entry('Columns not found').querySelectorAll('.chip')].map(text)).toEqual(['Billing mode', 'Reason']);
    // A header the console renamed is shown as the page wrote it: what to add as an extra header name.
    expect([...entry('Other headers').querySelectorAll('.chip')].map(text)).toEqual(['Charging Mode']);
    expect(text(entry('Rows'))).toBe('6 read, 2 skipped (detail row: 2)');
    expect(text(entry('Errors'))).toBe('none');
    // Nothing went wrong, so the details stay folded.
    expect(root.querySelector<HTMLDetailsElement>('.diagnostics')!.open).toBe(false);
  });

  it('says why rows were skipped in Chinese when the UI speaks Chinese', async () => {
    await saveSettings({ ...defaultSettings, language: 'zh' });
    answerWith(() => ({
      ...summary,
      diagnostics: {
        ...summary.diagnostics,
        rowsSkipped: 6,
        skippedReasons: { 'detail row': 2, 'group header': 1, 'no data row': 1, error: 1, 'not read yet': 1 },
      },
    }));
    await openPopup();
    const terms = [...root.querySelectorAll('.diagnostics dt')].map(text);
    const rows = [...root.querySelectorAll('.diagnostics dd')][terms.indexOf('行')]!;
    expect(text(rows)).toBe('读取 6 行，跳过 6 行 (详情行: 2, 分组标题行: 1, “暂无数据”行: 1, 出错: 1, 尚未读取: 1)');
  });

  it('exports the rows as a CSV file', async () => {
    const created: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => (created.push(blob as Blob), 'blob:test'));
    const clicks: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this.download);
    });
    await openPopup();
    [...root.querySelectorAll('button')].find((b) => b.textContent === 'Export CSV')!.click();
    expect(clicks[0]).toMatch(/^unsub-lens-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await created[0]!.text();
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toMatch(
      /\r\n3,trial-ecs,Elastic Cloud Server,Cannot unsubscribe,Trial cloud service,\d{4}-\d{2}-\d{2} \d{2}:\d{2} \(UTC[+-]\d{2}:\d{2}\),trial\r\n/,
    );
  });

  it('copies a text report to the clipboard', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    await openPopup();
    [...root.querySelectorAll('button')].find((b) => b.textContent === 'Copy report')!.click();
    await flush();
    expect(writeText.mock.calls[0]![0]).toContain('Cannot unsubscribe: 2 · Not here: 0 · Check: 1 · No rule: 3');
    expect(text(root.querySelector('.summary .status'))).toBe('Report copied to the clipboard.');
    vi.unstubAllGlobals();
  });
});

describe('a table that is legitimately empty', () => {
  const empty: PageSummary = {
    ...summary,
    counts: { blocked: 0, elsewhere: 0, caution: 0, allowed: 0 },
    rows: [],
    diagnostics: { ...summary.diagnostics, rowsRead: 0, rowsSkipped: 1, skippedReasons: { 'no data row': 1 }, otherHeaders: [], missingColumns: [] },
  };

  it('says "No resources on this page", keeps the diagnostics closed and offers no empty exports', async () => {
    answerWith((message) => (message.type === 'get-summary' ? empty : undefined));
    await openPopup();
    const page = root.querySelector('.summary')!;
    expect(text(page.querySelector('[data-empty="table"]'))).toBe('No resources on this page.');
    expect(page.querySelector<HTMLDetailsElement>('details.diagnostics')!.open).toBe(false);
    expect([...page.querySelectorAll('button')].map((button) => text(button))).not.toContain('Export CSV');
    expect(page.querySelector('.actions')).toBeNull();
  });

  it('still opens the diagnostics when no table was found', async () => {
    answerWith((message) => (message.type === 'get-summary' ? { ...empty, diagnostics: { ...empty.diagnostics, tables: 0 } } : undefined));
    await openPopup();
    expect(text(root.querySelector('.summary .hint'))).toBe('No resource rows were read on this page. See the diagnostics.');
    expect(root.querySelector<HTMLDetailsElement>('details.diagnostics')!.open).toBe(true);
  });

  it('still opens the diagnostics when reading rows failed', async () => {
    answerWith((message) =>
      message.type === 'get-summary' ? { ...empty, diagnostics: { ...empty.diagnostics, errors: ['row: boom'] } } : undefined,
    );
    await openPopup();
    expect(root.querySelector('[data-empty="table"]')).toBeNull();
    expect(root.querySelector<HTMLDetailsElement>('details.diagnostics')!.open).toBe(true);
  });
});

describe('resources seen across pages', () => {
  const seenRows: RowSummary[] = [
    {
      index: 0,
      resource: 'smn-topic-01',
      product: 'Simple Message Notification',
      verdict: 'blocked',
      rules: ['service/simple-message-notification'],
      mainReason: 'Simple Message Notification',
      key: 'id:1',
    },
    { index: 1, resource: 'ecs-page-3', product: 'Elastic Cloud Server', verdict: 'allowed', rules: [], mainReason: '', key: 'id:2' },
  ];

  it('says how many resources were seen on how many pages, and exports all of them', async () => {
    answerWith((message) =>
      message.type === 'get-summary' ? { ...summary, seen: { resources: 30, pages: 3 } } : message.type === 'get-seen' ? seenRows : null,
    );
    const created: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => (created.push(blob as Blob), 'blob:test'));
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    await openPopup();
    expect(text(root.querySelector('[data-seen]'))).toBe('30 resources seen on 3 pages');
    root.querySelector<HTMLButtonElement>('[data-action="export-seen"]')!.click();
    await flush();
    expect(sent.at(-1)).toEqual({ tabId: 42, message: { type: 'get-seen' } });
    const csv = await created[0]!.text();
    expect(csv).toMatch(/\r\n2,ecs-page-3,Elastic Cloud Server,No rule,,[^,]+,\r\n/);
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(3);
  });

  it('pages through on request, following its progress, and can cancel it', async () => {
    let state: 'idle' | 'running' | 'done' = 'idle';
    answerWith((message) => {
      if (message.type === 'page-through') {
        state = message.action === 'start' ? 'running' : 'idle';
        return message.action === 'start' ? { state: 'running', pages: 1 } : { state: 'cancelled', pages: 2 };
      }
      if (message.type === 'get-summary')
        return {
          ...summary,
          seen: { resources: 16, pages: 2 },
          paging: state === 'running' ? { state, pages: 2 } : { state, pages: 2, reason: 'last-page' },
        };
      return null;
    });
    await openPopup();
    const button = root.querySelector<HTMLButtonElement>('[data-action="page-through"]')!;
    expect(text(button)).toBe('Page through for me');
    button.click();
    await flush();
    expect(sent.at(-1)).toEqual({ tabId: 42, message: { type: 'page-through', action: 'start' } });
    expect(text(button)).toBe('Cancel paging');
    expect(text(root.querySelector('[data-paging]'))).toBe('Paging… page 1 read');
    state = 'done'; // the page reached its last page
    await expect.poll(() => text(root.querySelector('[data-paging]')), { timeout: 3000 }).toBe('Every page read: the last was page 2.');
    expect(text(root.querySelector('[data-seen]'))).toBe('16 resources seen on 2 pages');
    expect(text(button)).toBe('Page through for me');

    button.click();
    await flush();
    expect(text(button)).toBe('Cancel paging');
    button.click(); // cancel
    await flush();
    expect(sent.at(-1)).toEqual({ tabId: 42, message: { type: 'page-through', action: 'cancel' } });
    expect(text(root.querySelector('[data-paging]'))).toBe('Cancelled at page 2.');
  });

  it('forgets them on "clear"', async () => {
    answerWith((message) =>
      message.type === 'get-summary'
        ? { ...summary, seen: { resources: 30, pages: 3 } }
        : message.type === 'clear-seen'
          ? { resources: 6, pages: 1 }
          : null,
    );
    await openPopup();
    root.querySelector<HTMLButtonElement>('[data-action="clear-seen"]')!.click();
    await flush();
    expect(sent.at(-1)).toEqual({ tabId: 42, message: { type: 'clear-seen' } });
    expect(text(root.querySelector('[data-seen]'))).toBe('6 resources seen on 1 page');
  });
});

describe('the page section elsewhere', () => {
  const notThePage = "The page summary appears on the Billing Center's Unsubscriptions page. Look-up works on any page.";

  it('says where the summary appears when no content script answers', async () => {
    answerWith(() => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    });
    const { input } = await openPopup();
    expect(text(root.querySelector('.not-page > p'))).toBe(notThePage);
    expect(root.querySelector('.summary')).toBeNull();
    // The look-up still works.
    input.value = 'SMN';
    input.dispatchEvent(new Event('input'));
    expect(root.querySelector('[role="option"]')).not.toBeNull();
  });

  it('says the same when the content script answers null (not the Unsubscriptions route)', async () => {
    answerWith(() => null);
    await openPopup();
    expect(text(root.querySelector('.not-page > p'))).toBe(notThePage);
  });

  it('says the same for an answer that is not a summary', async () => {
    answerWith(() => ({ hello: 'world' }));
    await openPopup();
    expect(text(root.querySelector('.not-page > p'))).toBe(notThePage);
  });
});

describe('the order of the popup', () => {
  const sections = () => [...root.children].map((child) => child.className.split(' ')[0]).filter((name) => name === 'page' || name === 'lookup');

  it('puts the page summary first on the Unsubscriptions page, the look-up after it, folded to its box until typed in', async () => {
    answerWith((message) => (message.type === 'get-summary' ? summary : undefined));
    const { input } = await openPopup();
    expect(sections()).toEqual(['page', 'lookup']);
    const lookup = root.querySelector('.lookup')!;
    expect(lookup.classList.contains('folded')).toBe(true);
    // Focus stays in the search box: typing unfolds it.
    expect(document.activeElement).toBe(input);
    input.value = 'SMN';
    input.dispatchEvent(new Event('input'));
    expect(lookup.classList.contains('folded')).toBe(false);
  });

  it('puts the look-up first elsewhere, with a link to Unsubscriptions on the site last summarised', async () => {
    answerWith((message) =>
      message.type === 'get-summary' ? { ...summary, url: 'https://account.huaweicloud.com/usercenter/#/userindex/retreatManagement' } : undefined,
    );
    await openPopup();
    answerWith(() => null);
    const created = vi.spyOn(fakeBrowser.tabs, 'create').mockResolvedValue({} as never);
    await openPopup();
    expect(sections()).toEqual(['lookup', 'page']);
    expect(root.querySelector('.lookup')!.classList.contains('folded')).toBe(false);
    const link = root.querySelector<HTMLAnchorElement>('.not-page a.open-page')!;
    expect(link.dataset.site).toBe('china');
    expect(text(link)).toBe('Open Billing Center > Unsubscriptions (China site)');
    link.click();
    expect(created).toHaveBeenCalledWith({ url: 'https://account.huaweicloud.com/usercenter/#/userindex/retreatManagement' });
  });

  it('opens the international site when no site was summarised yet', async () => {
    answerWith(() => null);
    await openPopup();
    expect(root.querySelector<HTMLAnchorElement>('.not-page a.open-page')!.href).toBe(
      'https://account-intl.huaweicloud.com/usercenter/#/userindex/retreatManagement',
    );
  });
});

describe('the counts as filters', () => {
  beforeEach(() => answerWith((message) => (message.type === 'get-summary' ? summary : undefined)));
  const listed = () => [...root.querySelectorAll('.summary .rows strong')].map((strong) => text(strong));

  it('shows only the rows of a pressed count, and all that need attention when pressed again', async () => {
    await openPopup();
    expect(listed()).toEqual(['smn-topic-01', 'trial-ecs', 'search-1']);
    const caution = root.querySelector<HTMLButtonElement>('.count[data-verdict="caution"]')!;
    caution.click();
    expect(caution.getAttribute('aria-pressed')).toBe('true');
    expect(listed()).toEqual(['search-1']);
    root.querySelector<HTMLButtonElement>('.count[data-verdict="allowed"]')!.click();
    expect(listed()).toEqual(['ecs-web']);
    expect(caution.getAttribute('aria-pressed')).toBe('false');
    root.querySelector<HTMLButtonElement>('.count[data-verdict="allowed"]')!.click();
    expect(listed()).toEqual(['smn-topic-01', 'trial-ecs', 'search-1']);
  });

  it('filters the page too: a pressed count shows only its rows there, pressed again all of them', async () => {
    await openPopup();
    const filters = () => sent.filter(({ message }) => message.type === 'filter-rows').map(({ tabId, message }) => [tabId, message]);
    root.querySelector<HTMLButtonElement>('.count[data-verdict="blocked"]')!.click();
    root.querySelector<HTMLButtonElement>('.count[data-verdict="blocked"]')!.click();
    expect(filters()).toEqual([
      [42, { type: 'filter-rows', verdict: 'blocked' }],
      [42, { type: 'filter-rows', verdict: null }],
    ]);
  });

  it('opens with the count pressed that the page is filtered to', async () => {
    answerWith((message) => (message.type === 'get-summary' ? { ...summary, filter: 'caution' } : undefined));
    await openPopup();
    expect(root.querySelector('.count[data-verdict="caution"]')!.getAttribute('aria-pressed')).toBe('true');
    expect(listed()).toEqual(['search-1']);
  });

  it('cannot press a count of zero', async () => {
    await openPopup();
    expect(root.querySelector<HTMLButtonElement>('.count[data-verdict="elsewhere"]')!.disabled).toBe(true);
  });
});

describe('which tab the popup talks about', () => {
  it('reads ?tabId= and ignores anything that is not a tab id', () => {
    expect(tabIdFromSearch('?tabId=17')).toBe(17);
    expect(tabIdFromSearch('?tabId=abc')).toBeUndefined();
    expect(tabIdFromSearch('?tabId=-1')).toBeUndefined();
    expect(tabIdFromSearch('')).toBeUndefined();
  });

  it('otherwise asks for the active tab of the current window', async () => {
    const query = vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 9 }] as never);
    expect(await targetTabId('')).toBe(9);
    expect(query).toHaveBeenCalledWith({ active: true, currentWindow: true });
  });
});
