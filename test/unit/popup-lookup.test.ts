// The popup's look-up, rendered into the document and used the way a person would: type, arrow, Enter.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { answerAsBackground } from '../support/background';
import { mountPopup, type Popup } from '../../src/popup/popup';
import { catalog } from '../../src/rules/catalog';
import { loadSettings, saveSettings } from '../../src/settings/storage';
import { defaultSettings } from '../../src/settings/settings';

let root: HTMLElement;

async function openPopup(): Promise<Popup> {
  root = document.createElement('main');
  document.body.replaceChildren(root);
  const popup = await mountPopup(root, { search: '' });
  await popup.pageReady;
  return popup;
}

function type(input: HTMLInputElement, text: string) {
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

function press(input: HTMLInputElement, key: string) {
  input.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
}

const options = () => [...root.querySelectorAll<HTMLElement>('[role="option"]')];
const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

beforeEach(() => {
  fakeBrowser.reset();
  answerAsBackground();
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('the popup look-up', () => {
  it('has the search box focused when it opens', async () => {
    const { input } = await openPopup();
    expect(document.activeElement).toBe(input);
    expect(input.getAttribute('role')).toBe('combobox');
  });

  it('answers "SMN" with Simple Message Notification: cannot unsubscribe, its explanation and its source', async () => {
    const { input } = await openPopup();
    type(input, 'SMN');
    const first = options()[0]!;
    expect(first.dataset.rule).toBe('service/simple-message-notification');
    expect(text(first.querySelector('.verdict'))).toBe('Cannot unsubscribe');
    expect(text(first)).toContain('Simple Message Notification');
    expect(text(first.querySelector('.explanation'))).toMatch(/Table 1/);
    const link = first.querySelector('a')!;
    expect(link.href).toBe('https://support-intl.huaweicloud.com/en-us/usermanual-billing/en-us_topic_0083138804.html');
    expect(link.target).toBe('_blank');
    expect(link.rel).toContain('noopener');
  });

  it('answers "消息通知服务" with the same service', async () => {
    const { input } = await openPopup();
    type(input, '消息通知服务');
    expect(options()[0]!.dataset.rule).toBe('service/simple-message-notification');
    expect(text(options()[0]!.querySelector('.verdict'))).toBe('Cannot unsubscribe');
  });

  it('moves through the results with the arrow keys and opens one with Enter', async () => {
    const { input } = await openPopup();
    type(input, 'dedicated cloud');
    const hits = options();
    expect(hits.length).toBeGreaterThan(2);
    expect(input.getAttribute('aria-activedescendant')).toBe(hits[0]!.id);
    press(input, 'ArrowDown');
    expect(hits[1]!.getAttribute('aria-selected')).toBe('true');
    expect(hits[0]!.getAttribute('aria-selected')).toBe('false');
    expect(input.getAttribute('aria-activedescendant')).toBe(hits[1]!.id);
    press(input, 'ArrowUp');
    press(input, 'ArrowUp'); // wraps to the last
    expect(hits.at(-1)!.getAttribute('aria-selected')).toBe('true');
    press(input, 'ArrowDown'); // wraps back to the first
    press(input, 'ArrowDown');
    press(input, 'Enter');
    // The opened result takes the list's place, in the same box.
    const detail = root.querySelector<HTMLElement>('.results .hit-detail')!;
    expect(detail.dataset.rule).toBe(hits[1]!.dataset.rule);
    expect(options()).toHaveLength(0);
    expect(text(detail.querySelector('.explanation'))).not.toBe('');
    const link = detail.querySelector('a')!;
    expect(link.target).toBe('_blank');
    expect(link.rel).toContain('noopener');
    expect(link.tabIndex).not.toBe(-1); // reachable by keyboard here
    expect(text(root.querySelector('.lookup [aria-live]'))).toContain(text(detail.querySelector('h2')));
    // An arrow key goes back to the list, where it was.
    press(input, 'ArrowUp');
    expect(root.querySelector('.hit-detail')).toBeNull();
    expect(options()[1]!.getAttribute('aria-selected')).toBe('true');
    // Escape closes an opened result without clearing the box.
    press(input, 'Enter');
    press(input, 'Escape');
    expect(input.value).toBe('dedicated cloud');
    expect(options()).toHaveLength(hits.length);
  });

  it('opens a result on a click', async () => {
    const { input } = await openPopup();
    type(input, 'anti ddos');
    options()[0]!.click();
    expect(root.querySelector<HTMLElement>('.hit-detail')!.dataset.rule).toBe('service/advanced-anti-ddos');
  });

  it.each([
    ['invoice', 'marketplace-invoiced'],
    ['发票', 'marketplace-invoiced'],
    ['coupon', 'promotion'],
    ['reseller', 'reseller-stored-value-card'],
    ['support plan', 'support-plan-benefits-used'],
  ])('finds the condition "%s" no page can show, with its explanation and source', async (query, rule) => {
    const { input } = await openPopup();
    type(input, query);
    expect(options()[0]!.dataset.rule).toBe(rule);
    press(input, 'Enter');
    const detail = root.querySelector<HTMLElement>('.hit-detail')!;
    const condition = catalog.rules.find((r) => r.id === rule)!;
    expect(text(detail.querySelector('.verdict'))).toBe('Cannot unsubscribe');
    expect(text(detail.querySelector('h2'))).toBe(condition.title.en);
    expect(text(detail.querySelector('.explanation'))).toBe(condition.explanation.en);
    expect(detail.querySelector<HTMLAnchorElement>('.source a')!.href).toBe(condition.source.url);
  });

  it('says in plain words that no rule names a product, with no result card or verdict for it', async () => {
    const { input } = await openPopup();
    for (const query of ['Elastic Cloud Server', 'asdfqwer']) {
      type(input, query);
      expect(options()).toHaveLength(0);
      const answer = root.querySelector<HTMLElement>('.no-rule')!;
      expect(answer.dataset.answer).toBe('none');
      expect(answer.querySelector('.verdict')).toBeNull();
      expect(text(answer)).toContain(query);
      expect(text(answer)).toContain('No rule on the list names this');
    }
  });

  it('says back a query of invisible characters written out, so the answer is not about nothing', async () => {
    const { input } = await openPopup();
    type(input, '\u200B\u2060');
    expect(text(root.querySelector('.no-rule strong'))).toBe(String.raw`\u200B\u2060`);
  });

  it('says a switched-off rule names the product, instead of that no rule does', async () => {
    await saveSettings({ ...defaultSettings, disabledRules: ['service/simple-message-notification'] });
    const { input } = await openPopup();
    type(input, 'SMN');
    expect(options()).toHaveLength(0);
    const answer = root.querySelector<HTMLElement>('.no-rule')!;
    expect(answer.dataset.answer).toBe('switched-off');
    expect(text(answer)).toContain('you switched it off in the options: Simple Message Notification');
    expect(text(answer)).not.toContain('No rule on the list names this');
  });

  it('gives a successor product only a "Check"', async () => {
    const { input } = await openPopup();
    type(input, 'CSS');
    const hit = options().find((option) => option.dataset.rule === 'service/elasticsearch-service')!;
    expect(text(hit.querySelector('.verdict'))).toBe('Check');
  });

  it('clears the box on the first Escape', async () => {
    const { input } = await openPopup();
    type(input, 'SMN');
    press(input, 'Escape');
    expect(input.value).toBe('');
    expect(options()).toHaveLength(0);
    expect(root.querySelector('.results .hint')).not.toBeNull();
  });

  it('keeps the results area the same element while typing (no layout jump)', async () => {
    const { input } = await openPopup();
    const results = root.querySelector('.results');
    type(input, 'S');
    type(input, 'SM');
    type(input, 'SMN');
    expect(root.querySelector('.results')).toBe(results);
  });

  it("finds the user's own rules and leaves out switched-off ones", async () => {
    await saveSettings({
      ...defaultSettings,
      disabledRules: ['service/simple-message-notification'],
      userRules: [{ id: 'cloud-phone', names: ['Cloud Phone Host', 'CPH'], verdict: 'caution', explanation: 'Ask the account manager.' }],
    });
    const { input } = await openPopup();
    type(input, 'CPH');
    expect(options()[0]!.dataset.rule).toBe('user/cloud-phone');
    expect(text(options()[0]!.querySelector('.verdict'))).toBe('Check');
    expect(text(options()[0]!.querySelector('.source'))).toBe('Your own rule (see the options)');
    type(input, 'SMN');
    expect(options().map((o) => o.dataset.rule)).not.toContain('service/simple-message-notification');
  });

  it('speaks Chinese when Chinese is chosen in the options, with rule texts from the catalog', async () => {
    await saveSettings({ ...defaultSettings, language: 'zh' });
    const { input } = await openPopup();
    expect(document.documentElement.lang).toBe('zh-CN');
    type(input, 'SMN');
    expect(text(options()[0]!.querySelector('.verdict'))).toBe('不可退订');
    expect(text(options()[0]!.querySelector('strong'))).toBe('消息通知服务');
  });

  it.each([
    ['zh-CN', 'zh-CN', '不可退订'],
    ['zh-TW', 'zh-CN', '不可退订'],
    ['en-GB', 'en', 'Cannot unsubscribe'],
    ['de', 'en', 'Cannot unsubscribe'],
  ])('with "follow the page" chosen, follows a browser in %s', async (browserLanguage, htmlLang, blocked) => {
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue(browserLanguage);
    await saveSettings({ ...defaultSettings, language: 'page' });
    const { input } = await openPopup();
    expect(document.documentElement.lang).toBe(htmlLang);
    type(input, 'SMN');
    expect(text(options()[0]!.querySelector('.verdict'))).toBe(blocked);
  });

  it('speaks English when English is chosen, whatever the browser speaks', async () => {
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('zh-CN');
    await saveSettings({ ...defaultSettings, language: 'en' });
    const { input } = await openPopup();
    expect(root.querySelector('h1')!.textContent).toBe('Unsub Lens');
    type(input, '消息通知服务');
    expect(text(options()[0]!.querySelector('strong'))).toBe('Simple Message Notification');
  });

  it('puts page-like text from a user rule in as text, never as markup', async () => {
    await saveSettings({
      ...defaultSettings,
      userRules: [{ id: 'evil', names: ['<img src=x onerror=alert(1)>'], verdict: 'blocked', explanation: '<b>bold</b>' }],
    });
    const { input } = await openPopup();
    type(input, 'img src');
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('.hit b')).toBeNull();
    expect(text(options()[0]!.querySelector('.explanation'))).toBe('<b>bold</b>');
  });
});

describe('questions no rule answers: refunds, fees, five-day unsubscription', () => {
  const topic = (id: string) => root.querySelector<HTMLElement>(`.topic[data-topic="${id}"]`);

  it.each([
    ['handling fee', 'refund-and-handling-fee', /15%.*10%.*5%/],
    ['refund', 'refund-and-handling-fee', /Refund = actual payment − consumed amount − handling fee/],
    ['5-day', 'five-day-no-reason', /5x24 hours/],
    ['no reason', 'five-day-no-reason', /10 instances per calendar year/],
  ])('answers "%s" with the facts of %s, each with its source and date', async (query, id, fact) => {
    const { input } = await openPopup();
    type(input, query);
    const card = topic(id);
    expect(card).not.toBeNull();
    expect(text(card)).toMatch(fact);
    const points = [...card!.querySelectorAll('li')];
    expect(points.length).toBeGreaterThan(1);
    for (const point of points) expect(point.querySelector('.source a')?.textContent).toMatch(/edition \d{4}-\d{2}-\d{2}/);
    // Facts, not a verdict: no result card claims the topic as a product.
    expect(card!.querySelector('.verdict')).toBeNull();
    expect(root.querySelector('.no-rule')).toBeNull();
  });

  it('says the large-value review threshold with its source', async () => {
    const { input } = await openPopup();
    type(input, 'refund');
    const point = [...topic('refund-and-handling-fee')!.querySelectorAll('li')].find((li) => li.textContent!.includes('USD 7,000'));
    expect(point?.querySelector('a')?.getAttribute('href')).toContain('unsubscription_topic_2000007');
  });

  it.each([
    ['手续费', 'refund-and-handling-fee', /应退金额 = 实付金额 − 已消费金额 − 退订手续费/, '退订规则'],
    ['五天无理由', 'five-day-no-reason', /5×24 小时内可无理由退订/, '五天无理由退订'],
  ])('answers "%s" in Chinese, with the China site and Chinese section names', async (query, id, fact, section) => {
    await saveSettings({ ...defaultSettings, language: 'zh' });
    const { input } = await openPopup();
    type(input, query);
    const card = topic(id)!;
    expect(text(card)).toMatch(fact);
    const link = card.querySelector('.source a')!;
    expect(link.textContent).toContain(section);
    expect(link.getAttribute('href')).toMatch(/^https:\/\/support\.huaweicloud\.com\/usermanual-billing\//);
    expect(text(card)).not.toMatch(/Source|edition/);
  });

  it('shows rules and a topic together when both match ("coupon" is a rule, not a topic)', async () => {
    const { input } = await openPopup();
    type(input, 'coupon');
    expect(root.querySelector('.topic')).toBeNull();
    expect(options()[0]?.dataset.rule).toBe('promotion');
  });
});

describe('with badges switched off', () => {
  it('says so and switches them back on in one click, keeping every other setting', async () => {
    await saveSettings({ ...defaultSettings, enabled: false, disabledRules: ['expired'], language: 'en' });
    await openPopup();
    const notice = root.querySelector<HTMLElement>('[data-notice="badges-off"]')!;
    expect(text(notice)).toContain('Badges are switched off in the options.');
    notice.querySelector<HTMLButtonElement>('[data-action="switch-badges-on"]')!.click();
    await vi.waitFor(() => expect(text(notice)).toBe('Badges are on again: they appear on the page in a moment.'));
    const { settings } = await loadSettings();
    expect(settings).toMatchObject({ enabled: true, disabledRules: ['expired'], language: 'en' });
  });

  it('keeps a change another page saved meanwhile', async () => {
    await saveSettings({ ...defaultSettings, enabled: false });
    await openPopup();
    // The options page saves a switched-off rule after the popup opened.
    await saveSettings({ ...defaultSettings, enabled: false, disabledRules: ['trial'] });
    root.querySelector<HTMLButtonElement>('[data-action="switch-badges-on"]')!.click();
    await vi.waitFor(async () => expect((await loadSettings()).settings).toMatchObject({ enabled: true, disabledRules: ['trial'] }));
  });

  it('offers no switch when badges are on', async () => {
    await openPopup();
    expect(root.querySelector('[data-notice="badges-off"]')).toBeNull();
  });
});
