// The options page's copy of the settings. Every edit is saved at once, one save at a time and
// always the latest edit; a failed save keeps the edit (the form still shows it) until a later
// save or "Try again" succeeds.
import type { Settings } from '../settings/settings';

export type SaveState = { state: 'saving' } | { state: 'saved' } | { state: 'error'; error: unknown };

export interface SettingsStore {
  /** What the form shows: the last edit, saved or not. */
  readonly draft: Settings;
  /** What storage holds, as far as this page knows. */
  readonly saved: Settings;
  readonly dirty: boolean;
  /** Adopts an edit and saves it; resolves true once it is stored. */
  update(next: Settings): Promise<boolean>;
  /** Saves `next` and adopts it only if that worked (import, reset: all or nothing). */
  replace(next: Settings): Promise<boolean>;
  retry(): Promise<boolean>;
  /** Settings changed elsewhere (another window, sync): taken over unless this page has unsaved edits. */
  external(settings: Settings): boolean;
}

const same = (a: Settings, b: Settings) => JSON.stringify(a) === JSON.stringify(b);

export function createSettingsStore(
  initial: Settings,
  save: (settings: Settings) => Promise<void>,
  onState: (state: SaveState) => void,
): SettingsStore {
  let draft = initial;
  let saved = initial;
  let queue: Promise<unknown> = Promise.resolve();
  let writes = 0;

  const write = (settings: Settings): Promise<boolean> => {
    const seq = ++writes;
    const run = queue.then(async () => {
      if (same(settings, saved)) {
        if (seq === writes) onState({ state: 'saved' });
        return true;
      }
      onState({ state: 'saving' });
      try {
        await save(settings);
        saved = settings;
        // A later edit queued behind this one reports its own outcome.
        if (seq === writes) onState({ state: 'saved' });
        return true;
      } catch (error) {
        onState({ state: 'error', error });
        return false;
      }
    });
    queue = run;
    return run;
  };

  return {
    get draft() {
      return draft;
    },
    get saved() {
      return saved;
    },
    get dirty() {
      return !same(draft, saved);
    },
    update(next) {
      draft = next;
      return write(next);
    },
    async replace(next) {
      const ok = await write(next);
      if (ok) draft = next;
      return ok;
    },
    retry() {
      return write(draft);
    },
    external(settings) {
      if (same(settings, saved) || !same(draft, saved)) return false;
      draft = saved = settings;
      return true;
    },
  };
}
