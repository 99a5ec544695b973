// The options page, rendered and used: every change is saved at once and said to be saved; a failed
// save loses nothing; the user's own rules are checked before they are stored.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { catalog } from '../../src/rules/catalog';
import { mountOptions, type OptionsPage } from '../../src/options/options';
import { loadSettings, saveSettings } from '../../src/settings/storage';
import { defaultSettings, type Settings } from '../../src/settings/settings';

let root: HTMLElement;
let page: OptionsPage;

async function open(options: { catalog?: typeof catalog | null } = {}) {
  root = document.createElement('main');
  document.body.replaceChildren(root);
  page = await mountOptions(root, options.catalog === null ? {} : { catalog: options.catalog ?? catalog });
  return page;
}

const settle = async () => {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
};
const stored = async (): Promise<Settings> => (await loadSettings()).settings;
const status = () => root.querySelector<HTMLElement>('.save-status')!;
const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const button = (action: string) => root.querySelector<HTMLButtonElement>(`[data-action="${action}"]`)!;

function toggle(input: HTMLInputElement) {
  input.click(); // click() flips `checked` and fires change, as a user's click does
}

function fill(field: HTMLInputElement | HTMLTextAreaElement, value: string) {
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true }));
  field.dispatchEvent(new Event('change', { bubbles: true }));
}

beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(() => {
  page?.close();
  vi.restoreAllMocks();
});

describe('switches', () => {
  it('saves the master switch at once and says "Saved"', async () => {
    await open();
    toggle(root.querySelector<HTMLInputElement>('[data-setting="enabled"]')!);
    await settle();
    expect((await stored()).enabled).toBe(false);
    expect(text(status())).toBe('Saved');
    expect(status().getAttribute('aria-live')).toBe('polite');
  });

  it('has badges for allowed rows off by default, and saves turning them on', async () => {
    await open();
    const box = root.querySelector<HTMLInputElement>('[data-setting="showAllowed"]')!;
    expect(box.checked).toBe(false);
    toggle(box);
    await settle();
    expect((await stored()).showAllowed).toBe(true);
  });

  it('lists one switch per rule, grouped as the source document groups them', async () => {
    await open();
    const groups = [...root.querySelectorAll<HTMLElement>('.rule-group')].map((g) => [g.dataset.group, g.querySelectorAll('input').length]);
    expect(groups).toEqual([
      ['condition', catalog.rules.filter((r) => r.group === 'condition').length],
      ['other-reason', catalog.rules.filter((r) => r.group === 'other-reason').length],
      ['service', catalog.rules.filter((r) => r.group === 'service').length],
      ['not-listed', catalog.rules.filter((r) => r.group === 'not-listed').length],
      ['revision', catalog.rules.filter((r) => r.group === 'revision').length],
      ['page', catalog.rules.filter((r) => r.group === 'page').length],
    ]);
    expect(root.querySelectorAll('.rule-group input[type="checkbox"]')).toHaveLength(catalog.rules.length);
    expect(text(root.querySelector('[data-group="service"] legend'))).toBe('Table 1: services that cannot be unsubscribed');
  });

  it('switches a rule off and on again', async () => {
    await open();
    const smn = root.querySelector<HTMLInputElement>('[data-rule="service/simple-message-notification"]')!;
    expect(smn.checked).toBe(true);
    toggle(smn);
    await settle();
    expect((await stored()).disabledRules).toEqual(['service/simple-message-notification']);
    toggle(smn);
    await settle();
    expect((await stored()).disabledRules).toEqual([]);
  });

  it('shows rules switched off earlier as off', async () => {
    await saveSettings({ ...defaultSettings, disabledRules: ['trial'] });
    await open();
    expect(root.querySelector<HTMLInputElement>('[data-rule="trial"]')!.checked).toBe(false);
    expect(root.querySelector<HTMLInputElement>('[data-rule="expired"]')!.checked).toBe(true);
  });

  it('redraws the page in Chinese when 中文 is chosen, keeping the focus on the choice', async () => {
    await open();
    expect(text(root.querySelector('#general-title'))).toBe('General');
    const zh = root.querySelector<HTMLInputElement>('[data-setting="language"][value="zh"]')!;
    zh.focus();
    toggle(zh);
    await vi.waitFor(() => expect(text(root.querySelector('#general-title'))).toBe('常规'));
    expect((await stored()).language).toBe('zh');
    expect(text(root.querySelector('[data-rule="service/simple-message-notification"] + div label'))).toContain('消息通知服务');
    expect(document.activeElement).toBe(root.querySelector('[data-setting="language"][value="zh"]'));
  });

  it('follows the browser\'s language while "follow the page" is chosen, and English once chosen', async () => {
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('zh-CN');
    await open();
    expect(text(root.querySelector('#general-title'))).toBe('常规');
    expect(document.documentElement.lang).toBe('zh-CN');
    toggle(root.querySelector<HTMLInputElement>('[data-setting="language"][value="en"]')!);
    await vi.waitFor(() => expect(text(root.querySelector('#general-title'))).toBe('General'));
    expect(document.documentElement.lang).toBe('en');
    expect(document.title).toBe('Unsub Lens - Options');
  });
});

describe('sections, the rule filter and the column names', () => {
  it("links every section from the side navigation, the organisation's only when it sets something", async () => {
    await open();
    const links = [...root.querySelectorAll<HTMLAnchorElement>('.side-nav a')];
    expect(links.map((link) => [link.getAttribute('href'), text(link)])).toEqual([
      ['#general', 'General'],
      ['#rules', 'Rules'],
      ['#user-rules', 'Your own rules'],
      ['#headers', 'Console column names'],
      ['#backup', 'Import, export, reset'],
    ]);
    for (const link of links) expect(root.querySelector(link.getAttribute('href')!)?.tagName).toBe('SECTION');
    expect(root.querySelector('.side-nav')!.getAttribute('aria-label')).toBe('Sections');
  });

  it('filters rules by any of their names in either language, and keeps the filter across a redraw', async () => {
    await open();
    const filter = root.querySelector<HTMLInputElement>('#rule-filter')!;
    const shown = () =>
      [...root.querySelectorAll<HTMLElement>('[data-rule-item]')].filter((item) => !item.hidden).map((item) => item.dataset.ruleItem);
    fill(filter, 'smn');
    expect(shown()).toEqual(['service/simple-message-notification']);
    expect(text(root.querySelector('[data-filter-count]'))).toBe(`Showing 1 of ${catalog.rules.length} rules`);
    fill(filter, '消息通知服务');
    expect(shown()).toEqual(['service/simple-message-notification']);
    // Another window's change redraws the page: the filter and what it shows stay.
    await saveSettings({ ...defaultSettings, disabledRules: ['free'] });
    await settle();
    expect(root.querySelector<HTMLInputElement>('#rule-filter')!.value).toBe('消息通知服务');
    expect(shown()).toEqual(['service/simple-message-notification']);
    fill(root.querySelector<HTMLInputElement>('#rule-filter')!, 'asdfqwer');
    expect(shown()).toEqual([]);
    expect([...root.querySelectorAll<HTMLElement>('.rule-group')].every((group) => group.hidden)).toBe(true);
    expect(text(root.querySelector('[data-filter-none]'))).toBe('No rule matches “asdfqwer”.');
  });

  it('opens a long explanation in full on click, and says so to assistive technology', async () => {
    await open();
    const toggle = root.querySelector<HTMLButtonElement>('[data-rule-item] button[aria-expanded]')!;
    const hint = root.querySelector<HTMLElement>(`#${toggle.getAttribute('aria-controls')}`)!;
    expect(hint.classList.contains('clamp')).toBe(true);
    toggle.click();
    expect(hint.classList.contains('clamp')).toBe(false);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(text(toggle)).toBe('Less');
    // Clicking the cut text itself opens it too.
    const other = [...root.querySelectorAll<HTMLButtonElement>('[data-rule-item] button[aria-expanded="false"]')][0]!;
    root.querySelector<HTMLElement>(`#${other.getAttribute('aria-controls')}`)!.click();
    expect(other.getAttribute('aria-expanded')).toBe('true');
  });

  it('keeps the column-name boxes closed until one holds names, and says how many', async () => {
    await saveSettings({ ...defaultSettings, extraHeaders: { status: ['Lifecycle', 'State'] } });
    await open();
    const open_ = [...root.querySelectorAll<HTMLDetailsElement>('details[data-column-row]')].filter((row) => row.open);
    expect(open_.map((row) => row.dataset.columnRow)).toEqual(['status']);
    expect(text(open_[0]!.querySelector('.count-pill'))).toBe('2 added');
    expect(root.querySelector('textarea[data-column="status"]')!.getAttribute('aria-labelledby')).toBe('headers-status-label');
  });
});

describe('a failed save', () => {
  it('says why, keeps the change on screen, and saves it on "Try again"', async () => {
    await open();
    const set = vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValue(new Error('MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded'));
    toggle(root.querySelector<HTMLInputElement>('[data-rule="trial"]')!);
    await settle();
    expect(text(status())).toContain('Could not save: MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded.');
    expect(text(status())).toContain('Your changes are still here.');
    expect(root.querySelector<HTMLInputElement>('[data-rule="trial"]')!.checked).toBe(false);
    expect((await stored()).disabledRules).toEqual([]);
    set.mockRestore();
    button('retry').click();
    await settle();
    expect((await stored()).disabledRules).toEqual(['trial']);
    expect(text(status())).toBe('Saved');
  });

  it('keeps a later edit made while the first one failed', async () => {
    await open();
    const set = vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValue(new Error('offline'));
    toggle(root.querySelector<HTMLInputElement>('[data-rule="trial"]')!);
    await settle();
    set.mockRestore();
    toggle(root.querySelector<HTMLInputElement>('[data-rule="expired"]')!);
    await settle();
    expect((await stored()).disabledRules).toEqual(['trial', 'expired']);
  });
});

describe('your own rules', () => {
  const editor = () => root.querySelector<HTMLFormElement>('.rule-editor')!;
  const field = (label: string) => {
    const id = [...editor().querySelectorAll('label')].find((l) => l.textContent === label)!.htmlFor;
    return editor().querySelector<HTMLInputElement | HTMLTextAreaElement>(`#${id}`)!;
  };
  const submit = async () => {
    editor().dispatchEvent(new Event('submit', { cancelable: true }));
    await settle();
  };

  it('adds a rule with a name, other names, a verdict and an explanation', async () => {
    await open();
    button('add-rule').click();
    fill(field('Name'), 'Cloud Phone Host');
    fill(field('Other names'), 'CPH\n\n云手机服务器\n');
    editor().querySelector<HTMLInputElement>('input[value="caution"]')!.click();
    fill(field('Explanation'), 'Ask the account manager.');
    await submit();
    expect((await stored()).userRules).toEqual([
      { id: 'cloud-phone-host', names: ['Cloud Phone Host', 'CPH', '云手机服务器'], verdict: 'caution', explanation: 'Ask the account manager.' },
    ]);
    expect(root.querySelector('.rule-editor')).toBeNull();
    expect(text(root.querySelector('[data-user-rule="cloud-phone-host"]'))).toContain('Also: CPH, 云手机服务器');
    expect(text(status())).toBe('Rule “Cloud Phone Host” saved.');
  });

  it('refuses a name that would match every product, names the field, and stores nothing', async () => {
    await open();
    button('add-rule').click();
    fill(field('Name'), 'x');
    await submit();
    expect(text(editor().querySelector('.form-errors'))).toBe('Name: "x" would match every product: a name needs at least two letters or digits');
    expect((await stored()).userRules).toEqual([]);
    expect(document.activeElement).toBe(field('Name'));
  });

  it('writes out the zero-width characters around a one-letter name, so the refusal makes sense', async () => {
    await open();
    button('add-rule').click();
    fill(field('Name'), '\u200Bx\u200B');
    await submit();
    expect(text(editor().querySelector('.form-errors'))).toBe(
      String.raw`Name: "\u200Bx\u200B" would match every product: a name needs at least two letters or digits`,
    );
    expect((await stored()).userRules).toEqual([]);
  });

  it('writes out a right-to-left override in another name, in Chinese too', async () => {
    await saveSettings({ ...defaultSettings, language: 'zh' });
    await open();
    button('add-rule').click();
    fill(field('名称'), 'Cloud Phone Host');
    fill(field('其他名称'), 'CPH\n\u202Ex');
    await submit();
    expect(text(editor().querySelector('.form-errors'))).toContain(String.raw`“\u202Ex”会匹配所有产品`);
  });

  it('refuses an empty name', async () => {
    await open();
    button('add-rule').click();
    await submit();
    expect(text(editor().querySelector('.form-errors'))).toBe('Name: needs some text');
    expect((await stored()).userRules).toEqual([]);
  });

  it('refuses a one-character other name, saying which line', async () => {
    await open();
    button('add-rule').click();
    fill(field('Name'), 'Cloud Phone Host');
    fill(field('Other names'), 'CPH\n云');
    await submit();
    expect(text(editor().querySelector('.form-errors'))).toContain('Other names, line 2: "云" would match every product');
    expect((await stored()).userRules).toEqual([]);
  });

  it('counts other names by the lines of the box, marks that box and moves to it', async () => {
    await open();
    button('add-rule').click();
    fill(field('Name'), 'Cloud Phone Host');
    fill(field('Other names'), 'CPH\n\n云');
    await submit();
    expect(text(editor().querySelector('.form-errors'))).toBe(
      'Other names, line 3: "云" would match every product: a name needs at least two letters or digits',
    );
    expect(field('Other names').getAttribute('aria-invalid')).toBe('true');
    expect(field('Name').hasAttribute('aria-invalid')).toBe(false);
    expect(document.activeElement).toBe(field('Other names'));
    fill(field('Other names'), 'CPH');
    await submit();
    expect((await stored()).userRules.map((rule) => rule.names)).toEqual([['Cloud Phone Host', 'CPH']]);
  });

  it('gives a second rule with the same name its own id', async () => {
    await saveSettings({ ...defaultSettings, userRules: [{ id: 'workspace', names: ['Workspace'], verdict: 'blocked', explanation: '' }] });
    await open();
    button('add-rule').click();
    fill(field('Name'), 'Workspace');
    await submit();
    expect((await stored()).userRules.map((r) => r.id)).toEqual(['workspace', 'workspace-2']);
  });

  it('edits a rule in place, keeping its id', async () => {
    await saveSettings({ ...defaultSettings, userRules: [{ id: 'workspace', names: ['Workspace'], verdict: 'blocked', explanation: '' }] });
    await open();
    button('edit-rule').click();
    expect((field('Name') as HTMLInputElement).value).toBe('Workspace');
    fill(field('Name'), 'Cloud Workspace');
    await submit();
    expect((await stored()).userRules).toEqual([{ id: 'workspace', names: ['Cloud Workspace'], verdict: 'blocked', explanation: '' }]);
  });

  it('removes a rule', async () => {
    await saveSettings({
      ...defaultSettings,
      userRules: [
        { id: 'one-rule', names: ['One'], verdict: 'blocked', explanation: '' },
        { id: 'two-rule', names: ['Two'], verdict: 'caution', explanation: '' },
      ],
    });
    await open();
    root.querySelector<HTMLButtonElement>('[data-user-rule="one-rule"] [data-action="remove-rule"]')!.click();
    await settle();
    expect((await stored()).userRules.map((r) => r.id)).toEqual(['two-rule']);
    expect(root.querySelector('[data-user-rule="one-rule"]')).toBeNull();
  });
});

describe('column header names', () => {
  it('saves extra header names for a column, one per line', async () => {
    await open();
    fill(root.querySelector<HTMLTextAreaElement>('[data-column="productType"]')!, 'Cloud Product\n\n云产品类型 ');
    await settle();
    expect((await stored()).extraHeaders).toEqual({ productType: ['Cloud Product', '云产品类型'] });
  });

  it('refuses a header name over the length limit and stores nothing', async () => {
    await open();
    const area = root.querySelector<HTMLTextAreaElement>('[data-column="status"]')!;
    fill(area, 'x'.repeat(101));
    await settle();
    expect(text(area.parentElement!.querySelector('.error-text'))).toBe('Status, line 1: too long (at most 100 characters)');
    expect(area.getAttribute('aria-invalid')).toBe('true');
    expect((await stored()).extraHeaders).toEqual({});
  });

  it('names the line of the box as the user sees it, blank lines and repeats included', async () => {
    await saveSettings({ ...defaultSettings, language: 'zh' });
    await open();
    const area = root.querySelector<HTMLTextAreaElement>('[data-column="billingMode"]')!;
    fill(area, `Charging\n\nCharging\n${'x'.repeat(101)}`);
    await settle();
    expect(text(area.parentElement!.querySelector('.error-text'))).toBe('计费模式第 4 行: 过长（最多 100 个字符）');
    fill(area, 'Charging');
    await settle();
    expect(text(area.parentElement!.querySelector('.error-text'))).toBe('');
    expect(area.hasAttribute('aria-invalid')).toBe(false);
    expect((await stored()).extraHeaders).toEqual({ billingMode: ['Charging'] });
  });
});

describe('reset to defaults', () => {
  beforeEach(async () => {
    await saveSettings({ ...defaultSettings, showAllowed: true, disabledRules: ['trial'] });
  });

  it('asks first, and Cancel leaves everything as it was', async () => {
    await open();
    button('reset').click();
    expect(root.querySelector('[role="alertdialog"]')).not.toBeNull();
    expect(document.activeElement).toBe(button('reset-cancel'));
    button('reset-cancel').click();
    await settle();
    expect(root.querySelector('[role="alertdialog"]')).toBeNull();
    expect((await stored()).disabledRules).toEqual(['trial']);
  });

  it('resets every setting once confirmed', async () => {
    await open();
    button('reset').click();
    button('reset-confirm').click();
    await settle();
    expect(await stored()).toEqual(defaultSettings);
    expect(root.querySelector<HTMLInputElement>('[data-rule="trial"]')!.checked).toBe(true);
    expect(text(status())).toBe('Settings reset to their defaults.');
  });
});

describe('import through the page', () => {
  it('lists every problem of a refused file and changes nothing', async () => {
    await open();
    const before = await fakeBrowser.storage.sync.get(null);
    const input = root.querySelector<HTMLInputElement>('input[type="file"]')!;
    const file = new File([JSON.stringify({ enabled: 'no', userRules: [{ id: 'a-rule', verdict: 'blocked', explanation: '' }] })], 'mine.json', {
      type: 'application/json',
    });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    input.dispatchEvent(new Event('change'));
    await settle();
    expect(text(root.querySelector('.import-errors .error-text'))).toBe('mine.json was not imported (2 problems). Nothing was changed:');
    expect([...root.querySelectorAll('.import-errors li')].map(text)).toEqual(['enabled: expected true or false', 'userRules[0].names: required']);
    expect(await fakeBrowser.storage.sync.get(null)).toEqual(before);
  });

  it('imports a good file and shows its settings', async () => {
    await open();
    const input = root.querySelector<HTMLInputElement>('input[type="file"]')!;
    const file = new File([JSON.stringify({ disabledRules: ['expired'] })], 'good.json');
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    input.dispatchEvent(new Event('change'));
    await settle();
    // Nothing changes before the user has seen what would, and chosen.
    const preview = root.querySelector<HTMLElement>('[data-import-preview]')!;
    expect(text(preview)).toContain('switch 1 rule(s) off: expired');
    expect((await stored()).disabledRules).toEqual([]);
    button('import-replace').click();
    await settle();
    expect((await stored()).disabledRules).toEqual(['expired']);
    expect(root.querySelector<HTMLInputElement>('[data-rule="expired"]')!.checked).toBe(false);
    expect(text(status())).toBe('Settings imported from good.json.');
  });

  it('cancels an import with nothing changed', async () => {
    await open();
    const input = root.querySelector<HTMLInputElement>('input[type="file"]')!;
    Object.defineProperty(input, 'files', { value: [new File([JSON.stringify({ showAllowed: true })], 'other.json')], configurable: true });
    input.dispatchEvent(new Event('change'));
    await settle();
    expect(text(root.querySelector<HTMLElement>('[data-import-preview]')!)).toContain('change: Also badge rows no rule blocks');
    button('import-cancel').click();
    await settle();
    expect(root.querySelector('[data-import-preview]')).toBeNull();
    expect((await stored()).showAllowed).toBe(false);
    expect(text(status())).toBe('Nothing imported from other.json.');
  });
});

describe('stored settings that could not be used', () => {
  it('says so, lists the problems, and offers the kept copy for export', async () => {
    await fakeBrowser.storage.sync.set({ settings: { enabled: 'maybe', showAllowed: true } });
    await open();
    const notice = root.querySelector<HTMLElement>('[data-notice="rejected"]')!;
    expect(text(notice)).toContain('Stored settings could not be used as they were');
    expect(text(notice)).toContain('enabled: expected true or false');
    expect(root.querySelector<HTMLInputElement>('[data-setting="showAllowed"]')!.checked).toBe(true);

    const created: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => (created.push(blob as Blob), 'blob:test'));
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    button('export-rejected').click();
    expect(JSON.parse(await created[0]!.text())).toEqual({ enabled: 'maybe', showAllowed: true });

    button('discard-rejected').click();
    await settle();
    expect(root.querySelector('[data-notice="rejected"]')).toBeNull();
    expect(await fakeBrowser.storage.local.get('settingsRejected')).toEqual({});
  });

  it('says when the rule list could not be had from the background', async () => {
    await open({ catalog: null });
    expect(text(root.querySelector('.notice'))).toContain('The rule list could not be loaded');
    expect(root.querySelectorAll('.rule-group')).toHaveLength(0);
  });
});

describe('changes made elsewhere', () => {
  it('shows settings saved from another window', async () => {
    await open();
    await saveSettings({ ...defaultSettings, disabledRules: ['free'] });
    await settle();
    expect(root.querySelector<HTMLInputElement>('[data-rule="free"]')!.checked).toBe(false);
  });

  it('does not redraw between the press and the release of a click, so the click is not swallowed', async () => {
    await open();
    const box = root.querySelector<HTMLInputElement>('[data-rule="free"]')!;
    box.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
    await saveSettings({ ...(await stored()), disabledRules: ['trial'] }, (await loadSettings()).revision);
    await settle();
    // The other window's change waits: the control being pressed is still the one on the page.
    expect(root.querySelector('[data-rule="free"]')).toBe(box);
    box.dispatchEvent(new PointerEvent('pointerup', { bubbles: true }));
    toggle(box);
    await settle();
    expect(root.querySelector('[data-rule="free"]')).not.toBe(box);
    expect((await stored()).disabledRules.sort()).toEqual(['free', 'trial']);
    for (const id of ['free', 'trial']) expect(root.querySelector<HTMLInputElement>(`[data-rule="${id}"]`)!.checked).toBe(false);
  });
});
