// Reading a page saved from the console, for the scan CLI: decoded in the charset the page declares
// (the China site's pages may be saved as GBK / GB18030), and refused above a size the CLI can parse
// within about 1 GB of memory (happy-dom takes roughly 100 times a page's size).
import { readFileSync, statSync } from 'node:fs';

/** Pages above this are refused with a message that names the limit. */
export const MAX_SAVED_PAGE_BYTES = 8 * 2 ** 20;

export type SavedPageRead = { ok: true; html: string; charset: string } | { ok: false; message: string };

/** The charset a page declares: its byte-order mark, else <meta charset> or http-equiv in its first 4 KB. */
export function declaredCharset(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const meta = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  return meta ? meta[1]!.toLowerCase() : 'utf-8';
}

export function decodeSavedPage(bytes: Uint8Array): { html: string; charset: string } | { unknownCharset: string } {
  const charset = declaredCharset(bytes);
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset);
  } catch {
    return { unknownCharset: charset };
  }
  return { html: decoder.decode(bytes), charset: decoder.encoding };
}

/** Reads the page at `path`; messages call it `file` (the path as the user typed it). */
export function readSavedPage(path: string, file = path, maxBytes = MAX_SAVED_PAGE_BYTES): SavedPageRead {
  try {
    const size = statSync(path).size;
    if (size > maxBytes)
      return {
        ok: false,
        message: `${file} is ${mb(size)}; pages over ${mb(maxBytes)} are not read (the limit keeps a scan within about 1 GB of memory)`,
      };
    const decoded = decodeSavedPage(readFileSync(path));
    if ('unknownCharset' in decoded)
      return { ok: false, message: `${file} declares the charset "${decoded.unknownCharset}", which this scan cannot decode` };
    return { ok: true, ...decoded };
  } catch (error) {
    return { ok: false, message: `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}` };
  }
}

function mb(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(1)} MB`;
}
