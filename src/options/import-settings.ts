// Importing a settings file: all of it or nothing. The file is refused by size before it is read, then
// checked whole (import-export.ts); a valid file is not applied at once: the page says what it would
// change and offers to replace the settings or to merge the file into them. Storage changes only once
// the user has chosen and the save has worked.
import type { SettingsProblem } from '../settings/problems';
import type { Settings } from '../settings/settings';
import { importSizeProblem, parseSettingsFile } from '../settings/import-export';
import { importChanges, mergeImport, type ImportChanges } from '../settings/import-plan';
import type { SettingsStore } from './settings-store';

export type ImportMode = 'replace' | 'merge';

/** A file that passed every check: what each way of taking it would store, and what replacing would change. */
export interface ImportPreview {
  replace: Settings;
  merge: Settings;
  changes: ImportChanges;
}

export type ImportReading = { ok: true; preview: ImportPreview } | { ok: false; problems: SettingsProblem[] };
export type ImportOutcome = { ok: true } | { ok: false; problems: SettingsProblem[] } | { ok: false; saveFailed: true };

export function readSettingsText(text: string, current: Settings): ImportReading {
  const result = parseSettingsFile(text, current);
  if (!result.ok) return result;
  return {
    ok: true,
    preview: { replace: result.settings, merge: mergeImport(current, result.fields), changes: importChanges(current, result.settings) },
  };
}

export async function readSettingsFile(file: Blob, current: Settings): Promise<ImportReading> {
  const tooLarge = importSizeProblem(file.size);
  if (tooLarge) return { ok: false, problems: [tooLarge] };
  return readSettingsText(await file.text(), current);
}

export async function applyImport(preview: ImportPreview, mode: ImportMode, store: SettingsStore): Promise<ImportOutcome> {
  return (await store.replace(preview[mode])) ? { ok: true } : { ok: false, saveFailed: true };
}
