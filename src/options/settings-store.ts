// The options page's copy of the settings. Every edit is saved at once, one save at a time. A save is
// a compare-and-set against the revision this page last read: when another page (another tab, another
// synced device) saved in between, this page reads their settings, applies its own edits to them
// again, and saves that, so neither page's change is lost. A replacement (import, reset) cannot be
// applied again on top of another's change: it is refused, and the page asks. A failed save keeps the
// edit (the form still shows it) until a later save or "Try again" succeeds.
import type { Settings } from '../settings/settings';
import { SettingsSaveError } from '../settings/storage';

export type SaveState =
  | { state: 'saving' }
  | { state: 'saved' }
  /** Saved on top of a change another page made meanwhile. */
  | { state: 'merged' }
  /** A replacement was refused: another page saved first. `force` replaces their settings after all. */
  | { state: 'conflict'; force(): Promise<boolean> }
  | { state: 'error'; error: unknown };

/** The settings as stored, and the revision they were stored under. */
export interface StoredSettings {
  settings: Settings;
  revision: number;
}

export interface SettingsStorage {
  /** Stores `settings` if the stored revision is still `expected`; answers the new revision. */
  save(settings: Settings, expected: number): Promise<number>;
  load(): Promise<StoredSettings>;
}

export type Edit = (settings: Settings) => Settings;

export interface SettingsStore {
  /** What the form shows: the last edit, saved or not. */
  readonly draft: Settings;
  /** What storage holds, as far as this page knows. */
  readonly saved: Settings;
  readonly dirty: boolean;
  /** Applies an edit and saves; resolves true once it is stored. */
  edit(change: Edit): Promise<boolean>;
  /** Saves `next` and adopts it only if that worked (import, reset: all or nothing). */
  replace(next: Settings): Promise<boolean>;
  retry(): Promise<boolean>;
  /** Settings saved elsewhere: taken over unless this page has edits still to store (those are merged on save). */
  external(stored: StoredSettings): boolean;
}

const same = (a: Settings, b: Settings) => JSON.stringify(a) === JSON.stringify(b);
const isConflict = (error: unknown) => error instanceof SettingsSaveError && error.reason === 'conflict';
/** Saves that meet another page's change this many times in a row give up and say so. */
const MERGE_ATTEMPTS = 3;

// eslint-disable-next-line max-lines-per-function -- a closure whose save queue, revision and pending edits its methods share
export function createSettingsStore(initial: StoredSettings, storage: SettingsStorage, onState: (state: SaveState) => void): SettingsStore {
  let draft = initial.settings;
  let saved = initial.settings;
  let revision = initial.revision;
  /** Edits not stored yet, oldest first: what is applied again on top of another page's change. */
  let pending: Edit[] = [];
  let queue: Promise<unknown> = Promise.resolve();
  let writes = 0;

  const enqueue = (work: (seq: number) => Promise<boolean>): Promise<boolean> => {
    const seq = ++writes;
    const run = queue.then(() => work(seq));
    queue = run;
    return run;
  };
  const adopt = (stored: StoredSettings) => {
    saved = stored.settings;
    revision = stored.revision;
  };

  const storeDraft = async (seq: number): Promise<boolean> => {
    if (!pending.length && same(draft, saved)) {
      if (seq === writes) onState({ state: 'saved' });
      return true;
    }
    onState({ state: 'saving' });
    let merged = false;
    for (let attempt = 0; attempt < MERGE_ATTEMPTS; attempt++) {
      try {
        const stored = draft;
        // Edits made while this save is under way are not in it: they stay pending, to be saved next.
        const included = pending.length;
        revision = await storage.save(stored, revision);
        saved = stored;
        pending = pending.slice(included);
        // A later edit queued behind this one reports its own outcome.
        if (seq === writes) onState({ state: merged ? 'merged' : 'saved' });
        return true;
      } catch (error) {
        if (!isConflict(error)) {
          onState({ state: 'error', error });
          return false;
        }
        adopt(await storage.load());
        draft = pending.reduce((settings, change) => change(settings), saved);
        merged = true;
      }
    }
    onState({ state: 'error', error: new SettingsSaveError('conflict', 'the settings keep changing in another window') });
    return false;
  };

  const replaceWith = (next: Settings, force: boolean) =>
    enqueue(async () => {
      onState({ state: 'saving' });
      try {
        if (force) adopt(await storage.load());
        // Edits from before the replacement give way to it; edits made while it is saved apply on top.
        const before = pending.length;
        revision = await storage.save(next, revision);
        saved = next;
        pending = pending.slice(before);
        draft = pending.reduce((settings, change) => change(settings), next);
        onState({ state: 'saved' });
        return true;
      } catch (error) {
        if (isConflict(error)) onState({ state: 'conflict', force: () => replaceWith(next, true) });
        else onState({ state: 'error', error });
        return false;
      }
    });

  return {
    get draft() {
      return draft;
    },
    get saved() {
      return saved;
    },
    get dirty() {
      return pending.length > 0 || !same(draft, saved);
    },
    edit(change) {
      pending.push(change);
      draft = change(draft);
      return enqueue(storeDraft);
    },
    replace: (next) => replaceWith(next, false),
    retry: () => enqueue(storeDraft),
    external(stored) {
      // An older reading (changes read out of order, or our own save seen half-way) changes nothing.
      if (stored.revision < revision || pending.length) return false;
      const changed = !same(stored.settings, saved) || !same(draft, saved);
      adopt(stored);
      if (changed) draft = stored.settings;
      return changed;
    },
  };
}
