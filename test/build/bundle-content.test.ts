// What the shipped code must not contain: code built from strings, markup built from strings, scripts
// from elsewhere, and (in the content script, which runs on every console visit) zod and the settings
// storage code.
import { describe, expect, it } from 'vitest';
import { chromeDir, contentScriptFiles, firefoxDir, listFiles, read, readManifest } from './support/build-output';

const builds = [
  { name: 'Chrome MV3', dir: chromeDir, command: 'npm run build' },
  { name: 'Firefox MV2', dir: firefoxDir, command: 'npm run build:firefox' },
];

interface Finding {
  file: string;
  what: string;
  excerpt: string;
}

const forbidden: { what: string; pattern: RegExp }[] = [
  { what: 'eval()', pattern: /(?<![\w$.])eval\s*\(/g },
  { what: 'new Function', pattern: /\bnew\s+Function\b/g },
  { what: 'Function() constructor', pattern: /(?<![\w$.])Function\s*\(/g },
  { what: 'string passed to a timer', pattern: /\bset(?:Timeout|Interval)\s*\(\s*["'`]/g },
  { what: 'innerHTML =', pattern: /\.innerHTML\s*\+?=(?!=)/g },
  { what: 'outerHTML =', pattern: /\.outerHTML\s*\+?=(?!=)/g },
  { what: 'insertAdjacentHTML', pattern: /\binsertAdjacentHTML\b/g },
  { what: 'document.write', pattern: /\bdocument\.write(?:ln)?\s*\(/g },
  { what: 'remote importScripts', pattern: /\bimportScripts\s*\([^)]*https?:/g },
  { what: 'remote import()', pattern: /\bimport\s*\(\s*["'`]https?:/g },
  { what: 'remote module import', pattern: /\bfrom\s*["'`]https?:/g },
];

/** The pages may link anywhere in their text; they may not load anything from elsewhere. */
const remoteInHtml = /<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)\s*=\s*["']?(?:https?:)?\/\//gi;

/** Network APIs, looked for in the two scripts that run without a page of their own. */
const networkApis = /\b(?:fetch|XMLHttpRequest|WebSocket|EventSource|sendBeacon)\b/g;

/**
 * Vendor code matches that are known to be harmless; each one narrow. None is needed today:
 * webextension-polyfill's `devtools.inspectedWindow.eval` is a property name (`eval:{`), which the
 * eval() pattern does not match.
 */
const allowed: { file: RegExp; excerpt: RegExp; why: string }[] = [];

function scan(dir: string, files: string[], patterns: { what: string; pattern: RegExp }[]): Finding[] {
  const findings: Finding[] = [];
  for (const file of files) {
    const text = read(dir, file);
    for (const { what, pattern } of patterns)
      for (const match of text.matchAll(pattern)) {
        const excerpt = text.slice(Math.max(0, match.index - 40), match.index + match[0].length + 40);
        if (!allowed.some((rule) => rule.file.test(file) && rule.excerpt.test(excerpt))) findings.push({ file, what, excerpt });
      }
  }
  return findings;
}

describe.each(builds)('$name bundles', ({ dir, command }) => {
  const files = () => {
    readManifest(dir, command);
    return listFiles(dir);
  };

  it('build no code from strings and no markup from strings', () => {
    const scripts = files().filter((file) => file.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    expect(scan(dir, scripts, forbidden)).toEqual([]);
  });

  it('load no script, style or frame from anywhere but the extension', () => {
    const pages = files().filter((file) => file.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(0);
    expect(scan(dir, pages, [{ what: 'remote resource', pattern: remoteInHtml }])).toEqual([]);
    expect(scan(dir, pages, [{ what: 'inline script', pattern: /<script\b(?![^>]*\bsrc=)[^>]*>/gi }])).toEqual([]);
  });

  it('use no network API in the content script or the background', () => {
    const manifest = readManifest(dir, command);
    const background = manifest.background as { service_worker?: string; scripts?: string[] };
    const targets = [
      ...contentScriptFiles(dir).filter((file) => file.endsWith('.js')),
      ...(background.service_worker ? [background.service_worker] : (background.scripts ?? [])),
    ];
    expect(scan(dir, targets, [{ what: 'network API', pattern: networkApis }])).toEqual([]);
  });

  it('keep the settings storage and checking code out of the content script', () => {
    // The background reads the settings and answers the content script with the rules in effect.
    const marks = [
      { what: '@wxt-dev/storage', pattern: /\[@wxt-dev\/storage\]|Storage key should be in the form/g },
      { what: 'settings coercion', pattern: /\berrExpectedBoolean\b|\berrRuleIdToSwitch\b/g },
    ];
    const content = contentScriptFiles(dir).filter((file) => file.endsWith('.js'));
    expect(scan(dir, content, marks)).toEqual([]);
    // The marks are real: the background carries them.
    const background = readManifest(dir, command).background as { service_worker?: string; scripts?: string[] };
    const backgroundFiles = background.service_worker ? [background.service_worker] : (background.scripts ?? []);
    expect(new Set(scan(dir, backgroundFiles, marks).map((finding) => finding.what))).toEqual(new Set(marks.map((mark) => mark.what)));
  });

  it('keep zod out of the content script', () => {
    const zodMarks = [{ what: 'zod', pattern: /\b_zod\b|\$Zod|ZodError/g }];
    const content = contentScriptFiles(dir).filter((file) => file.endsWith('.js'));
    expect(scan(dir, content, zodMarks)).toEqual([]);
    // The marks are real: the options page, which validates imports with zod/mini, carries them.
    const elsewhere = files().filter((file) => file.endsWith('.js') && !file.startsWith('content-scripts/'));
    expect(scan(dir, elsewhere, zodMarks).length).toBeGreaterThan(0);
  });
});

describe.each(builds)('the content script of the $name build', ({ dir }) => {
  // WXT's ContentScriptContext listens for a page-dispatchable event and posts a message naming the
  // extension; the build swaps it for an inert one (src/page/inert-content-context.ts).
  it('has nothing a page script can use to switch it off or to learn that it is there', () => {
    const pageFacing = [
      { what: 'WXT script-started event', pattern: /content-script-started/g },
      { what: 'postMessage to the page', pattern: /\bpostMessage\b/g },
      { what: "WXT's location watcher", pattern: /wxt:locationchange/g },
    ];
    const content = contentScriptFiles(dir).filter((file) => file.endsWith('.js'));
    expect(content.length).toBeGreaterThan(0);
    expect(scan(dir, content, pageFacing)).toEqual([]);
  });
});

describe('the patterns', () => {
  it('catch what they are meant to catch and pass what is harmless', () => {
    const hits = (code: string) => forbidden.filter(({ pattern }) => [...code.matchAll(pattern)].length).map(({ what }) => what);
    expect(hits('el.innerHTML=t')).toEqual(['innerHTML =']);
    expect(hits('a.outerHTML = b')).toEqual(['outerHTML =']);
    expect(hits('x.insertAdjacentHTML("beforeend",s)')).toEqual(['insertAdjacentHTML']);
    expect(hits('eval("1")')).toEqual(['eval()']);
    expect(hits('new Function("return 1")')).toEqual(['new Function', 'Function() constructor']);
    expect(hits('Function("return this")()')).toEqual(['Function() constructor']);
    expect(hits('setTimeout("go()",1)')).toEqual(['string passed to a timer']);
    expect(hits('importScripts("https://cdn.example/x.js")')).toEqual(['remote importScripts']);
    // Harmless look-alikes.
    expect(hits('if(a.innerHTML===b)return; typeof f=="function"; isFunction(x); inspectedWindow:{eval:{minArgs:1}}; o.eval(1)')).toEqual([]);
    expect(hits('setTimeout(() => go(), 1); importScripts("/local.js")')).toEqual([]);
  });
});
