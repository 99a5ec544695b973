// JSON.parse keeps the last of two equal keys without a word; a rule file with a key written twice
// would lose the first silently. This reads JSON text and names every key that appears twice in one object.

/** Paths of keys written twice in one object ("rules[3].title.en"); the text must be valid JSON. */
export function duplicateKeys(text: string): string[] {
  let at = 0;
  const found: string[] = [];
  const space = () => {
    while (/\s/.test(text[at] ?? '')) at++;
  };
  const string = (): string => {
    const start = at;
    at++;
    while (text[at] !== '"') at += text[at] === '\\' ? 2 : 1;
    at++;
    return JSON.parse(text.slice(start, at)) as string;
  };
  const value = (path: string): void => {
    space();
    const char = text[at];
    if (char === '{') {
      at++;
      const keys = new Set<string>();
      space();
      while (text[at] !== '}') {
        space();
        const key = string();
        const keyPath = path ? `${path}.${key}` : key;
        if (keys.has(key)) found.push(keyPath);
        keys.add(key);
        space();
        at++; // the colon
        value(keyPath);
        space();
        if (text[at] === ',') at++;
        space();
      }
      at++;
    } else if (char === '[') {
      at++;
      let index = 0;
      space();
      while (text[at] !== ']') {
        value(`${path}[${index++}]`);
        space();
        if (text[at] === ',') at++;
        space();
      }
      at++;
    } else if (char === '"') string();
    else while (at < text.length && !/[\s,\]}]/.test(text[at]!)) at++;
  };
  value('');
  return found;
}
