// The audit's input: saved responses, given as files or folders. Folders are walked one entry at a
// time and files are read one at a time, so memory stays that of the largest file, whatever the
// number of pages.
import { opendir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parseResponse, type ParsedResponse } from './bss-response';

/** A page of the API holds at most 500 resources, well under 1 MB; a file this big is not a response. */
export const MAX_RESPONSE_BYTES = 64 * 2 ** 20;

export interface ResponseFile {
  /** The path as the output names it: as typed, or under the folder typed. */
  shown: string;
  path: string;
}

function mb(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(1)} MB`;
}

async function jsonFilesUnder(folder: string): Promise<string[]> {
  const files: string[] = [];
  const folders: string[] = [];
  for await (const entry of await opendir(folder)) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) folders.push(path);
    else if (entry.isFile() && entry.name.toLowerCase().endsWith('.json')) files.push(path);
  }
  // Names only are listed; pages in name order, then each sub-folder (one per customer).
  files.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  folders.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  for (const sub of folders) files.push(...(await jsonFilesUnder(sub)));
  return files;
}

/** The files the arguments name, or a message for each argument that names nothing readable. */
export async function* responseFiles(
  args: readonly string[],
  resolvePath: (arg: string) => string,
): AsyncGenerator<ResponseFile | { error: string }> {
  for (const arg of args) {
    const path = resolvePath(arg);
    let isFolder: boolean;
    try {
      isFolder = (await stat(path)).isDirectory();
    } catch (error) {
      yield { error: `cannot read ${arg}: ${(error as NodeJS.ErrnoException).code ?? String(error)}` };
      continue;
    }
    if (!isFolder) {
      yield { shown: arg, path };
      continue;
    }
    const files = await jsonFilesUnder(path);
    if (!files.length) yield { error: `${arg}: no .json files in this folder` };
    for (const file of files) yield { shown: join(arg, relative(path, file)), path: file };
  }
}

/** Reads and checks one response file, refusing one too big to be a response before reading it. */
export async function readResponse(file: ResponseFile, maxBytes = MAX_RESPONSE_BYTES): Promise<ParsedResponse> {
  try {
    const size = (await stat(file.path)).size;
    if (size > maxBytes)
      return {
        ok: false,
        message: `${file.shown} is ${mb(size)}; response files over ${mb(maxBytes)} are not read (a page of the API is at most 500 resources, under 1 MB)`,
      };
    return parseResponse(await readFile(file.path, 'utf8'), file.shown);
  } catch (error) {
    return { ok: false, message: `cannot read ${file.shown}: ${(error as NodeJS.ErrnoException).code ?? String(error)}` };
  }
}
