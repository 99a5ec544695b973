// The locale words OpenTiny NG's components register (TiLocale.setTiWords) and read back
// (TiLocale.getLocaleWords), in the language of the page: zh_CN when <html lang> is Chinese.
import { NgModule, Pipe } from '@angular/core';

const words = {};

export class TiLocale {
  static getLocale() {
    return typeof document !== 'undefined' && document.documentElement.lang.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en-US';
  }
  static setTiWords(byLocale) {
    for (const [locale, set] of Object.entries(byLocale)) Object.assign((words[locale] ??= {}), set);
  }
  static getLocaleWords() {
    return words[TiLocale.getLocale().replace('-', '_')] ?? words.en_US ?? {};
  }
}

const pad = (n) => String(n).padStart(2, '0');
export class TiLocaleFormat {
  static formatDate(date) {
    return date ? `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` : '';
  }
  static formatTime(date) {
    return date ? `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}` : '';
  }
  static formatDateTime(date) {
    return date ? `${TiLocaleFormat.formatDate(date)} ${TiLocaleFormat.formatTime(date)}` : '';
  }
  static formatNumber(value) {
    return String(value);
  }
}

/** `'tiPagination.total' | tiTranslate`: the word at that path, with {0}, {1} filled in. */
export class TiTranslatePipe {
  transform(path, ...params) {
    if (!path) return '';
    let word = String(path)
      .split('.')
      .reduce((at, key) => (at == null ? at : at[key]), TiLocale.getLocaleWords());
    if (typeof word !== 'string') return '';
    params.flat().forEach((param, i) => (word = word.replace(`{${i}}`, String(param))));
    return word;
  }
}
Pipe({ name: 'tiTranslate', pure: false })(TiTranslatePipe);

export class TiLocaleModule {}
NgModule({ declarations: [TiTranslatePipe], exports: [TiTranslatePipe] })(TiLocaleModule);
