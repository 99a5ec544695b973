// The options page's save queue: one save at a time, the latest edit always the one that ends up stored.
import { describe, expect, it } from 'vitest';
import { createSettingsStore, type SaveState } from '../../src/options/settings-store';
import { defaultSettings, type Settings } from '../../src/settings/settings';

function slowStorage() {
  const writes: Settings[] = [];
  const pending: (() => void)[] = [];
  let failNext = false;
  const save = (settings: Settings) =>
    new Promise<void>((resolve, reject) => {
      pending.push(() => {
        if (failNext) {
          failNext = false;
          reject(new Error('offline'));
        } else {
          writes.push(settings);
          resolve();
        }
      });
    });
  const finishOne = async () => {
    for (let i = 0; i < 5 && !pending.length; i++) await Promise.resolve();
    pending.shift()?.();
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  return { save, writes, finishOne, failOnce: () => (failNext = true), pending };
}

describe('the settings store', () => {
  it('saves edits one after another and reports "saved" only for the last', async () => {
    const storage = slowStorage();
    const states: SaveState['state'][] = [];
    const store = createSettingsStore(defaultSettings, storage.save, (s) => states.push(s.state));
    const first = store.update({ ...defaultSettings, enabled: false });
    const second = store.update({ ...defaultSettings, enabled: false, showAllowed: true });
    expect(store.draft.showAllowed).toBe(true);
    await storage.finishOne();
    await storage.finishOne();
    expect(await first).toBe(true);
    expect(await second).toBe(true);
    expect(storage.writes.map((s) => [s.enabled, s.showAllowed])).toEqual([
      [false, false],
      [false, true],
    ]);
    expect(states).toEqual(['saving', 'saving', 'saved']);
    expect(store.dirty).toBe(false);
  });

  it('keeps a failed edit as the draft until a retry stores it', async () => {
    const storage = slowStorage();
    const store = createSettingsStore(defaultSettings, storage.save, () => undefined);
    storage.failOnce();
    const edit = store.update({ ...defaultSettings, language: 'zh' });
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
    const store = createSettingsStore(defaultSettings, storage.save, () => undefined);
    storage.failOnce();
    const replaced = store.replace({ ...defaultSettings, disabledRules: ['trial'] });
    await storage.finishOne();
    expect(await replaced).toBe(false);
    expect(store.draft).toEqual(defaultSettings);
  });

  it('takes over changes made elsewhere, unless it holds unsaved edits', async () => {
    const storage = slowStorage();
    const store = createSettingsStore(defaultSettings, storage.save, () => undefined);
    expect(store.external({ ...defaultSettings, showAllowed: true })).toBe(true);
    expect(store.draft.showAllowed).toBe(true);
    storage.failOnce();
    const edit = store.update({ ...store.draft, enabled: false });
    await storage.finishOne();
    await edit;
    expect(store.external({ ...defaultSettings, language: 'en' })).toBe(false);
    expect(store.draft.enabled).toBe(false);
  });
});
