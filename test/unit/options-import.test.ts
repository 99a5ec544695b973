// Importing a settings file: every refusal names the field at fault and leaves storage as it was.
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadTranslator, type Translate } from '../../src/i18n/messages';
import { defaultSettings, type Settings } from '../../src/settings/settings';
import { saveSettings, loadSettings } from '../../src/settings/storage';
import { settingsFileText, jsonErrorLocation } from '../../src/settings/import-export';
import { jsonErrorOffset } from '../../src/settings/json-error';
import fc from 'fast-check';
import { createSettingsStore, type SettingsStore } from '../../src/options/settings-store';
import { applyImport, readSettingsFile, readSettingsText, type ImportMode, type ImportOutcome } from '../../src/options/import-settings';
import { problemText } from '../../src/options/context';

let t: Translate;
beforeAll(async () => {
  t = await loadTranslator('en');
});

const current: Settings = {
  ...defaultSettings,
  showAllowed: true,
  disabledRules: ['promotion'],
  userRules: [{ id: 'cloud-phone', names: ['Cloud Phone Host', 'CPH'], verdict: 'caution', explanation: 'Ask the account manager.' }],
};

let store: SettingsStore;
let before: Record<string, unknown>;

beforeEach(async () => {
  fakeBrowser.reset();
  await saveSettings(current);
  store = createSettingsStore(await loadSettings(), { save: saveSettings, load: loadSettings }, () => undefined);
  before = await fakeBrowser.storage.sync.get(null);
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** Reads a file's text and takes it as the page would once the user chose `mode`. */
async function importSettingsText(text: string, into: SettingsStore, mode: ImportMode = 'replace'): Promise<ImportOutcome> {
  const reading = readSettingsText(text, into.draft);
  return reading.ok ? applyImport(reading.preview, mode, into) : reading;
}

const rule = (fields: Record<string, unknown> = {}) => ({ id: 'my-rule', names: ['My Service'], verdict: 'blocked', explanation: 'Why.', ...fields });

/** Imports `file` (an object is written as JSON) and returns the messages shown; checks storage did not change. */
async function refused(file: unknown): Promise<string[]> {
  const text = typeof file === 'string' ? file : JSON.stringify(file, null, 2);
  const outcome = await importSettingsText(text, store);
  expect(outcome.ok).toBe(false);
  expect(await fakeBrowser.storage.sync.get(null)).toEqual(before);
  expect(store.draft).toEqual(current);
  if (!('problems' in outcome)) throw new Error('expected problems');
  return outcome.problems.map((problem) => problemText(problem, t));
}

describe('a valid import', () => {
  it('replaces the fields the file holds, keeps the others, and saves', async () => {
    const outcome = await importSettingsText(JSON.stringify({ format: 'unsub-lens-settings', version: 1, userRules: [rule()] }), store);
    expect(outcome).toEqual({ ok: true });
    const { settings } = await loadSettings();
    expect(settings).toEqual({ ...current, userRules: [rule()] });
  });

  it('reads back an exported file exactly', async () => {
    const exported = settingsFileText({ ...current, language: 'zh', extraHeaders: { status: ['State'] } });
    store = createSettingsStore(
      { settings: defaultSettings, revision: (await loadSettings()).revision },
      { save: saveSettings, load: loadSettings },
      () => undefined,
    );
    expect(await importSettingsText(exported, store)).toEqual({ ok: true });
    expect((await loadSettings()).settings).toEqual({ ...current, language: 'zh', extraHeaders: { status: ['State'] } });
  });

  it('accepts a file saved with a BOM, as Windows editors do', async () => {
    expect(await importSettingsText('\uFEFF' + JSON.stringify({ enabled: false }), store)).toEqual({ ok: true });
    expect((await loadSettings()).settings.enabled).toBe(false);
  });
});

describe('an import that is refused', () => {
  it('names a user rule without names: userRules[3].names: required', async () => {
    const messages = await refused({
      userRules: [rule({ id: 'a-rule' }), rule({ id: 'b-rule' }), rule({ id: 'c-rule' }), { id: 'd-rule', verdict: 'blocked', explanation: '' }],
    });
    expect(messages).toEqual(['userRules[3].names: required']);
  });

  it('names an unknown field at the top', async () => {
    expect(await refused({ enabeld: true })).toEqual(['enabeld: unknown field']);
  });

  it('writes out the invisible character in a field name that only looks known', async () => {
    expect(await refused({ 'enabled\u200B': true })).toEqual([String.raw`enabled\u200B: unknown field`]);
  });

  it('names an unknown field inside a user rule', async () => {
    expect(await refused({ userRules: [rule({ colour: 'red' })] })).toEqual(['userRules[0].colour: unknown field']);
  });

  it('names an unknown column in the header names', async () => {
    expect(await refused({ extraHeaders: { productType: ['Cloud product'], price: ['Price'] } })).toEqual(['extraHeaders.price: unknown field']);
  });

  it.each([
    ['valid JSON nested 2,000 levels deep (12 KB)', `{"userRules": ${'['.repeat(2000)}${']'.repeat(2000)}}`],
    ['broken JSON nested 2,000 levels deep', `{"userRules": ${'[{"a":'.repeat(2000)}`],
  ])('refuses %s with a message naming the limit, instead of overflowing the stack', async (_, text) => {
    expect(await refused(text)).toEqual(['arrays and objects nest more than 32 levels deep; a settings file nests 4']);
  });

  it('counts nesting outside strings only: brackets inside a rule text are text', async () => {
    const outcome = await importSettingsText(JSON.stringify({ userRules: [rule({ explanation: '['.repeat(100) + '{"'.repeat(50) })] }), store);
    expect(outcome.ok).toBe(true);
  });

  it('refuses a __proto__ key', async () => {
    expect(await refused('{"__proto__": {"enabled": false}}')).toEqual(['__proto__: this key is not allowed']);
    expect(({} as Record<string, unknown>).enabled).toBeUndefined();
  });

  it('refuses a constructor key deep in a user rule', async () => {
    const messages = await refused({ userRules: [rule({ constructor: { prototype: {} } })] });
    expect(messages).toEqual(['userRules[0].constructor: this key is not allowed']);
  });

  it('refuses a prototype key among the header names', async () => {
    expect(await refused({ extraHeaders: { prototype: ['x'] } })).toEqual(['extraHeaders.prototype: this key is not allowed']);
  });

  it('refuses a __proto__ key inside a user rule, as the file spells it', async () => {
    const text =
      '{"userRules": [{"id": "my-rule", "names": ["My Service"], "verdict": "blocked", "explanation": "", "__proto__": {"verdict": "caution"}}]}';
    expect(await refused(text)).toEqual(['userRules[0].__proto__: this key is not allowed']);
    expect(({} as Record<string, unknown>).verdict).toBeUndefined();
  });

  it('refuses a __proto__ key among the header names, as the file spells it', async () => {
    expect(await refused('{"extraHeaders": {"__proto__": ["Product"]}}')).toEqual(['extraHeaders.__proto__: this key is not allowed']);
  });

  it.each([
    ['user rules that are not a list', { userRules: { 'my-rule': rule() } }, 'userRules: expected a list'],
    ['switched-off rules given as text', { disabledRules: 'trial' }, 'disabledRules: expected a list'],
    ['header names given as text, not a list', { extraHeaders: { productType: 'Cloud Product' } }, 'extraHeaders.productType: expected a list'],
    ['header names that are not an object', { extraHeaders: ['Cloud Product'] }, 'extraHeaders: expected an object'],
    ['a user rule that is text', { userRules: ['My Service'] }, 'userRules[0]: expected an object'],
    ['an explanation that is a number', { userRules: [rule({ explanation: 42 })] }, 'userRules[0].explanation: needs some text'],
    // Text longer than the list's length limit: still only the one message.
    ['names given as one text', { userRules: [rule({ names: 'Cloud Phone Host and its many other names' })] }, 'userRules[0].names: expected a list'],
    ['user rules given as a long text', { userRules: 'x'.repeat(150) }, 'userRules: expected a list'],
  ])('refuses %s, naming the field', async (_, file, message) => {
    expect(await refused(file)).toEqual([message]);
  });

  it('refuses more user rules than the limit, saying it', async () => {
    const userRules = Array.from({ length: 101 }, (_, i) => rule({ id: `rule-${i}`, names: [`Service ${i}`] }));
    expect(await refused({ userRules })).toEqual(['userRules: too many (at most 100)']);
  });

  it('refuses a name longer than the limit, naming it', async () => {
    expect(await refused({ userRules: [rule({ names: ['N'.repeat(101)] })] })).toEqual(['userRules[0].names[0]: too long (at most 100 characters)']);
  });

  it('refuses a file over the size limit, saying the limit', async () => {
    const big = JSON.stringify({ userRules: [rule({ explanation: 'x'.repeat(300 * 1024) })] });
    const messages = await refused(big);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/^the file is 30\d KB; the limit is 256 KB$/);
  });

  it('refuses a file over the size limit before reading it', async () => {
    const file = new Blob(['{}'.padEnd(257 * 1024, ' ')]);
    const text = vi.spyOn(file, 'text');
    const outcome = await readSettingsFile(file, store.draft);
    expect(outcome).toMatchObject({ ok: false });
    expect(text).not.toHaveBeenCalled();
    if (!('problems' in outcome)) throw new Error('expected problems');
    expect(problemText(outcome.problems[0]!, t)).toContain('the limit is 256 KB');
    expect(await fakeBrowser.storage.sync.get(null)).toEqual(before);
  });

  it('says where malformed JSON goes wrong', async () => {
    expect(await refused('{\n  "enabled": true,\n  "showAllowed" false\n}')).toEqual(['not valid JSON: the error is at line 3, column 17']);
  });

  it('says where a file that ends too early stops', async () => {
    expect(await refused('{\n  "userRules": [')).toEqual(['not valid JSON: the error is at line 2, column 17']);
  });

  it.each([
    ['an empty name', '', 'needs some text'],
    ['a blank name', '   ', 'needs some text'],
    ['a single letter', 'x', '"x" would match every product'],
    ['a single Chinese character', '云', '"云" would match every product'],
    ['punctuation only', '-/-', '"-/-" would match every product'],
    // The zero-width spaces are written out: the user sees why "x" was refused.
    ['a letter padded with zero-width spaces', '\u200Bx\u200B', String.raw`"\u200Bx\u200B" would match every product`],
    ['a letter after a right-to-left override', '\u202Ex', String.raw`"\u202Ex" would match every product`],
    ['a full-width letter', 'Ｘ', '"Ｘ" would match every product'],
    ['a digit in brackets', '(7)', '"(7)" would match every product'],
  ])('refuses %s as a user rule name, naming the field', async (_, name, message) => {
    const messages = await refused({ userRules: [rule({ names: ['Fine Name', name] })] });
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain(`userRules[0].names[1]: ${message}`);
  });

  it('refuses a user rule with an empty list of names', async () => {
    expect(await refused({ userRules: [rule({ names: [] })] })).toEqual(['userRules[0].names: add at least one name']);
  });

  it('refuses two user rules with the same id', async () => {
    expect(await refused({ userRules: [rule(), rule({ names: ['Other'] })] })).toEqual([
      'userRules[1].id: the id "my-rule" is already used by userRules[0]',
    ]);
  });

  it('refuses a user rule id that is not kebab-case', async () => {
    expect(await refused({ userRules: [rule({ id: 'My Rule' })] })).toEqual(['userRules[0].id: expected a kebab-case id such as "my-service"']);
  });

  it('refuses a verdict other than blocked or caution', async () => {
    expect(await refused({ userRules: [rule({ verdict: 'allowed' })] })).toEqual(['userRules[0].verdict: expected "blocked" or "caution"']);
  });

  it('refuses a switch that is not true or false', async () => {
    expect(await refused({ enabled: 'yes' })).toEqual(['enabled: expected true or false']);
  });

  it('refuses an unknown language', async () => {
    expect(await refused({ language: 'fr' })).toEqual(['language: expected "page", "en" or "zh"']);
  });

  it('refuses a disabled rule that is not a rule id', async () => {
    expect(await refused({ disabledRules: ['trial', 'DROP TABLE'] })).toEqual([
      'disabledRules[1]: expected a rule id such as "trial" or "service/direct-connect"',
    ]);
  });

  it('refuses a file from a newer version of the extension', async () => {
    expect(await refused({ version: 2, enabled: true })).toEqual([
      'version: the file is settings version 2; this version of Unsub Lens reads version 1 and older',
    ]);
  });

  it('refuses a file of some other format', async () => {
    expect(await refused({ format: 'other-tool' })).toEqual(['format: expected "unsub-lens-settings" (this is not an Unsub Lens settings file)']);
  });

  it('refuses a file that is a list, not settings', async () => {
    expect(await refused([rule()])).toEqual(['expected an object of settings']);
  });

  it('reports every problem at once', async () => {
    const messages = await refused({ enabled: 1, userRules: [rule({ id: 'Bad' }), rule({ names: ['y'] })] });
    expect(messages).toEqual(
      expect.arrayContaining([
        'enabled: expected true or false',
        'userRules[0].id: expected a kebab-case id such as "my-service"',
        expect.stringContaining('userRules[1].names[0]: "y"'),
      ]),
    );
  });

  it('changes nothing when valid settings are too large for sync storage', async () => {
    // Within every per-field limit, yet over the 8 KB a sync item may hold.
    const userRules = Array.from({ length: 12 }, (_, i) => rule({ id: `rule-${i}`, names: [`Service ${i}`], explanation: 'x'.repeat(900) }));
    const outcome = await importSettingsText(JSON.stringify({ userRules }), store);
    expect(outcome).toEqual({ ok: false, saveFailed: true });
    expect(await fakeBrowser.storage.sync.get(null)).toEqual(before);
    expect(store.draft).toEqual(current);
  });

  it('changes nothing when the save itself fails', async () => {
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    const outcome = await importSettingsText(JSON.stringify({ enabled: false }), store);
    expect(outcome).toEqual({ ok: false, saveFailed: true });
    vi.restoreAllMocks();
    expect(await fakeBrowser.storage.sync.get(null)).toEqual(before);
    expect(store.draft).toEqual(current);
  });
});

describe('finding where JSON goes wrong', () => {
  it.each([
    ['{"a": 1,}', 8],
    ['{"a" 1}', 5],
    ['[1, 2 3]', 6],
    ['{"a": tru}', 9],
    ['{"a": "x\ty"}', 8],
    ['{"a": 01}', 7],
    ['{"a": "\\q"}', 8],
    ['{} {}', 3],
    ['{"a": [', 7],
    ['', 0],
  ])('%j goes wrong at offset %i', (text, offset) => {
    expect(jsonErrorOffset(text)).toBe(offset);
  });

  it('agrees with JSON.parse on every valid document', () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        expect(jsonErrorOffset(text)).toBeUndefined();
      }),
    );
  });

  it('agrees with JSON.parse on which texts are invalid', () => {
    const jsonish = fc.stringMatching(/^[\[\]{}":,0-9a-z\\ .eE+-]{0,16}$/);
    fc.assert(
      fc.property(jsonish, (text) => {
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        expect(jsonErrorOffset(text) === undefined).toBe(valid);
      }),
      { numRuns: 2000 },
    );
  });

  it("falls back on Firefox's line and column when only the message knows", () => {
    const error = new SyntaxError("JSON.parse: expected property name or '}' at line 2 column 3 of the JSON data");
    expect(jsonErrorLocation(error, '{}')).toEqual({ line: 2, column: 3 });
  });
});

describe('before an import changes anything', () => {
  const mine = { ...current, language: 'en' as const, extraHeaders: { status: ['State'] } };
  const file = JSON.stringify({
    format: 'unsub-lens-settings',
    language: 'zh',
    disabledRules: ['trial', 'expired'],
    userRules: [
      { id: 'cloud-phone', names: ['Cloud Phone Host'], verdict: 'blocked', explanation: 'Changed.' },
      { id: 'edge-box', names: ['Edge Box'], verdict: 'caution', explanation: '' },
    ],
    extraHeaders: { status: ['Resource State'] },
  });

  it('says what replacing would change: rules added, removed and changed, rules switched, other settings', () => {
    const reading = readSettingsText(file, mine);
    if (!reading.ok) throw new Error('expected a valid file');
    expect(reading.preview.changes).toEqual({
      rulesAdded: ['Edge Box'],
      rulesRemoved: [],
      rulesChanged: ['Cloud Phone Host'],
      switchedOff: ['trial', 'expired'],
      switchedOn: ['promotion'],
      otherChanges: ['language', 'extraHeaders'],
    });
  });

  it('merges by keeping everything here and adding only what the file adds', async () => {
    const reading = readSettingsText(file, mine);
    if (!reading.ok) throw new Error('expected a valid file');
    expect(reading.preview.merge).toEqual({
      ...mine,
      // Mine stays as it was (same id), the file's new rule is added.
      userRules: [...mine.userRules, { id: 'edge-box', names: ['Edge Box'], verdict: 'caution', explanation: '' }],
      disabledRules: ['promotion', 'trial', 'expired'],
      extraHeaders: { status: ['State', 'Resource State'] },
    });
    expect(await importSettingsText(file, store, 'merge')).toEqual({ ok: true });
    expect((await loadSettings()).settings.userRules.map((r) => r.id)).toEqual(['cloud-phone', 'edge-box']);
    expect((await loadSettings()).settings.language).toBe('page');
  });
});
