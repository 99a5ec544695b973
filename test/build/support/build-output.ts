// Reading the built extension in .output/: its manifest, its files, and which files a page loads.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(fileURLToPath(import.meta.url), '../../../..');
export const chromeDir = join(repoRoot, '.output/chrome-mv3');
export const firefoxDir = join(repoRoot, '.output/firefox-mv2');

/** The console pages the content script runs on, and nothing else. */
export const consoleMatches = ['https://account-intl.huaweicloud.com/usercenter/*', 'https://account.huaweicloud.com/usercenter/*'];

export type Manifest = Record<string, unknown> & {
  manifest_version: number;
  permissions?: string[];
  content_scripts?: { matches: string[]; js?: string[]; css?: string[] }[];
};

export function readManifest(dir: string, build: string): Manifest {
  const file = join(dir, 'manifest.json');
  if (!existsSync(file)) throw new Error(`${relative(repoRoot, file)} is missing: run \`${build}\` first`);
  return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
}

/** Every file under `dir`, as paths relative to it with forward slashes. */
export function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((path) => statSync(join(dir, path)).isFile())
    .map((path) => path.split('\\').join('/'))
    .sort();
}

export const read = (dir: string, path: string) => readFileSync(join(dir, path), 'utf8');
export const sizeOf = (dir: string, path: string) => statSync(join(dir, path)).size;
export const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

/** The content script files; fails with a clear message when the entrypoint was not built. */
export function contentScriptFiles(dir: string): string[] {
  const files = listFiles(join(dir, 'content-scripts')).map((path) => `content-scripts/${path}`);
  if (!files.some((path) => path.endsWith('.js')))
    throw new Error(`no content script in ${relative(repoRoot, dir)}/content-scripts: entrypoints/content/ is missing or was not built`);
  return files;
}

const importPattern = /(import\s*\(\s*|\bfrom\s*|\bimport\s*)["'`](\.{1,2}\/[^"'`]+?\.js)["'`]/g;

/** Chunks a built JS file imports: `static` load with it, `lazy` only when the code asks (import()). */
export function importsOf(dir: string, path: string): { static: string[]; lazy: string[] } {
  const found = { static: [] as string[], lazy: [] as string[] };
  for (const [, how, target] of read(dir, path).matchAll(importPattern)) {
    const resolved = posix.normalize(posix.join(posix.dirname(path), target!));
    (/^import\s*\(/.test(how!) ? found.lazy : found.static).push(resolved);
  }
  return found;
}

/** The files an HTML page of the extension names: scripts, module preloads, stylesheets. */
export function filesNamedBy(dir: string, htmlPath: string): string[] {
  const html = read(dir, htmlPath);
  const named: string[] = [];
  for (const [, , url] of html.matchAll(/<(?:script|link)\b[^>]*?\b(src|href)="([^"]+)"/g)) {
    if (/^[a-z]+:/i.test(url!)) continue; // external: reported by the bundle checks, not counted here
    named.push(url!.startsWith('/') ? url!.slice(1) : posix.normalize(posix.join(posix.dirname(htmlPath), url!)));
  }
  return named;
}

export interface PageLoad {
  /** Files loaded when the page opens: the HTML, what it names, and their static imports. */
  files: string[];
  /** The largest lazily loaded chunk (with its own static imports) the page may add. */
  lazy: string[];
  bytes: number;
}

/**
 * What opening `htmlPath` loads. A lazily imported chunk counts once, the largest: the UI loads one
 * language's messages, not all of them.
 */
export function pageLoad(dir: string, htmlPath: string): PageLoad {
  if (!existsSync(join(dir, htmlPath)))
    throw new Error(`${relative(repoRoot, join(dir, htmlPath))} is missing: its entrypoint is missing or was not built`);
  const closure = (roots: string[], seen = new Set<string>()) => {
    const lazy = new Set<string>();
    const visit = (path: string) => {
      if (seen.has(path)) return;
      seen.add(path);
      if (!path.endsWith('.js')) return;
      const imports = importsOf(dir, path);
      imports.static.forEach(visit);
      imports.lazy.forEach((chunk) => lazy.add(chunk));
    };
    roots.forEach(visit);
    return { files: [...seen], lazy: [...lazy] };
  };
  const opened = closure([htmlPath, ...filesNamedBy(dir, htmlPath)]);
  const bytesOf = (files: string[]) => files.reduce((sum, path) => sum + sizeOf(dir, path), 0);
  let largest: string[] = [];
  for (const chunk of opened.lazy) {
    const extra = closure([chunk], new Set(opened.files)).files.filter((path) => !opened.files.includes(path));
    if (bytesOf(extra) > bytesOf(largest)) largest = extra;
  }
  return { files: opened.files, lazy: largest, bytes: bytesOf(opened.files) + bytesOf(largest) };
}
