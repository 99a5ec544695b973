// Every UI string exists in both languages, is not empty, and is something Chrome accepts; the popup
// and the options page, as drawn, speak only the chosen language.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { shortVerdictMessageKey, shortVerdictWords, verdictMessageKey, verdictWords } from '../../src/i18n/verdict-words';
import { verdicts } from '../../src/rules/types';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { answerAsBackground } from '../support/background';
import { fillMessage, loadTranslator } from '../../src/i18n/messages';
import { catalog } from '../../src/rules/catalog';
import { badgeText } from '../../src/badges/badge-text';
import { reasonWords } from '../../src/rules/reason-words';
import { columnHeaders } from '../../src/console/columns';
import { mountPopup } from '../../src/popup/popup';
import { mountOptions } from '../../src/options/options';
import { summaryCsv } from '../../src/popup/export-csv';
import { summaryReport } from '../../src/popup/export-report';
import { saveSettings } from '../../src/settings/storage';
import { defaultSettings } from '../../src/settings/settings';
import type { ContentRequest, PageSummary } from '../../src/messaging/protocol';

const localesDir = resolve(__dirname, '../../public/_locales');
type Messages = Record<string, { message: string; description?: string }>;
const read = (locale: string): Messages => JSON.parse(readFileSync(resolve(localesDir, locale, 'messages.json'), 'utf8'));
const locales = readdirSync(localesDir);
const en = read('en');
const zh = read('zh_CN');

/** The $1..$9 a message fills. */
const argsOf = (message: string) => [...new Set(message.match(/\$[1-9]/g) ?? [])].sort();

describe('locale files', () => {
  it('are exactly English and Simplified Chinese', () => {
    expect(locales.sort()).toEqual(['en', 'zh_CN']);
  });

  it('have the same keys in both languages', () => {
    const onlyEn = Object.keys(en).filter((key) => !(key in zh));
    const onlyZh = Object.keys(zh).filter((key) => !(key in en));
    expect({ onlyEn, onlyZh }).toEqual({ onlyEn: [], onlyZh: [] });
  });

  it('have no empty message', () => {
    for (const [locale, messages] of [
      ['en', en],
      ['zh_CN', zh],
    ] as const)
      for (const [key, { message }] of Object.entries(messages)) expect(message.trim(), `${locale}/${key}`).not.toBe('');
  });

  it('use key names Chrome accepts', () => {
    for (const key of Object.keys(en)) expect(key).toMatch(/^[A-Za-z0-9_@]+$/);
  });

  it('fill the same $1..$9 in both languages', () => {
    for (const key of Object.keys(en)) expect(argsOf(zh[key]!.message), key).toEqual(argsOf(en[key]!.message));
  });

  it('contain no $NAME$ placeholder without a definition (Chrome refuses to load those)', () => {
    for (const messages of [en, zh]) for (const { message } of Object.values(messages)) expect(message).not.toMatch(/\$[A-Za-z_@][A-Za-z0-9_@]*\$/);
  });

  it('define every __MSG_ key the manifest and the popup page use', () => {
    const used = ['extName', 'extDescription'];
    const popupHtml = readFileSync(resolve(__dirname, '../../entrypoints/popup/index.html'), 'utf8');
    used.push(...[...popupHtml.matchAll(/__MSG_(\w+)__/g)].map((m) => m[1]!));
    for (const key of used) {
      expect(en, key).toHaveProperty(key);
      expect(zh, key).toHaveProperty(key);
    }
  });

  it('name the verdicts with the words the badges on the page and the CLIs use', async () => {
    for (const lang of ['en', 'zh'] as const) {
      const t = await loadTranslator(lang);
      const pages = [t('verdictBlocked'), t('verdictCaution'), t('verdictAllowed')];
      expect(pages, lang).toEqual([badgeText[lang].blocked, badgeText[lang].caution, badgeText[lang].allowed]);
      expect(pages, lang).toEqual([verdictWords[lang].blocked, verdictWords[lang].caution, verdictWords[lang].allowed]);
      // The short words, of the badge in its cell and the popup's rows, are one set too.
      for (const verdict of verdicts) {
        expect(t(shortVerdictMessageKey[verdict]), `${lang} ${verdict}`).toBe(badgeText[lang].short[verdict]);
        expect(badgeText[lang].short[verdict]).toBe(shortVerdictWords[lang][verdict]);
        expect(t(verdictMessageKey[verdict])).toBe(badgeText[lang][verdict]);
      }
    }
    // A short word is never another verdict's full word: "Check" means the same everywhere.
    for (const lang of ['en', 'zh'] as const)
      for (const verdict of verdicts)
        for (const other of verdicts) if (other !== verdict) expect(shortVerdictWords[lang][verdict]).not.toBe(verdictWords[lang][other]);
    // The message files do not hold them: a second copy could drift.
    expect(Object.keys(en).filter((key) => key.startsWith('verdict'))).toEqual([]);
  });

  it('give the Chinese pages one Chinese name for the extension, and full-width punctuation', () => {
    for (const [key, { message }] of Object.entries(zh)) {
      expect(message, key).not.toContain('Unsub Lens');
      // ASCII punctuation only inside what is quoted, a placeholder, an address or a code.
      const prose = message.replace(/"[^"]*"|\$\d|https?:\/\/\S+|[\w./:-]*[A-Za-z][\w./:-]*/g, '');
      expect(prose, key).not.toMatch(/[,:;()!?]/);
    }
    expect(zh.extName!.message).toBe('退订助手');
    expect(badgeText.zh.barLabel).toMatch(/^退订助手/);
  });

  it('address the Chinese reader as the console does (您), with no space inside Chinese text', () => {
    const strings = (value: unknown): string[] =>
      typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(strings) : [];
    const texts = [
      ...Object.entries(zh).map(([key, { message }]) => [key, message] as const),
      ...strings(badgeText.zh).map((text) => ['badge', text] as const),
      ...strings(reasonWords.zh).map((text) => ['reason', text] as const),
      ...catalog.rules.flatMap((rule) => [rule.title.zh, rule.explanation.zh].map((text) => [rule.id, text] as const)),
    ];
    expect(texts.length).toBeGreaterThan(300);
    for (const [where, text] of texts) {
      expect(text, where).not.toContain('你');
      // "退订助手 写入": a space where the English sentence had one.
      expect(text, where).not.toMatch(/[\p{Script=Han}，。：；、（）“”] +[\p{Script=Han}（“]|[\p{Script=Han}”）] +[，。：；、（）]/u);
    }
  });

  it('name the extension in the store listing language', () => {
    expect(en.extName!.message).toBe('Unsub Lens');
    expect(zh.extName!.message).toContain('退订');
  });
});

describe('fillMessage', () => {
  it('fills $1 and $2 and keeps $$ as a dollar sign', () => {
    expect(fillMessage('$1 read, $2 skipped', [12, 3])).toBe('12 read, 3 skipped');
    expect(fillMessage('costs $$5 for $1', ['you'])).toBe('costs $5 for you');
  });
});

// Strings built in code (skip reasons, list joins, field labels, fallbacks for a missing key) escape
// the key comparison above. So the popup and the options page are drawn in each language, used the
// way a person would, and every word they show must come from that language's message file or from
// data: the catalog's texts in that language, product names, the page's own text, the user's input.
describe('the popup and the options page as shown', () => {
  const camelKeys = Object.keys(en).filter((key) => /[a-z][A-Z]/.test(key));

  /** Text nodes and the attributes people read or hear (title, aria-label, placeholder). */
  function shownTexts(root: ParentNode): string[] {
    const texts: string[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) if (node.textContent?.trim()) texts.push(node.textContent.trim());
    for (const element of (root as Element).querySelectorAll('*'))
      for (const name of ['title', 'aria-label', 'placeholder']) {
        const value = element.getAttribute(name);
        if (value?.trim()) texts.push(value.trim());
      }
    return texts;
  }

  /** The language's own script: Latin words in Chinese, Han characters in English. */
  const foreign = (lang: 'en' | 'zh', text: string): string[] =>
    lang === 'zh' ? (text.match(/[A-Za-z]{2,}/g) ?? []) : (text.match(/[\p{Script=Han}\u3000-\u303f\uff01-\uff5e]+/gu) ?? []);

  /** Everything a word may come from in `lang` besides the message file: data, not UI text. */
  function dataTexts(lang: 'en' | 'zh', extra: readonly string[]): string[] {
    const texts = [...extra, ...Object.values(columnHeaders).flat(), 'English', '中文'];
    for (const rule of catalog.rules) {
      texts.push(rule.title[lang], rule.explanation[lang], rule.source.section, ...(rule.keywords ?? []));
      for (const name of [...(rule.names ?? []), ...(rule.match?.exceptProducts ?? [])]) texts.push(name.text, name.note?.[lang] ?? '');
    }
    return texts;
  }

  function strays(lang: 'en' | 'zh', shown: Iterable<string>, extra: readonly string[]) {
    const messages = lang === 'zh' ? zh : en;
    const allowed = new Set([...Object.values(messages).map((m) => m.message), ...dataTexts(lang, extra)].flatMap((text) => foreign(lang, text)));
    const found: string[] = [];
    for (const text of shown) {
      const words = foreign(lang, text).filter((word) => !allowed.has(word));
      const keys = camelKeys.filter((key) => new RegExp(`\\b${key}\\b`).test(text));
      if (words.length || keys.length) found.push(`${[...words, ...keys].join(' ')}  <-  ${text}`);
    }
    return [...new Set(found)];
  }

  const settle = async () => {
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
  };
  const typeInto = (field: HTMLInputElement | HTMLTextAreaElement, value: string) => {
    field.value = value;
    field.dispatchEvent(new Event('input', { bubbles: true }));
    field.dispatchEvent(new Event('change', { bubbles: true }));
  };
  const press = (field: HTMLElement, key: string) => field.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));

  // Page text the summary carries, in both scripts: data in either UI language.
  const pageData = [
    '计费类型',
    'Charging Mode',
    'smn-topic-01',
    'Simple Message Notification',
    '云专线-二号',
    '云专线',
    'Product Type',
    '产品类型',
    'row 3: TypeError: x is undefined',
  ];
  const summary: PageSummary = {
    url: 'https://account.huaweicloud.com/usercenter/#/userindex/retreatManagement',
    lang: 'zh',
    counts: { blocked: 1, elsewhere: 0, caution: 1, allowed: 1 },
    rows: [
      {
        index: 0,
        resource: 'smn-topic-01',
        product: 'Simple Message Notification',
        verdict: 'blocked',
        rules: ['service/simple-message-notification'],
        mainReason: '消息通知服务',
        key: 'k',
      },
      {
        index: 1,
        resource: '云专线-二号',
        product: '云专线',
        verdict: 'caution',
        rules: ['service/direct-connect'],
        mainReason: 'Direct Connect',
        key: 'k',
      },
      { index: 2, resource: '', product: '云专线', verdict: 'blocked', rules: ['expired'], mainReason: '已过期', key: 'k' },
      { index: 3, resource: 'ecs', product: 'ECS', verdict: 'allowed', rules: [], mainReason: '', key: 'k' },
    ],
    diagnostics: {
      tables: 1,
      columns: { productType: 'Product Type', status: '产品类型' },
      missingColumns: ['resource', 'billingMode', 'reason'],
      otherHeaders: ['计费类型', 'Charging Mode'],
      rowsRead: 4,
      rowsSkipped: 7,
      skippedReasons: { 'detail row': 1, 'no data row': 1, 'group header': 1, 'header row': 1, 'empty row': 1, 'not read yet': 1, error: 1 },
      errors: ['row 3: TypeError: x is undefined'],
    },
  };
  for (const row of summary.rows) pageData.push(row.resource, row.product, row.mainReason, ...row.rules);

  async function usePopup(lang: 'en' | 'zh'): Promise<string[]> {
    fakeBrowser.reset();
    answerAsBackground();
    await saveSettings({
      ...defaultSettings,
      enabled: false,
      language: lang,
      userRules: [{ id: 'my-host', names: ['My Host', '我的主机'], verdict: 'caution', explanation: 'Ask first.' }],
    });
    let revealed = true;
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async (_: number, message: ContentRequest) =>
      message.type === 'get-summary' ? summary : revealed) as never);
    vi.spyOn(URL, 'createObjectURL').mockImplementation(() => 'blob:test');
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText: () => Promise.reject(new Error('denied')) } });
    const shown: string[] = [];
    const root = document.createElement('main');
    document.body.replaceChildren(root);
    const popup = await mountPopup(root, { search: '?tabId=7' });
    await popup.pageReady;
    shown.push(document.title, ...shownTexts(root));
    for (const query of ['SMN', 'CSS', 'My Host', 'coupon', '消息通知服务', 'zzqqxx']) {
      typeInto(popup.input, query);
      shown.push(...shownTexts(root));
      press(popup.input, 'Enter');
      shown.push(...shownTexts(root));
    }
    for (const details of root.querySelectorAll('details')) details.open = true;
    const product = root.querySelector<HTMLInputElement>('.check-form input[type="text"]')!;
    const [billing, status] = [...root.querySelectorAll<HTMLSelectElement>('.check-form select')];
    for (const [text, billingMode, state] of [
      ['云专线', 'billingYearlyMonthly', 'statusExpired'],
      ['Direct Connect', 'billingPackage', 'statusFrozen'],
      ['Nothing Known', '', ''],
    ]) {
      billing!.value = billingMode!;
      status!.value = state!;
      typeInto(product, text!);
      shown.push(...shownTexts(root));
    }
    for (const box of root.querySelectorAll<HTMLInputElement>('.check-form input[type="checkbox"]')) box.click();
    shown.push(...shownTexts(root));
    for (const button of root.querySelectorAll<HTMLButtonElement>('.summary button')) {
      button.click();
      await settle();
      shown.push(...shownTexts(root));
      revealed = !revealed;
    }
    shown.push(...summaryCsv(summary, popup.t).split(/\r\n/), ...summaryReport(summary, popup.t).split('\n'));

    // Elsewhere: no content script answers.
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('Could not establish connection.'));
    const elsewhere = await mountPopup(root, { search: '?tabId=8' });
    await elsewhere.pageReady;
    shown.push(...shownTexts(root));
    vi.unstubAllGlobals();
    return shown;
  }

  async function useOptions(lang: 'en' | 'zh'): Promise<{ shown: string[]; files: string[] }> {
    fakeBrowser.reset();
    answerAsBackground();
    // Stored settings with a mistake: the page says so and offers them for export.
    await fakeBrowser.storage.sync.set({
      settings: {
        version: 1,
        enabled: 'maybe',
        showAllowed: true,
        language: lang,
        disabledRules: [],
        extraHeaders: {},
        userRules: [{ id: 'my-host', names: ['My Host', '我的主机'], verdict: 'caution', explanation: 'Ask first.' }],
      },
    });
    const shown: string[] = [];
    const root = document.createElement('main');
    document.body.replaceChildren(root);
    const page = await mountOptions(root, { catalog });
    const button = (action: string) => root.querySelector<HTMLButtonElement>(`[data-action="${action}"]`)!;
    shown.push(document.title, ...shownTexts(root));

    button('add-rule').click();
    const editor = root.querySelector<HTMLFormElement>('.rule-editor')!;
    const [name, aliases] = [editor.querySelector<HTMLInputElement>('input[type="text"]')!, editor.querySelector<HTMLTextAreaElement>('textarea')!];
    for (const [first, others] of [
      ['', ''],
      ['x', 'My Host\n云'],
      ['My Host', ''],
    ]) {
      typeInto(name, first!);
      typeInto(aliases, others!);
      editor.dispatchEvent(new Event('submit', { cancelable: true }));
      await settle();
      shown.push(...shownTexts(root));
    }
    editor.querySelector<HTMLButtonElement>('button[type="button"]')?.click();

    typeInto(root.querySelector<HTMLTextAreaElement>('[data-column="status"]')!, `ok\n${'x'.repeat(101)}`);
    shown.push(...shownTexts(root));

    const files = [
      '{"enabled": true,\n "showAllowed" false}',
      JSON.stringify({
        format: 'other',
        version: 9,
        enabled: 'yes',
        colour: 'red',
        language: 'fr',
        disabledRules: ['Not An Id'],
        userRules: [
          { id: 'A B', names: [], verdict: 'maybe', explanation: 1 },
          { id: 'dup', names: ['x', 'y'], verdict: 'blocked', explanation: '' },
          { id: 'dup', names: ['Same', 'same'], verdict: 'blocked', explanation: '' },
        ],
        extraHeaders: { nothing: ['Header'] },
      }),
      JSON.stringify({ version: 9 }),
      '[1, 2]',
      ' '.repeat(300 * 1024),
    ];
    const fileInput = root.querySelector<HTMLInputElement>('input[type="file"]')!;
    for (const [i, content] of files.entries()) {
      Object.defineProperty(fileInput, 'files', { value: [new File([content], `settings-${i}.json`)], configurable: true });
      fileInput.dispatchEvent(new Event('change'));
      await settle();
      shown.push(...shownTexts(root));
    }

    button('reset').click();
    shown.push(...shownTexts(root));
    button('reset-cancel').click();

    const set = vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    root.querySelector<HTMLInputElement>('[data-setting="showAllowed"]')!.click();
    await settle();
    shown.push(...shownTexts(root));
    set.mockRestore();
    button('retry').click();
    await settle();
    shown.push(...shownTexts(root));
    button('discard-rejected').click();
    await settle();
    shown.push(...shownTexts(root));
    page.close();

    // Without the rule list from the background.
    const bare = await mountOptions(root);
    shown.push(...shownTexts(root));
    bare.close();
    return { shown, files: [...files, 'settings-0.json', 'QUOTA_BYTES quota exceeded'] };
  }

  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
  });

  it.each(['en', 'zh'] as const)('the popup in %s shows only words of that language or of the data', async (lang) => {
    const shown = await usePopup(lang);
    expect(shown.length).toBeGreaterThan(100);
    expect(
      strays(lang, shown, [
        ...pageData,
        'My Host',
        '我的主机',
        'Ask first.',
        'CSS',
        'coupon',
        'zzqqxx',
        'Direct Connect',
        'Nothing Known',
        'Unsub Lens',
        // The time zone of an export's time, as every clock names it.
        'UTC',
        summary.url,
      ]),
    ).toEqual([]);
  });

  it.each(['en', 'zh'] as const)('the options page in %s shows only words of that language or of the data', async (lang) => {
    const { shown, files } = await useOptions(lang);
    expect(shown.length).toBeGreaterThan(100);
    // Paths in problems are the settings file's own field names, and the values quoted are the file's.
    const fieldNames = [
      'enabled',
      'showAllowed',
      'userRules',
      'names',
      'id',
      'verdict',
      'explanation',
      'extraHeaders',
      'disabledRules',
      'language',
      'format',
      'version',
      'root',
      'settings',
      'status',
    ];
    expect(strays(lang, shown, [...files, ...fieldNames, 'My Host', '我的主机', 'Ask first.', 'Unsub Lens', 'ok', '云'])).toEqual([]);
  });
});
