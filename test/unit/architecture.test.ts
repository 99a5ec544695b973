// @vitest-environment node
// The layers of src/ run one way: a module imports only from its own folder or from a lower layer, so
// the vocabulary (what the console is, what a rule is) never depends on the features built on it.
// docs/architecture.md draws the same layers.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const src = resolve(__dirname, '../../src');

/** Lowest first. A folder may import from any folder of a lower rank, never from one of its own rank or above. */
const layers: Record<string, number> = {
  'i18n/languages.ts': 0,
  marks: 0,
  formats: 0,
  fees: 0,
  rules: 1,
  console: 2,
  i18n: 3,
  settings: 4,
  page: 5,
  badges: 6,
  messaging: 7,
  annotator: 8,
  cli: 8,
  audit: 8,
  background: 8,
  content: 8,
  ui: 8,
  popup: 9,
  options: 9,
  welcome: 9,
};

function layerOf(file: string): string {
  const path = relative(src, file);
  if (path in layers) return path;
  const folder = path.split('/')[0]!;
  if (!(folder in layers)) throw new Error(`${path}: its folder has no layer in architecture.test.ts`);
  return folder;
}

/** Whether an import from `file` to `target` (both under src/) climbs a layer. */
function isUpward(file: string, target: string): boolean {
  const from = layerOf(file);
  const to = layerOf(target);
  return from !== to && layers[to]! >= layers[from]!;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  // `import x from '...'`, `export ... from '...'`, and a bare `import '...'`.
  const specs = source.matchAll(/^\s*(?:(?:import|export)\s[^;]*?from\s+|import\s+)'(\.[^']+)'/gm);
  return [...specs].map(([, spec]) => resolve(dirname(file), spec!));
}

describe('the layers of src/', () => {
  const files = sourceFiles(src);

  it('has a layer for every folder', () => {
    expect(files.length).toBeGreaterThan(50);
    for (const file of files) expect(() => layerOf(file)).not.toThrow();
  });

  it('imports only downwards, or within a folder', () => {
    const upward: string[] = [];
    for (const file of files)
      for (const target of importsOf(file)) {
        if (!target.startsWith(src)) continue; // catalog.json's siblings, node modules
        if (isUpward(file, target.endsWith('.json') ? target : `${target.replace(/\.ts$/, '')}.ts`))
          upward.push(`${relative(src, file)} -> ${relative(src, target)}`);
      }
    expect(upward).toEqual([]);
  });

  it('tells an import running up a layer from one running down or within a folder', () => {
    const at = (path: string) => join(src, path);
    expect(isUpward(at('page/read-row.ts'), at('badges/badge.ts'))).toBe(true);
    expect(isUpward(at('settings/coerce.ts'), at('popup/popup.ts'))).toBe(true);
    expect(isUpward(at('popup/popup.ts'), at('options/options.ts'))).toBe(true);
    expect(isUpward(at('badges/badge.ts'), at('page/read-row.ts'))).toBe(false);
    expect(isUpward(at('page/scan.ts'), at('page/read-row.ts'))).toBe(false);
    expect(isUpward(at('rules/types.ts'), at('i18n/languages.ts'))).toBe(false);
    expect(isUpward(at('rules/types.ts'), at('i18n/messages.ts'))).toBe(true);
  });
});
