// Which language the popup and options speak: the one chosen in options, or the browser's.
import type { Lang } from '../rules/types';
import { browser } from 'wxt/browser';
import type { LanguageChoice } from '../i18n/languages';

export function browserLanguage(): string {
  try {
    return browser.i18n.getUILanguage();
  } catch {
    // Not every test double implements i18n; the page's own language is the next best guess.
    return globalThis.navigator?.language ?? 'en';
  }
}

export function languageFromTag(tag: string): Lang {
  return /^zh\b/i.test(tag) ? 'zh' : 'en';
}

/** 'page' means the page's language for badges; for the extension's own pages it is the browser's. */
export function uiLanguage(choice: LanguageChoice, browserTag: string = browserLanguage()): Lang {
  return choice === 'page' ? languageFromTag(browserTag) : choice;
}
