// OpenTiny NG's own component CSS, as the console's pages carry it: each NG component ships its
// styles inside its compiled module (`styles: ["…"]`, ViewEncapsulation.None, so they apply to the
// whole page). Read from the packages in node_modules, so the saved pages can be laid out with the
// real table CSS (fixed table layout, one-line cells whose overflow is hidden, the real paddings).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** The NG packages whose components the saved pages show. */
const packages = ['ng-table', 'ng-pagination', 'ng-button', 'ng-tag'] as const;

/** Every string of every `styles: [...]` array literal in a compiled module, each once. */
export function componentStyles(source: string): string[] {
  const styles = new Set<string>();
  for (const match of source.matchAll(/styles: \[/g)) {
    let at = match.index + match[0].length;
    for (;;) {
      const literal = /^\s*("(?:[^"\\]|\\.)*")\s*,?/.exec(source.slice(at));
      if (!literal) break;
      styles.add(JSON.parse(literal[1]!) as string);
      at += literal[0].length;
    }
  }
  return [...styles];
}

/** The CSS of the NG components the saved pages show, read from their packages. */
export function openTinyNgCss(): string {
  return packages
    .flatMap((name) => {
      const file = join(dirname(require.resolve(`@opentiny/${name}/package.json`)), `fesm2020/opentiny-${name}.mjs`);
      const styles = componentStyles(readFileSync(file, 'utf8'));
      if (!styles.length) throw new Error(`@opentiny/${name}: no component styles found in ${file}`);
      return styles;
    })
    .join('\n');
}
