// The UI's words. Read from the extension's own message files rather than browser.i18n, because the
// user can pick a language other than the browser's in options. Each language is its own chunk,
// loaded on demand, so a page carries only the language it speaks.
import type { Lang } from './languages';
import { verdictMessages, type VerdictMessageKey } from './verdict-words';

type EnglishMessages = typeof import('../../public/_locales/en/messages.json');
export type MessageKey = Exclude<keyof EnglishMessages, 'default'> | VerdictMessageKey;
export type MessageFile = Record<string, { message: string; description?: string }>;

const loaders: Readonly<Record<Lang, () => Promise<{ default: MessageFile }>>> = {
  en: () => import('../../public/_locales/en/messages.json'),
  zh: () => import('../../public/_locales/zh_CN/messages.json'),
};

export type Translate = (key: MessageKey, ...args: (string | number)[]) => string;

/** Fills $1..$9 the way browser.i18n.getMessage does; "$$" is a literal "$". */
export function fillMessage(message: string, args: readonly (string | number)[]): string {
  return message.replace(/\$(\$|[1-9])/g, (_, what: string) => (what === '$' ? '$' : String(args[Number(what) - 1] ?? '')));
}

export function translatorFor(file: MessageFile): Translate {
  // A missing key shows itself instead of an empty string (the locale test keeps this from shipping).
  return (key, ...args) => fillMessage(file[key]?.message ?? key, args);
}

const loaded = new Map<Lang, Promise<Translate>>();

export function loadTranslator(lang: Lang): Promise<Translate> {
  let translator = loaded.get(lang);
  if (!translator) loaded.set(lang, (translator = loaders[lang]().then((module) => translatorFor({ ...module.default, ...verdictMessages(lang) }))));
  return translator;
}
