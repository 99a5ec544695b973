// Where a JSON text first goes wrong, found by reading it, because JSON.parse's messages differ
// between browsers and some (V8's "Unexpected token") give no position at all.

/**
 * How deeply `text` nests arrays and objects, read without recursion (strings skipped), stopping at
 * `limit + 1`. Parsing and checking a value go down it recursively: 2,000 levels overflow the stack.
 */
export function jsonNestingDepth(text: string, limit: number): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let at = 0; at < text.length; at++) {
    const char = text[at];
    if (inString) {
      if (char === '\\') at++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '[' || char === '{') {
      deepest = Math.max(deepest, ++depth);
      if (deepest > limit) return deepest;
    } else if (char === ']' || char === '}') depth--;
  }
  return deepest;
}

/** The offset of the first character that makes `text` invalid JSON, or undefined when it is valid. */
// eslint-disable-next-line max-lines-per-function -- a recursive-descent reader whose small helpers share one cursor
export function jsonErrorOffset(text: string): number | undefined {
  let at = 0;
  const fail = (): never => {
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- the offset itself is thrown and caught below: no Error is built for a stop
    throw at;
  };
  const space = () => {
    while (at < text.length && ' \t\n\r'.includes(text[at]!)) at++;
  };
  const literal = (word: string) => {
    for (const char of word)
      if (text[at++] !== char) {
        at--;
        fail();
      }
  };
  const string = () => {
    at++; // the opening quote
    while (at < text.length) {
      const char = text[at]!;
      if (char === '"') return void at++;
      if (char < ' ') fail();
      if (char === '\\') {
        at++;
        const escape = text[at];
        if (escape === 'u') {
          for (let i = 1; i <= 4; i++)
            if (!/[0-9a-fA-F]/.test(text[at + i] ?? '')) {
              at += i;
              fail();
            }
          at += 5;
        } else if (escape !== undefined && '"\\/bfnrt'.includes(escape)) at++;
        else fail();
      } else at++;
    }
    fail();
  };
  const number = () => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(at));
    if (!match || !match[0] || match[0] === '-') fail();
    at += match![0].length;
  };
  const value = (): void => {
    space();
    const char = text[at];
    if (char === '{') {
      at++;
      space();
      if (text[at] === '}') return void at++;
      for (;;) {
        space();
        if (text[at] !== '"') fail();
        string();
        space();
        if (text[at] !== ':') fail();
        at++;
        value();
        space();
        if (text[at] === ',') at++;
        else if (text[at] === '}') return void at++;
        else fail();
      }
    } else if (char === '[') {
      at++;
      space();
      if (text[at] === ']') return void at++;
      for (;;) {
        value();
        space();
        if (text[at] === ',') at++;
        else if (text[at] === ']') return void at++;
        else fail();
      }
    } else if (char === '"') string();
    else if (char === 't') literal('true');
    else if (char === 'f') literal('false');
    else if (char === 'n') literal('null');
    else if (char === '-' || (char !== undefined && char >= '0' && char <= '9')) number();
    else fail();
  };
  try {
    value();
    space();
    if (at < text.length) fail();
    return undefined;
  } catch (offset) {
    if (typeof offset === 'number') return Math.min(offset, text.length);
    throw offset;
  }
}

/** Line and column (from 1) of an offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}
