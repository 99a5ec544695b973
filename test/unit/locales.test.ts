// Every UI string exists in both languages, is not empty, and is something Chrome accepts.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { fillMessage } from '../../src/i18n/messages';

const localesDir = resolve(__dirname, '../../public/_locales');
type Messages = Record<string, { message: string; description?: string }>;
const read = (locale: string): Messages => JSON.parse(readFileSync(resolve(localesDir, locale, 'messages.json'), 'utf8'));
const locales = readdirSync(localesDir);
const en = read('en');
const zh = read('zh_CN');

/** The $1..$9 a message fills. */
const argsOf = (message: string) => [...new Set(message.match(/\$[1-9]/g) ?? [])].sort();

describe('locale files', () => {
  it('are exactly English and Simplified Chinese', () => {
    expect(locales.sort()).toEqual(['en', 'zh_CN']);
  });

  it('have the same keys in both languages', () => {
    const onlyEn = Object.keys(en).filter((key) => !(key in zh));
    const onlyZh = Object.keys(zh).filter((key) => !(key in en));
    expect({ onlyEn, onlyZh }).toEqual({ onlyEn: [], onlyZh: [] });
  });

  it('have no empty message', () => {
    for (const [locale, messages] of [['en', en], ['zh_CN', zh]] as const)
      for (const [key, { message }] of Object.entries(messages)) expect(message.trim(), `${locale}/${key}`).not.toBe('');
  });

  it('use key names Chrome accepts', () => {
    for (const key of Object.keys(en)) expect(key).toMatch(/^[A-Za-z0-9_@]+$/);
  });

  it('fill the same $1..$9 in both languages', () => {
    for (const key of Object.keys(en)) expect(argsOf(zh[key]!.message), key).toEqual(argsOf(en[key]!.message));
  });

  it('contain no $NAME$ placeholder without a definition (Chrome refuses to load those)', () => {
    for (const messages of [en, zh]) for (const { message } of Object.values(messages)) expect(message).not.toMatch(/\$[A-Za-z_@][A-Za-z0-9_@]*\$/);
  });

  it('define every __MSG_ key the manifest and the popup page use', () => {
    const used = ['extName', 'extDescription'];
    const popupHtml = readFileSync(resolve(__dirname, '../../entrypoints/popup/index.html'), 'utf8');
    used.push(...[...popupHtml.matchAll(/__MSG_(\w+)__/g)].map((m) => m[1]!));
    for (const key of used) {
      expect(en, key).toHaveProperty(key);
      expect(zh, key).toHaveProperty(key);
    }
  });

  it('name the extension in the store listing language', () => {
    expect(en.extName!.message).toBe('Unsub Lens');
    expect(zh.extName!.message).toContain('退订');
  });
});

describe('fillMessage', () => {
  it('fills $1 and $2 and keeps $$ as a dollar sign', () => {
    expect(fillMessage('$1 read, $2 skipped', [12, 3])).toBe('12 read, 3 skipped');
    expect(fillMessage('costs $$5 for $1', ['you'])).toBe('costs $5 for you');
  });
});
