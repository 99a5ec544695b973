// User text quoted in a message, with the characters one cannot see written out: a refusal of
// "\u200Bx\u200B" must not read as a refusal of "x", and a right-to-left override must not turn the
// rest of the message around.

// Controls, format characters (zero-width, bidi controls, BOM, soft hyphen), what Unicode says to
// draw as nothing (Hangul fillers, variation selectors, tags), line and paragraph separators,
// private-use, unassigned and lone surrogates, and every space other than the plain one.
const invisible = /[\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}\p{Zl}\p{Zp}\p{Co}\p{Cn}\p{Cs}]|[^\S ]/gu;

const named: Readonly<Record<string, string>> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };

function escape(char: string): string {
  const code = char.codePointAt(0)!;
  return named[char] ?? (code > 0xffff ? `\\u{${code.toString(16).toUpperCase()}}` : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`);
}

/** "\u200Bx\u200B" for a zero-width-padded x; visible text, including a backslash, stays as it is. */
export function showInvisible(text: string): string {
  return text.replace(invisible, escape);
}
