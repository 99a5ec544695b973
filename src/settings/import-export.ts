// Settings as a JSON file: what export writes, and everything import refuses before it changes
// anything. Every problem is reported with its place in the file ("userRules[3].names").
import type { Settings } from './settings';
import type { SettingsProblem } from './problems';
import { settingsFileSchema, type SettingsFile } from './settings-schema';
import { isPlainObject, normalizeSettings } from './coerce';
import { forbiddenKeyProblems, issueProblems } from './issue-problems';
import { MAX_IMPORT_BYTES, MAX_IMPORT_DEPTH } from './limits';
import { jsonErrorOffset, jsonNestingDepth, lineAndColumn } from './json-error';
import { SETTINGS_VERSION } from './storage';

export const SETTINGS_FILE_FORMAT = 'unsub-lens-settings';

export function settingsFileText(settings: Settings, now = new Date()): string {
  const file = { format: SETTINGS_FILE_FORMAT, version: SETTINGS_VERSION, exportedAt: now.toISOString(), ...settings };
  return JSON.stringify(file, null, 2) + '\n';
}

/** `settings`: the file's fields over the current settings (what "replace" stores); `fields`: what the file holds. */
export type ImportResult = { ok: true; settings: Settings; fields: Partial<Settings> } | { ok: false; problems: SettingsProblem[] };

const kb = (bytes: number) => String(Math.ceil(bytes / 1024));

/** Refuses a file by its size before reading it. */
export function importSizeProblem(bytes: number): SettingsProblem | undefined {
  return bytes > MAX_IMPORT_BYTES ? { path: [], message: 'errFileTooLarge', args: [kb(bytes), kb(MAX_IMPORT_BYTES)] } : undefined;
}

/** Where a text stops being JSON: read from the text itself, else from JSON.parse's message. */
export function jsonErrorLocation(error: unknown, text: string): { line: number; column: number } | undefined {
  const offset = jsonErrorOffset(text);
  if (offset !== undefined) return lineAndColumn(text, offset);
  // Only reached if the two parsers disagree: Firefox says "line 1 column 9", V8 "position 8".
  const message = error instanceof Error ? error.message : String(error);
  const lineColumn = /line (\d+) column (\d+)/i.exec(message);
  if (lineColumn) return { line: Number(lineColumn[1]), column: Number(lineColumn[2]) };
  const position = /position (\d+)/i.exec(message);
  return position ? lineAndColumn(text, Number(position[1])) : undefined;
}

/** The settings fields a file holds (no format, version or date). */
function fileFields(file: SettingsFile): Partial<Settings> {
  const { format: _format, version: _version, exportedAt: _exportedAt, ...fields } = file;
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}

/** Reads a settings file's text against the current settings. Nothing is saved here. */
export function parseSettingsFile(text: string, current: Settings): ImportResult {
  const tooLarge = importSizeProblem(new TextEncoder().encode(text).length);
  if (tooLarge) return { ok: false, problems: [tooLarge] };

  const body = text.replace(/^\uFEFF/, '');
  if (jsonNestingDepth(body, MAX_IMPORT_DEPTH) > MAX_IMPORT_DEPTH)
    return { ok: false, problems: [{ path: [], message: 'errTooDeep', args: [String(MAX_IMPORT_DEPTH)] }] };
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch (error) {
    const at = jsonErrorLocation(error, body);
    const detail = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      problems: [
        at
          ? { path: [], message: 'errMalformedJson', args: [String(at.line), String(at.column)] }
          : { path: [], message: 'errMalformedJsonNoPlace', args: [detail] },
      ],
    };
  }
  if (!isPlainObject(raw)) return { ok: false, problems: [{ path: [], message: 'errNotObject' }] };

  const problems = forbiddenKeyProblems(raw);
  const version = raw.version;
  if (typeof version === 'number' && version > SETTINGS_VERSION)
    problems.push({ path: ['version'], message: 'errNewerFile', args: [String(version), String(SETTINGS_VERSION)] });
  // reportInput: tells a missing field ("required") from a wrong-typed one.
  const parsed = settingsFileSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) problems.push(...issueProblems(parsed.error.issues));
  if (problems.length || !parsed.success) return { ok: false, problems };
  const fields = fileFields(parsed.data);
  // Only the fields the file holds replace the current ones.
  return { ok: true, settings: normalizeSettings({ ...current, ...fields }), fields };
}
