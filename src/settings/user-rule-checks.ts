// Checks on a user rule's names that both the stored-value coercion and the import schema apply:
// a name the matcher would find in every product type ("", " ", "a", "云") must never be saved.
import { normalizeText } from '../rules/text-match';
import type { MessageKey } from '../i18n/messages';

/** The message key saying why a name cannot be used, or undefined when it is fine. */
export function nameProblem(name: string): MessageKey | undefined {
  if (!name.trim()) return 'errNameEmpty';
  // Fewer than two letters or digits once case, width and punctuation are ignored.
  if (normalizeText(name).compact.length < 2) return 'errNameTooShort';
  return undefined;
}

/** Turns a name into a kebab-case id candidate: "Cloud Phone Host" -> "cloud-phone-host". */
export function idFromName(name: string): string {
  return name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '');
}

/** An id for a new rule named `name` that none of `taken` uses: "ssl", "ssl-2", or "rule-3" for "数据库". */
export function uniqueRuleId(name: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const base = idFromName(name) || 'rule';
  if (!used.has(base) && base !== 'rule') return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}
