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
    expect(await settingsItem.getMeta()).toEqual({ v: SETTINGS_VERSION });
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
    const userRules = Array.from({ length: 40 }, (_, i) => ({ id: `rule-${i}`, names: [`Service number ${i}`], verdict: 'blocked' as const, explanation: 'x'.repeat(300) }));
    const error = await saveSettings({ ...defaultSettings, userRules }).catch((e: unknown) => e);
    expect(error).toMatchObject({ reason: 'too-large' });
    expect((error as SettingsSaveError).bytes).toBeGreaterThan(8192);
    expect(set).not.toHaveBeenCalled();
  });
});

describe('watchSettings', () => {
  it('calls back with checked settings when storage changes', async () => {
    const seen: Settings[] = [];
    const unwatch = watchSettings((settings) => seen.push(settings));
    await saveSettings({ ...defaultSettings, showAllowed: true });
    await fakeBrowser.storage.sync.set({ settings: { enabled: 'no', showAllowed: true } });
    unwatch();
    await saveSettings(defaultSettings);
    expect(seen.map((s) => [s.enabled, s.showAllowed])).toEqual([
      [true, true],
      [true, true],
    ]);
  });
});

describe('what the content script pulls in through storage.ts', () => {
  it('never reaches zod, directly or through another module', async () => {
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
        else for (const candidate of [spec!, `${spec}.ts`, `${spec}/index.ts`]) {
          const path = resolve(dirname(file), candidate);
          if (existsSync(path) && path.endsWith('.ts')) {
            visit(path);
            break;
          }
        }
      }
    };
    visit(resolve(__dirname, '../../src/settings/storage.ts'));
    expect([...seen].length).toBeGreaterThan(4);
    expect([...external]).toContain('wxt/utils/storage');
    expect([...external].filter((spec) => spec.startsWith('zod'))).toEqual([]);
    expect([...seen].map((f) => f.replace(/.*\/src\//, 'src/'))).not.toContain('src/settings/settings-schema.ts');
  });
});
