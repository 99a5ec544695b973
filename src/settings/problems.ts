// A problem found in stored or imported settings: where (a path such as userRules[3].names) and what
// (a message key, so the options page can say it in the user's language).
import type { MessageKey } from '../i18n/messages';

export type SettingsPath = (string | number)[];

export interface SettingsProblem {
  path: SettingsPath;
  message: MessageKey;
  /** Values for the message's $1, $2 ... */
  args?: string[];
}

/** `userRules[3].names` for ['userRules', 3, 'names']; "(root)" for the whole value. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : `${out ? '.' : ''}${String(part)}`;
  return out || '(root)';
}
