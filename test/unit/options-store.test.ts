// The options page's save queue: one save at a time, the latest edit always the one that ends up
// stored, and a compare-and-set on the revision so that two pages saving at once lose nothing.
import { describe, expect, it } from 'vitest';
import { createSettingsStore, type SaveState, type SettingsStorage, type StoredSettings } from '../../src/options/settings-store';
import { defaultSettings, type Settings } from '../../src/settings/settings';
import { SettingsSaveError } from '../../src/settings/storage';

/** Storage with a revision, whose saves finish one at a time when the test says so. */
function slowStorage(initial: Settings = defaultSettings) {
  let stored: StoredSettings = { settings: initial, revision: 0 };
  const writes: Settings[] = [];
  const pending: (() => void)[] = [];
  let failNext = false;
  const storage: SettingsStorage = {
    save: (settings, expected) =>
      new Promise<number>((resolve, reject) => {
        pending.push(() => {
          if (failNext) {
            failNext = false;
            reject(new Error('offline'));
          } else if (expected !== stored.revision) reject(new SettingsSaveError('conflict', 'saved elsewhere'));
          else {
            writes.push(settings);
            stored = { settings, revision: stored.revision + 1 };
            resolve(stored.revision);
          }
        });
      }),
    load: async () => stored,
  };
  const finishOne = async () => {
    for (let i = 0; i < 10 && !pending.length; i++) await Promise.resolve();
    pending.shift()?.();
    for (let i = 0; i < 10; i++) await Promise.resolve();
  };
  /** Another page saves: the stored value and its revision change under this page. */
  const savedElsewhere = (settings: Settings) => {
    stored = { settings, revision: stored.revision + 1 };
    return stored;
  };
  return { storage, writes, finishOne, failOnce: () => (failNext = true), pending, savedElsewhere, stored: () => stored };
}

const start = (settings: Settings = defaultSettings): StoredSettings => ({ settings, revision: 0 });

describe('the settings store', () => {
  it('saves edits one after another and reports "saved" only for the last', async () => {
    const storage = slowStorage();
    const states: SaveState['state'][] = [];
    const store = createSettingsStore(start(), storage.storage, (s) => states.push(s.state));
    const first = store.edit((s) => ({ ...s, enabled: false }));
    const second = store.edit((s) => ({ ...s, showAllowed: true }));
    expect(store.draft.showAllowed).toBe(true);
    await storage.finishOne();
    expect(await first).toBe(true);
    expect(await second).toBe(true);
    // The first save already takes the second edit: the latest draft is what gets stored.
    expect(storage.writes.map((s) => [s.enabled, s.showAllowed])).toEqual([[false, true]]);
    expect(states.at(-1)).toBe('saved');
    expect(store.dirty).toBe(false);
  });

  it('keeps a failed edit as the draft until a retry stores it', async () => {
    const storage = slowStorage();
    const store = createSettingsStore(start(), storage.storage, () => undefined);
    storage.failOnce();
    const edit = store.edit((s) => ({ ...s, language: 'zh' }));
    await storage.finishOne();
    expect(await edit).toBe(false);
    expect(store.draft.language).toBe('zh');
    expect(store.saved.language).toBe('page');
    expect(store.dirty).toBe(true);
    const retry = store.retry();
    await storage.finishOne();
    expect(await retry).toBe(true);
    expect(storage.writes.at(-1)!.language).toBe('zh');
  });

  it('adopts a replacement (import, reset) only once it is stored', async () => {
    const storage = slowStorage();
    const store = createSettingsStore(start(), storage.storage, () => undefined);
    storage.failOnce();
    const replaced = store.replace({ ...defaultSettings, disabledRules: ['trial'] });
    await storage.finishOne();
    expect(await replaced).toBe(false);
    expect(store.draft).toEqual(defaultSettings);
  });

  it('takes over changes made elsewhere, unless it holds unsaved edits', async () => {
    const storage = slowStorage();
    const store = createSettingsStore(start(), storage.storage, () => undefined);
    expect(store.external(storage.savedElsewhere({ ...defaultSettings, showAllowed: true }))).toBe(true);
    expect(store.draft.showAllowed).toBe(true);
    storage.failOnce();
    const edit = store.edit((s) => ({ ...s, enabled: false }));
    await storage.finishOne();
    await edit;
    expect(store.external(storage.savedElsewhere({ ...defaultSettings, language: 'en' }))).toBe(false);
    expect(store.draft.enabled).toBe(false);
  });

  it('ignores a reading older than what it already knows', async () => {
    const storage = slowStorage();
    const store = createSettingsStore({ settings: defaultSettings, revision: 5 }, storage.storage, () => undefined);
    expect(store.external({ settings: { ...defaultSettings, showAllowed: true }, revision: 4 })).toBe(false);
    expect(store.draft.showAllowed).toBe(false);
  });
});

describe('two pages saving at once', () => {
  it("applies this page's edit again on top of the other page's change, so both are stored", async () => {
    const storage = slowStorage();
    const states: SaveState['state'][] = [];
    const store = createSettingsStore(start(), storage.storage, (s) => states.push(s.state));
    // The other page switches a rule off after this page read the settings, before it saves.
    storage.savedElsewhere({ ...defaultSettings, disabledRules: ['trial'] });
    const edit = store.edit((s) => ({ ...s, showAllowed: true }));
    await storage.finishOne(); // refused: a conflict
    await storage.finishOne(); // saved on top of theirs
    expect(await edit).toBe(true);
    expect(storage.stored().settings).toEqual({ ...defaultSettings, disabledRules: ['trial'], showAllowed: true });
    expect(store.draft).toEqual(storage.stored().settings);
    expect(states.at(-1)).toBe('merged');
  });

  it('keeps an edit made while an earlier save is under way, when another page saves before it is stored', async () => {
    const storage = slowStorage();
    const store = createSettingsStore(start(), storage.storage, () => undefined);
    const off = (id: string) => (s: Settings) => ({ ...s, disabledRules: [...s.disabledRules, id] });
    const first = store.edit(off('free'));
    for (let i = 0; i < 10 && !storage.pending.length; i++) await Promise.resolve();
    // The first save has taken its draft; this edit is not in it.
    const second = store.edit(off('trial'));
    await storage.finishOne();
    expect(await first).toBe(true);
    expect(store.dirty).toBe(true);
    // A reading of the stored settings meanwhile does not overwrite the edit still to save.
    storage.savedElsewhere({ ...storage.stored().settings, disabledRules: ['free', 'expired'] });
    expect(store.external(storage.stored())).toBe(false);
    await storage.finishOne(); // refused: the other page saved first
    await storage.finishOne(); // saved again on top of theirs
    expect(await second).toBe(true);
    expect([...storage.stored().settings.disabledRules].sort()).toEqual(['expired', 'free', 'trial']);
    expect(store.draft.disabledRules.sort()).toEqual(['expired', 'free', 'trial']);
    expect(store.dirty).toBe(false);
  });

  it('applies an edit made while an import is saved on top of the imported settings', async () => {
    const storage = slowStorage();
    const store = createSettingsStore(start(), storage.storage, () => undefined);
    const imported = store.replace({ ...defaultSettings, disabledRules: ['free'] });
    for (let i = 0; i < 10 && !storage.pending.length; i++) await Promise.resolve();
    const edit = store.edit((s) => ({ ...s, showAllowed: true }));
    await storage.finishOne();
    await storage.finishOne();
    expect(await imported).toBe(true);
    expect(await edit).toBe(true);
    expect(storage.stored().settings).toMatchObject({ disabledRules: ['free'], showAllowed: true });
    expect(store.dirty).toBe(false);
  });

  it('never says "saved" for settings storage does not hold', async () => {
    const storage = slowStorage();
    const states: SaveState[] = [];
    const store = createSettingsStore(start(), storage.storage, (s) => states.push(s));
    storage.savedElsewhere({ ...defaultSettings, language: 'zh' });
    const edit = store.edit((s) => ({ ...s, enabled: false }));
    await storage.finishOne();
    await storage.finishOne();
    await edit;
    expect(states.some((s) => s.state === 'saved')).toBe(false);
    expect(storage.stored().settings).toEqual({ ...defaultSettings, language: 'zh', enabled: false });
  });

  it("does not replace another page's change with an import without asking, and replaces it when told to", async () => {
    const storage = slowStorage();
    const states: SaveState[] = [];
    const store = createSettingsStore(start(), storage.storage, (s) => states.push(s));
    storage.savedElsewhere({ ...defaultSettings, language: 'zh' });
    const imported = { ...defaultSettings, disabledRules: ['promotion'] };
    const replaced = store.replace(imported);
    await storage.finishOne();
    expect(await replaced).toBe(false);
    expect(storage.stored().settings.language).toBe('zh');
    const conflict = states.at(-1);
    expect(conflict?.state).toBe('conflict');
    const forced = conflict?.state === 'conflict' ? conflict.force() : Promise.resolve(false);
    await storage.finishOne();
    expect(await forced).toBe(true);
    expect(storage.stored().settings).toEqual(imported);
  });
});
