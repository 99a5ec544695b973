// The language badges speak: the page's own (<html lang>, or the console's language cookie),
// else the browser's. The user can fix it in the options.
import type { Lang } from '../rules/types';
import type { LanguageChoice } from '../i18n/languages';

function fromTag(tag: string | null | undefined): Lang | undefined {
  if (!tag) return undefined;
  return /^zh\b/i.test(tag.trim()) ? 'zh' : /^[a-z]{2,3}\b/i.test(tag.trim()) ? 'en' : undefined;
}

export function detectPageLanguage(doc: Document, browserLanguage?: string): Lang {
  const fromHtml = fromTag(doc.documentElement.getAttribute('lang'));
  if (fromHtml) return fromHtml;
  // The console keeps its language in a cookie (locale=zh-cn / en-us) when <html lang> is not set.
  const cookie = /(?:^|;\s*)(?:locale|lang|language)=([^;]+)/i.exec(safeCookie(doc))?.[1];
  return fromTag(cookie ? decodeURIComponent(cookie) : undefined) ?? fromTag(browserLanguage) ?? 'en';
}

function safeCookie(doc: Document): string {
  try {
    return doc.cookie;
  } catch {
    return ''; // sandboxed or opaque-origin documents throw on cookie access
  }
}

export function badgeLanguage(choice: LanguageChoice, doc: Document, browserLanguage?: string): Lang {
  return choice === 'page' ? detectPageLanguage(doc, browserLanguage) : choice;
}
