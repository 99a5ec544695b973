// Matching names and phrases the way a person reads them: case-, width-, space- and
// punctuation-insensitive, but only on word boundaries, so "DC" is not found inside "IDC".

/** Text reduced to its letters and digits, with the places where words start or end. */
export interface NormalizedText {
  /** Lower-case letters and digits with everything else removed. */
  compact: string;
  /** boundary[i] is 1 when a word starts or ends at compact[i]. */
  boundary: Uint8Array;
  /** The words, for the look-up's token matching. */
  words: string[];
}

const wordChar = /[\p{L}\p{N}]/u;
// Han, kana and Hangul have no spaces between words: every character is its own word.
const ideograph = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

export function normalizeText(input: string): NormalizedText {
  const text = input.normalize('NFKC').toLowerCase();
  let compact = '';
  const starts: number[] = [];
  const words: string[] = [];
  let word = '';
  const endWord = () => {
    if (word) words.push(word);
    word = '';
  };
  for (const char of text) {
    if (ideograph.test(char)) {
      endWord();
      starts.push(compact.length);
      compact += char;
      words.push(char);
      starts.push(compact.length);
    } else if (wordChar.test(char)) {
      if (!word) starts.push(compact.length);
      word += char;
      compact += char;
    } else if (word) {
      endWord();
      starts.push(compact.length);
    }
  }
  if (word) {
    endWord();
    starts.push(compact.length);
  }
  const boundary = new Uint8Array(compact.length + 1);
  for (const index of starts) boundary[index] = 1;
  return { compact, boundary, words };
}

export interface PhraseMatch<T> {
  value: T;
  phrase: string;
  start: number;
  end: number;
}

interface IndexedPhrase<T> {
  compact: string;
  phrase: string;
  value: T;
}

/**
 * A set of phrases to find in text. Matches that lie inside a longer match are dropped,
 * so "Dedicated Cloud Bare Metal Server" is not also "Dedicated Cloud".
 */
export class PhraseIndex<T> {
  readonly #byFirstChar = new Map<string, IndexedPhrase<T>[]>();

  add(phrase: string, value: T): void {
    const { compact } = normalizeText(phrase);
    if (!compact) return;
    const first = compact[0]!;
    let bucket = this.#byFirstChar.get(first);
    if (!bucket) this.#byFirstChar.set(first, (bucket = []));
    bucket.push({ compact, phrase, value });
  }

  /** Every phrase found in the text on word boundaries, longest first, none inside another. */
  find(text: string | NormalizedText): PhraseMatch<T>[] {
    const normalized = typeof text === 'string' ? normalizeText(text) : text;
    const { compact, boundary } = normalized;
    const found: PhraseMatch<T>[] = [];
    for (let start = 0; start < compact.length; start++) {
      if (!boundary[start]) continue;
      const bucket = this.#byFirstChar.get(compact[start]!);
      if (!bucket) continue;
      for (const entry of bucket) {
        const end = start + entry.compact.length;
        if (boundary[end] && compact.startsWith(entry.compact, start)) found.push({ value: entry.value, phrase: entry.phrase, start, end });
      }
    }
    return keepOutermost(found);
  }
}

/** Drops matches lying inside a strictly longer one; the rest longest first. One sweep, so 100 KB cells stay cheap. */
function keepOutermost<T>(matches: PhraseMatch<T>[]): PhraseMatch<T>[] {
  if (matches.length < 2) return matches;
  // By start, and at the same start longest first: whatever could hold a match comes before it.
  const byStart = matches.map((match, order) => ({ match, order })).sort((a, b) => a.match.start - b.match.start || b.match.end - a.match.end);
  const kept: Array<{ match: PhraseMatch<T>; order: number }> = [];
  let reach = -1; // the furthest end so far
  let reachStart = -1; // the earliest start among the matches that end there
  for (const entry of byStart) {
    const { start, end } = entry.match;
    // Held by an earlier match that ends later, or ends at the same place having started earlier.
    const inside = reach > end || (reach === end && reachStart < start);
    if (!inside) kept.push(entry);
    if (end > reach) [reach, reachStart] = [end, start];
  }
  const length = (m: PhraseMatch<T>) => m.end - m.start;
  return kept.sort((a, b) => length(b.match) - length(a.match) || a.order - b.order).map((entry) => entry.match);
}

/** Runs of white space as one space, trimmed: text as the page shows it. */
export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
