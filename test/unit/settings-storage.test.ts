// Reading and writing the settings: what comes back from storage, and that nothing stored is lost.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  SETTINGS_VERSION,
  SettingsSaveError,
  loadRejectedSettings,
  loadSettings,
  saveSettings,
  settingsItem,
  watchSettings,
  type LoadedSettings,
} from '../../src/settings/storage';
import { defaultSettings, type Settings } from '../../src/settings/settings';
import { formatPath } from '../../src/settings/problems';

const smnRule = { id: 'my-smn', names: ['Message Notification'], verdict: 'blocked' as const, explanation: 'Ours.' };

const syncSnapshot = () => fakeBrowser.storage.sync.get(null);
const problemPaths = (problems: { path: (string | number)[] }[]) => problems.map((p) => formatPath(p.path));

beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('loadSettings', () => {
  it('gives the defaults when nothing is stored, with no problem', async () => {
    const loaded = await loadSettings();
    expect(loaded.settings).toEqual(defaultSettings);
    expect(loaded.problem).toBeUndefined();
  });

  it('reads back what saveSettings wrote, and records the version beside it', async () => {
    const settings: Settings = {
      ...defaultSettings,
      showAllowed: true,
      language: 'zh',
      disabledRules: ['trial', 'service/direct-connect'],
      userRules: [smnRule],
      extraHeaders: { productType: ['Cloud Product'] },
    };
    await saveSettings(settings);
    expect(await settingsItem.getMeta()).toEqual({ v: SETTINGS_VERSION, rev: 1 });
    const loaded = await loadSettings();
    expect(loaded.settings).toEqual(settings);
    expect(loaded.problem).toBeUndefined();
  });

  it('reads a value stored without a version as version 1', async () => {
    await fakeBrowser.storage.sync.set({ settings: { ...defaultSettings, enabled: false } });
    const loaded = await loadSettings();
    expect(loaded.settings.enabled).toBe(false);
    expect(loaded.problem).toBeUndefined();
  });

  it('falls back to the defaults for a value that is not an object, and keeps that value aside', async () => {
    await fakeBrowser.storage.sync.set({ settings: 'garbled{' });
    const loaded = await loadSettings();
    expect(loaded.settings).toEqual(defaultSettings);
    expect(loaded.problem).toMatchObject({ kind: 'invalid', keptAside: true });
    expect(loaded.problem!.problems[0]!.message).toBe('errNotObject');
    const rejected = await loadRejectedSettings();
    expect(rejected).toMatchObject({ kind: 'invalid', version: 1, value: 'garbled{' });
    // The stored value itself is still there until the user saves.
    expect(await syncSnapshot()).toMatchObject({ settings: 'garbled{' });
  });

  it('keeps each field that has the right shape and defaults the others, naming each one it dropped', async () => {
    const stored = {
      enabled: 'yes',
      showAllowed: true,
      language: 'fr',
      disabledRules: ['trial', 42],
      userRules: [smnRule, { id: 'Bad Id', names: ['Thing'], verdict: 'blocked', explanation: '' }],
      extraHeaders: { productType: ['Cloud Product'], colour: ['x'] },
      theme: 'dark',
    };
    await fakeBrowser.storage.sync.set({ settings: stored });
    const { settings, problem } = await loadSettings();
    expect(settings).toEqual({
      enabled: true,
      showAllowed: true,
      language: 'page',
      disabledRules: ['trial'],
      userRules: [smnRule],
      extraHeaders: { productType: ['Cloud Product'] },
    });
    expect(problemPaths(problem!.problems).sort()).toEqual(
      ['disabledRules[1]', 'enabled', 'extraHeaders.colour', 'language', 'theme', 'userRules[1].id'].sort(),
    );
    expect((await loadRejectedSettings())?.value).toEqual(stored);
  });

  it('fills in the defaults for fields a partial value leaves out, with no problem', async () => {
    await fakeBrowser.storage.sync.set({ settings: { showAllowed: true, disabledRules: ['trial'] } });
    const loaded = await loadSettings();
    expect(loaded.settings).toEqual({ ...defaultSettings, showAllowed: true, disabledRules: ['trial'] });
    expect(loaded.problem).toBeUndefined();
    expect(await loadRejectedSettings()).toBeNull();
  });

  it('takes nothing from __proto__, constructor or prototype keys, and pollutes no prototype', async () => {
    // As JSON.parse makes them: own keys named __proto__, which a naive merge would follow.
    const stored = JSON.parse(
      '{"__proto__": {"enabled": false, "polluted": true}, "showAllowed": true,' +
        ' "extraHeaders": {"__proto__": ["Product"], "constructor": ["Product"]},' +
        ' "userRules": [{"id": "my-rule", "names": ["My Service"], "verdict": "blocked", "explanation": "", "__proto__": {"verdict": "caution"}}]}',
    ) as unknown;
    await fakeBrowser.storage.sync.set({ settings: stored });
    const { settings, problem } = await loadSettings();
    expect(settings).toEqual({ ...defaultSettings, showAllowed: true });
    expect(problemPaths(problem!.problems).sort()).toEqual(
      ['__proto__', 'extraHeaders.__proto__', 'extraHeaders.constructor', 'userRules[0].__proto__'].sort(),
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(settings)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(settings.extraHeaders)).toBe(Object.prototype);
    expect((await loadRejectedSettings())?.value).toEqual(stored);
  });

  it('keeps the first 100 user rules of an oversized list, and says the limit', async () => {
    const userRules = Array.from({ length: 105 }, (_, i) => ({ id: `rule-${i}`, names: [`Service ${i}`], verdict: 'caution', explanation: '' }));
    await fakeBrowser.storage.sync.set({ settings: { userRules } });
    const { settings, problem } = await loadSettings();
    expect(settings.userRules.map((rule) => rule.id)).toEqual(userRules.slice(0, 100).map((rule) => rule.id));
    expect(problem!.problems).toEqual([{ path: ['userRules'], message: 'errTooMany', args: ['100'] }]);
  });

  it('still hands over the unusable value when local storage cannot keep it aside', async () => {
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    await fakeBrowser.storage.sync.set({ settings: { enabled: 'no' } });
    const { settings, problem } = await loadSettings();
    expect(settings).toEqual(defaultSettings);
    // The options page warns that saving would lose it, and can still export it.
    expect(problem).toMatchObject({ kind: 'invalid', keptAside: false, value: { enabled: 'no' } });
    expect((await syncSnapshot()).settings).toEqual({ enabled: 'no' });
  });

  it('drops a stored user rule whose name would match every product', async () => {
    for (const name of ['a', ' ', '云', '--']) {
      fakeBrowser.reset();
      await fakeBrowser.storage.sync.set({ settings: { userRules: [{ id: 'x-rule', names: [name], verdict: 'blocked', explanation: '' }] } });
      const { settings, problem } = await loadSettings();
      expect(settings.userRules, JSON.stringify(name)).toEqual([]);
      expect(problemPaths(problem!.problems)).toContain('userRules[0].names[0]');
    }
  });

  it('uses the defaults for settings a later version wrote, and keeps them aside untouched', async () => {
    const future = { enabled: false, rules: { trial: 'off' } };
    await fakeBrowser.storage.sync.set({ settings: future, settings$: { v: SETTINGS_VERSION + 1 } });
    const { settings, problem } = await loadSettings();
    expect(settings).toEqual(defaultSettings);
    expect(problem).toMatchObject({ kind: 'newer-version', keptAside: true });
    expect(await loadRejectedSettings()).toMatchObject({ kind: 'newer-version', version: SETTINGS_VERSION + 1, value: future });
    expect((await syncSnapshot()).settings).toEqual(future);
  });

  it.each([
    ['the string "2"', '2'],
    ['2.5', 2.5],
    ['a large negative number', -1e12],
    ['an object', { major: 1 }],
  ])('keeps the settings aside when the stored version marker is %s: no error logged, no stall, defaults used, and says so', async (_, marker) => {
    const stored = { ...defaultSettings, showAllowed: true, userRules: [smnRule] };
    await fakeBrowser.storage.sync.set({ settings: stored, settings$: { v: marker } });
    const errors = vi.spyOn(console, 'error');
    // What every extension page does: load the storage module with the marker already stored.
    vi.resetModules();
    const fresh = await import('../../src/settings/storage');
    const started = Date.now();
    const { settings, problem } = await fresh.loadSettings();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(settings).toEqual(defaultSettings);
    expect(problem).toMatchObject({ kind: 'invalid', keptAside: true });
    expect(problem!.problems[0]).toMatchObject({ message: 'errVersionMarker' });
    expect((await fresh.loadRejectedSettings())?.value).toEqual(stored);
    expect((await syncSnapshot()).settings).toEqual(stored); // nothing written over
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(errors).not.toHaveBeenCalled();
  });

  it('does not keep the same rejected value twice, nor lose the first copy', async () => {
    await fakeBrowser.storage.sync.set({ settings: 'broken' });
    await loadSettings();
    const first = await loadRejectedSettings();
    await loadSettings();
    expect(await loadRejectedSettings()).toEqual(first);
  });

  it('says so when storage cannot be read, and gives the defaults', async () => {
    vi.spyOn(fakeBrowser.storage.sync, 'get').mockRejectedValue(new Error('sync is disabled'));
    const loaded = await loadSettings();
    expect(loaded.settings).toEqual(defaultSettings);
    expect(loaded.problem).toMatchObject({ kind: 'unreadable', error: 'sync is disabled' });
  });
});

describe('saveSettings', () => {
  it('reports a storage error and leaves the stored settings as they were', async () => {
    await saveSettings({ ...defaultSettings, showAllowed: true });
    const before = await syncSnapshot();
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValue(new Error('QUOTA_BYTES_PER_ITEM quota exceeded'));
    const error = await saveSettings({ ...defaultSettings, enabled: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SettingsSaveError);
    expect(error).toMatchObject({ reason: 'storage', message: 'QUOTA_BYTES_PER_ITEM quota exceeded' });
    vi.restoreAllMocks();
    expect(await syncSnapshot()).toEqual(before);
  });

  it('refuses settings larger than one sync item before writing anything', async () => {
    const set = vi.spyOn(fakeBrowser.storage.sync, 'set');
    const userRules = Array.from({ length: 40 }, (_, i) => ({
      id: `rule-${i}`,
      names: [`Service number ${i}`],
      verdict: 'blocked' as const,
      explanation: 'x'.repeat(300),
    }));
    const error = await saveSettings({ ...defaultSettings, userRules }).catch((e: unknown) => e);
    expect(error).toMatchObject({ reason: 'too-large' });
    expect((error as SettingsSaveError).bytes).toBeGreaterThan(8192);
    expect(set).not.toHaveBeenCalled();
  });
});

describe('watchSettings', () => {
  const settled = () => new Promise((resolve) => setTimeout(resolve, 20));

  it('calls back with checked settings and their revision when storage changes', async () => {
    const seen: Array<[boolean, boolean, number]> = [];
    const unwatch = watchSettings(({ settings, revision }) => seen.push([settings.enabled, settings.showAllowed, revision]));
    await saveSettings({ ...defaultSettings, showAllowed: true });
    await settled();
    unwatch();
    await saveSettings(defaultSettings);
    await settled();
    expect(seen.at(-1)).toEqual([true, true, 1]);
  });

  it('keeps a value it cannot fully read aside at the moment it sees it, and says so', async () => {
    const seen: LoadedSettings[] = [];
    const unwatch = watchSettings((loaded) => seen.push(loaded));
    const future = { enabled: false, rules: { trial: 'off' } };
    await fakeBrowser.storage.sync.set({ settings: future, settings$: { v: SETTINGS_VERSION + 1 } });
    await settled();
    unwatch();
    expect(seen.at(-1)?.problem).toMatchObject({ kind: 'newer-version', keptAside: true });
    expect(await loadRejectedSettings()).toMatchObject({ kind: 'newer-version', value: future });
  });
});

describe('saving is a compare-and-set on the revision', () => {
  it('counts revisions up from 0, one per save', async () => {
    expect((await loadSettings()).revision).toBe(0);
    expect(await saveSettings(defaultSettings, 0)).toBe(1);
    expect(await saveSettings({ ...defaultSettings, showAllowed: true }, 1)).toBe(2);
    expect((await loadSettings()).revision).toBe(2);
  });

  it('refuses a save based on an older revision, and writes nothing', async () => {
    await saveSettings({ ...defaultSettings, showAllowed: true }, 0);
    const error = await saveSettings({ ...defaultSettings, enabled: false }, 0).catch((e: unknown) => e);
    expect(error).toMatchObject({ reason: 'conflict' });
    expect((await loadSettings()).settings).toEqual({ ...defaultSettings, showAllowed: true });
  });

  it('reads a revision marker that is no count as 0', async () => {
    await fakeBrowser.storage.sync.set({ settings: defaultSettings, settings$: { v: 1, rev: 'x' } });
    expect((await loadSettings()).revision).toBe(0);
  });
});

// Settings are checked in one place, against the schema: the background (and the options page) carry
// zod for it. The popup asks the background for checked settings and carries none of it.
describe('what the popup pulls in', () => {
  it('never reaches zod or the settings storage, directly or through another module', async () => {
    const { readFileSync, existsSync } = await import('node:fs');
    const { dirname, resolve } = await import('node:path');
    const seen = new Set<string>();
    const external = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const source = readFileSync(file, 'utf8');
      for (const [, spec] of source.matchAll(/^\s*(?:import|export)\s(?!type\b)[^;]*?from\s+'([^']+)'/gm)) {
        if (!spec!.startsWith('.')) external.add(spec!);
        else
          for (const candidate of [spec!, `${spec}.ts`, `${spec}/index.ts`]) {
            const path = resolve(dirname(file), candidate);
            if (existsSync(path) && path.endsWith('.ts')) {
              visit(path);
              break;
            }
          }
      }
    };
    visit(resolve(__dirname, '../../src/popup/popup.ts'));
    const files = [...seen].map((f) => f.replace(/.*\/src\//, 'src/'));
    expect(files).toContain('src/messaging/send.ts');
    expect([...external].filter((spec) => spec.startsWith('zod'))).toEqual([]);
    expect(files).not.toContain('src/settings/settings-schema.ts');
    expect(files).not.toContain('src/settings/storage.ts');
  });
});
