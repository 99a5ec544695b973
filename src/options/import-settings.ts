// Importing a settings file: all of it or nothing. The file is refused by size before it is read,
// then checked whole (import-export.ts), then saved; storage changes only if every step passed.
import type { SettingsProblem } from '../settings/problems';
import { importSizeProblem, parseSettingsFile } from '../settings/import-export';
import type { SettingsStore } from './settings-store';

export type ImportOutcome = { ok: true } | { ok: false; problems: SettingsProblem[] } | { ok: false; saveFailed: true };

export async function importSettingsText(text: string, store: SettingsStore): Promise<ImportOutcome> {
  const result = parseSettingsFile(text, store.draft);
  if (!result.ok) return { ok: false, problems: result.problems };
  return (await store.replace(result.settings)) ? { ok: true } : { ok: false, saveFailed: true };
}

export async function importSettingsFile(file: Blob, store: SettingsStore): Promise<ImportOutcome> {
  const tooLarge = importSizeProblem(file.size);
  if (tooLarge) return { ok: false, problems: [tooLarge] };
  return importSettingsText(await file.text(), store);
}
