// Where the settings live: browser.storage.sync, one versioned item. The background reads them here
// for the content script (src/background/page-config.ts), the popup and options pages for
// themselves; stored values are coerced by the settings schema (coerce.ts).
//
// A stored value that cannot be used as it is (corrupt, partial, wrong-typed, written by a later
// version) is never silently lost: it is copied to local storage before anything can overwrite it,
// and the options page offers it for export.
import { storage } from 'wxt/utils/storage';
import type { Settings } from './settings';
import type { SettingsProblem } from './problems';
import { coerceSettings, copyDefaultSettings } from './coerce';
import { SYNC_ITEM_QUOTA_BYTES } from './limits';
import { SETTINGS_AREA, SETTINGS_KEY } from './storage-keys';

/** The stored shape's version. Raise it with a migration below when the shape changes. */
export const SETTINGS_VERSION = 1;

/**
 * Migrations from the previous version's stored value to the next, run by loadSettings in order. None
 * yet: version 1 is the first stored shape. A migration receives whatever was stored, so it must cope
 * with any value; coerceSettings checks its output anyway.
 */
export const settingsMigrations: Record<number, (previous: unknown) => unknown> = {};

/**
 * The raw stored value: unknown until coerceSettings has looked at it. WXT is not given the version
 * and migrations: it would run them as soon as this module loads, on whatever version marker is
 * stored, and a corrupt one ("2", 2.5, -1e12) makes it log errors or loop a billion times.
 * loadSettings reads the marker, checks it, and migrates.
 */
export const settingsItem = storage.defineItem<unknown>(`${SETTINGS_AREA}:${SETTINGS_KEY}`);

const isVersion = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 1;
/** A revision marker that is not a count (corrupt, or hand-edited) reads as 0: the next save then refuses nothing it should not. */
const revisionOf = (meta: { rev?: unknown }): number =>
  typeof meta.rev === 'number' && Number.isSafeInteger(meta.rev) && meta.rev >= 0 ? meta.rev : 0;

export type SettingsProblemKind = 'unreadable' | 'invalid' | 'newer-version';

/** A stored value that could not be used, kept aside in local storage (not synced, larger quota). */
export interface RejectedSettings {
  keptAt: string;
  kind: Exclude<SettingsProblemKind, 'unreadable'>;
  /** The version the stored value claimed (0: its version marker was no version at all). */
  version: number;
  problems: SettingsProblem[];
  value: unknown;
}

export const rejectedSettingsItem = storage.defineItem<RejectedSettings | null>('local:settingsRejected', { fallback: null });

export interface LoadProblem {
  kind: SettingsProblemKind;
  problems: SettingsProblem[];
  /** Whether the stored value is safe in local storage (false: saving would lose it). */
  keptAside: boolean;
  /** The storage error, for 'unreadable'. */
  error?: string;
  /** What was stored, for 'invalid' and 'newer-version' (so it can be exported even if keeping it aside failed). */
  value?: unknown;
  version?: number;
}

export interface LoadedSettings {
  settings: Settings;
  problem?: LoadProblem;
  /**
   * The revision the settings were stored under (0 before the first save). A save names the revision
   * it read, and is refused when another page saved since: no save silently undoes another's.
   */
  revision: number;
  /** Whether settings are stored at all (false before the user's first save). */
  stored: boolean;
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Runs `work` holding the settings lock: the pages of this extension on this device share an origin,
 * so a save's read-compare-write cannot interleave with another page's save, and a reading never sees
 * a value without its revision. (Between synced devices the revision check is what remains.)
 */
function withSettingsLock<T>(mode: LockMode, work: () => Promise<T>): Promise<T> {
  const locks = globalThis.navigator?.locks;
  return locks ? (locks.request('unsub-lens:settings', { mode }, work) as Promise<T>) : work();
}

export function loadSettings(): Promise<LoadedSettings> {
  return withSettingsLock('shared', readSettings);
}

async function readSettings(): Promise<LoadedSettings> {
  let raw: unknown;
  let meta: { v?: unknown; rev?: unknown };
  try {
    [raw, meta] = await Promise.all([settingsItem.getValue(), settingsItem.getMeta()]);
  } catch (error) {
    return {
      settings: copyDefaultSettings(),
      revision: 0,
      stored: false,
      problem: { kind: 'unreadable', problems: [], keptAside: false, error: errorText(error) },
    };
  }
  const revision = revisionOf(meta);
  if (raw === null || raw === undefined) return { settings: copyDefaultSettings(), revision, stored: false };

  // A value without a version was written before versions were recorded: version 1. A marker that is
  // no version at all says nothing of the value's shape: it is kept aside as it is, defaults are used.
  if (meta.v !== undefined && !isVersion(meta.v)) {
    const problems: SettingsProblem[] = [{ path: [], message: 'errVersionMarker', args: [String(JSON.stringify(meta.v)).slice(0, 40)] }];
    const keptAside = await keepAside({ kind: 'invalid', version: 0, problems, value: raw });
    return { settings: copyDefaultSettings(), revision, stored: true, problem: { kind: 'invalid', problems, keptAside, value: raw, version: 0 } };
  }
  const version = meta.v ?? 1;
  if (version > SETTINGS_VERSION) {
    // A later version of the extension (on another synced device) wrote a shape this one does not
    // know; guessing at it could switch rules the user did not mean to switch.
    const problems: SettingsProblem[] = [{ path: [], message: 'errNewerVersion', args: [String(version), String(SETTINGS_VERSION)] }];
    const keptAside = await keepAside({ kind: 'newer-version', version, problems, value: raw });
    return { settings: copyDefaultSettings(), revision, stored: true, problem: { kind: 'newer-version', problems, keptAside, value: raw, version } };
  }

  let migrated = raw;
  let migrationFailed = false;
  try {
    for (let next = version + 1; next <= SETTINGS_VERSION; next++) migrated = settingsMigrations[next]?.(migrated) ?? migrated;
  } catch {
    migrationFailed = true;
    migrated = raw;
  }
  const { settings, problems } = coerceSettings(migrated);
  if (migrationFailed) problems.unshift({ path: [], message: 'errMigrationFailed', args: [String(version), String(SETTINGS_VERSION)] });
  if (!problems.length) return { settings, revision, stored: true };
  const keptAside = await keepAside({ kind: 'invalid', version, problems, value: raw });
  return { settings, revision, stored: true, problem: { kind: 'invalid', problems, keptAside, value: raw, version } };
}

async function keepAside(rejected: Omit<RejectedSettings, 'keptAt'>): Promise<boolean> {
  try {
    const current = await rejectedSettingsItem.getValue();
    if (current && JSON.stringify(current.value) === JSON.stringify(rejected.value)) return true;
    await rejectedSettingsItem.setValue({ keptAt: new Date().toISOString(), ...rejected });
    return true;
  } catch {
    return false;
  }
}

export function loadRejectedSettings(): Promise<RejectedSettings | null> {
  return rejectedSettingsItem.getValue();
}

export function discardRejectedSettings(): Promise<void> {
  return rejectedSettingsItem.removeValue();
}

/** 'conflict': another page saved since this one read the settings (nothing was written). */
export type SaveFailure = 'too-large' | 'storage' | 'conflict';

/** Thrown by saveSettings; nothing was written. */
export class SettingsSaveError extends Error {
  constructor(
    readonly reason: SaveFailure,
    message: string,
    /** For 'too-large': the size the settings would take, in bytes. */
    readonly bytes?: number,
  ) {
    super(message);
    this.name = 'SettingsSaveError';
  }
}

/** What the settings cost in browser.storage.sync: the key plus the JSON of the value, in bytes. */
export function syncItemBytes(settings: Settings): number {
  return new TextEncoder().encode('settings' + JSON.stringify(settings)).length;
}

/**
 * Saves `settings` and answers the revision they are stored under. With `expected` (the revision the
 * page read), a compare-and-set: refused with a 'conflict' when another page has saved since.
 */
export function saveSettings(settings: Settings, expected?: number): Promise<number> {
  const bytes = syncItemBytes(settings);
  // Said before the browser refuses, with numbers the user can act on.
  if (bytes > SYNC_ITEM_QUOTA_BYTES)
    return Promise.reject(new SettingsSaveError('too-large', `settings take ${bytes} bytes; sync storage allows ${SYNC_ITEM_QUOTA_BYTES}`, bytes));
  return withSettingsLock('exclusive', () => writeSettings(settings, expected));
}

async function writeSettings(settings: Settings, expected: number | undefined): Promise<number> {
  let current: number;
  try {
    current = revisionOf(await settingsItem.getMeta());
  } catch (error) {
    throw new SettingsSaveError('storage', errorText(error));
  }
  if (expected !== undefined && expected !== current)
    throw new SettingsSaveError('conflict', `the settings were saved elsewhere (revision ${current}, this page read ${expected})`);
  try {
    // WXT writes an item's version apart from its value. The value goes first: a reader in between sees
    // the new value under the old version and revision, which makes its own next save a conflict (safe).
    await settingsItem.setValue(settings);
    await settingsItem.setMeta({ v: SETTINGS_VERSION, rev: current + 1 });
  } catch (error) {
    throw new SettingsSaveError('storage', errorText(error));
  }
  return current + 1;
}

/**
 * Reads the settings, applies `edit` and saves them under the revision read; when another page saved
 * in between, reads again and applies `edit` to what it saved, so neither change is lost.
 */
export async function updateSettings(edit: (settings: Settings) => Settings, attempts = 3): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    const { settings, revision } = await loadSettings();
    try {
      return await saveSettings(edit(settings), revision);
    } catch (error) {
      if (!(error instanceof SettingsSaveError && error.reason === 'conflict') || attempt >= attempts) throw error;
    }
  }
}

/**
 * Calls back whenever the stored settings change (in any window, or from sync), with them read as
 * loadSettings reads them: a value this version cannot fully use is kept aside at the moment it is seen.
 */
export function watchSettings(callback: (loaded: LoadedSettings) => void): () => void {
  let latest = 0;
  const onChange = () => {
    const asked = ++latest;
    // Only the newest reading counts when changes come faster than they are read.
    void loadSettings().then((loaded) => asked === latest && callback(loaded));
  };
  const unwatchValue = settingsItem.watch(onChange);
  const unwatchMeta = settingsItem.watchMeta(onChange);
  return () => {
    unwatchValue();
    unwatchMeta();
  };
}
