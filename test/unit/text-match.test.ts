// How names and phrases are found in what a row shows: the way a person reads them.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeText, PhraseIndex } from '../../src/rules/text-match';

function found(phrases: string[], text: string): string[] {
  const index = new PhraseIndex<string>();
  for (const phrase of phrases) index.add(phrase, phrase);
  return index.find(text).map((match) => match.value);
}

describe('normalizeText', () => {
  it('keeps only lower-case letters and digits, and remembers the words', () => {
    const text = normalizeText('Advanced Anti-DDoS (AAD)');
    expect(text.compact).toBe('advancedantiddosaad');
    expect(text.words).toEqual(['advanced', 'anti', 'ddos', 'aad']);
  });

  it('marks where each word starts and ends', () => {
    const { compact, boundary } = normalizeText('Direct Connect');
    expect(compact).toBe('directconnect');
    const marked = [...boundary.keys()].filter((i) => boundary[i]);
    expect(marked).toEqual([0, 6, 13]);
  });

  it('reads full-width letters, digits and the ideographic space as their ASCII forms', () => {
    expect(normalizeText('ＳＭＮ').compact).toBe('smn');
    expect(normalizeText('ＣＢＣ．９９００３６４９').words).toEqual(['cbc', '99003649']);
    expect(normalizeText('Ｓｉｍｐｌｅ　Ｍｅｓｓａｇｅ').words).toEqual(['simple', 'message']);
  });

  it('treats every Chinese character as a word of its own, since Chinese has no spaces', () => {
    const text = normalizeText('消息通知服务（SMN）');
    expect(text.compact).toBe('消息通知服务smn');
    expect(text.words).toEqual(['消', '息', '通', '知', '服', '务', 'smn']);
  });

  it('gives nothing for text with no letters or digits', () => {
    expect(normalizeText(' -- ， ！').compact).toBe('');
    expect(normalizeText('').words).toEqual([]);
  });
});

describe('PhraseIndex', () => {
  it('finds a phrase whatever the case, width, spacing and punctuation', () => {
    const phrases = ['Simple Message Notification'];
    expect(found(phrases, 'SIMPLE message notification')).toEqual(phrases);
    expect(found(phrases, 'Simple-Message-Notification')).toEqual(phrases);
    expect(found(phrases, 'SimpleMessageNotification')).toEqual(phrases);
    expect(found(phrases, 'Ｓｉｍｐｌｅ　Ｍｅｓｓａｇｅ　Ｎｏｔｉｆｉｃａｔｉｏｎ')).toEqual(phrases);
  });

  it('finds an abbreviation in parentheses after the name', () => {
    expect(found(['SMN'], 'Simple Message Notification (SMN)')).toEqual(['SMN']);
  });

  it('finds a phrase only on word boundaries: "DC" is not inside "IDC" or "DCS"', () => {
    expect(found(['DC'], 'IDC hosting')).toEqual([]);
    expect(found(['DC'], 'Distributed Cache Service (DCS)')).toEqual([]);
    expect(found(['DC'], 'Direct Connect (DC)')).toEqual(['DC']);
  });

  it('keeps the longest match: "Dedicated Cloud Bare Metal Server" is not also "Dedicated Cloud"', () => {
    expect(found(['Dedicated Cloud', 'Dedicated Cloud Bare Metal Server'], 'Dedicated Cloud Bare Metal Server')).toEqual([
      'Dedicated Cloud Bare Metal Server',
    ]);
  });

  it('keeps matches that overlap without one containing the other', () => {
    const phrases = ['Dedicated Cloud Server Backup', 'Cloud Server Backup Service'];
    expect(found(phrases, 'Dedicated Cloud Server Backup Service').sort()).toEqual([...phrases].sort());
  });

  it('finds separate phrases in one text', () => {
    expect(found(['expired', 'frozen'], 'Expired, frozen').sort()).toEqual(['expired', 'frozen']);
  });

  it('finds a Chinese phrase inside a longer Chinese text, and the longer one wins', () => {
    expect(found(['云服务器备份'], '云服务器备份服务')).toEqual(['云服务器备份']);
    expect(found(['云服务器备份', '专属云服务器备份'], '专属云服务器备份')).toEqual(['专属云服务器备份']);
  });

  it('reports where the phrase was found and which phrase it was', () => {
    const index = new PhraseIndex<number>();
    index.add('Anti-DDoS', 7);
    const [match] = index.find('Advanced Anti DDoS');
    expect(match).toMatchObject({ value: 7, phrase: 'Anti-DDoS', start: 8, end: 16 });
  });

  it('ignores a phrase with no letters or digits instead of matching everywhere', () => {
    expect(found(['--', 'SMN'], 'SMN')).toEqual(['SMN']);
    expect(found(['（）'], 'anything')).toEqual([]);
  });

  it('accepts an already normalized text', () => {
    const index = new PhraseIndex<string>();
    index.add('云专线', 'dc');
    expect(index.find(normalizeText('云专线 DC')).map((m) => m.value)).toEqual(['dc']);
  });
});

describe('PhraseIndex on long and repetitive text', () => {
  // The plain definition: every phrase on word boundaries, minus those inside a strictly longer one.
  function byDefinition(phrases: string[], text: string): string[] {
    const { compact, boundary } = normalizeText(text);
    const all: Array<{ value: string; start: number; end: number }> = [];
    for (let start = 0; start < compact.length; start++)
      for (const phrase of phrases) {
        const key = normalizeText(phrase).compact;
        const end = start + key.length;
        if (key && boundary[start] && boundary[end] && compact.startsWith(key, start)) all.push({ value: phrase, start, end });
      }
    const kept = all.filter((m) => !all.some((o) => o.start <= m.start && o.end >= m.end && o.end - o.start > m.end - m.start));
    return kept.sort((a, b) => b.end - b.start - (a.end - a.start)).map((m) => m.value);
  }

  it('keeps exactly the matches no longer match holds, longest first', () => {
    const word = fc.constantFrom('dc', 'cloud', 'dedicated', 'server', 'bare', 'metal', 'x');
    const phrase = fc.array(word, { minLength: 1, maxLength: 3 }).map((words) => words.join(' '));
    fc.assert(
      fc.property(fc.uniqueArray(phrase, { minLength: 1, maxLength: 6 }), fc.array(word, { maxLength: 30 }), (phrases, words) => {
        const text = words.join(' ');
        expect([...found(phrases, text)].sort()).toEqual(byDefinition(phrases, text).sort());
        const lengths = found(phrases, text).map((value) => normalizeText(value).compact.length);
        expect(lengths).toEqual([...lengths].sort((a, b) => b - a));
      }),
      { seed: 20261201, numRuns: 300 },
    );
  });

  it('finds the outermost names in a 100 KB cell of repeated names', () => {
    const text = 'Dedicated Cloud DC '.repeat(6000);
    const matches = found(['Dedicated Cloud', 'DC', 'Cloud'], text);
    expect(matches.filter((value) => value === 'Dedicated Cloud')).toHaveLength(6000);
    expect(matches.filter((value) => value === 'DC')).toHaveLength(6000);
    expect(matches).not.toContain('Cloud');
  });
});
