// Builds the real-library pages for the browser suite: each entry bundled with esbuild from the
// packages in node_modules (no CDN), its JS and CSS written into one HTML page shaped like the
// Billing Center's Unsubscriptions page, in English and Chinese. Built once per run, in memory.
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** The pages, by name: what the fixture server answers for ?page=<name>-<lang>. */
export const libraryEntries = {
  'vue-grid-3-24': 'vue-grid-3-24.entry.ts',
  'vue-grid-3-31': 'vue-grid-3-31.entry.ts',
  'vue-table-3-31': 'vue-table-3-31.entry.ts',
  'ng-table-1-0-3': 'ng-table.entry.ts',
} as const;

export type LibraryPage = keyof typeof libraryEntries;

const titles = { en: 'Unsubscriptions', zh: '退订管理' };

async function bundle(entry: string): Promise<{ js: string; css: string }> {
  const result = await build({
    entryPoints: [join(here, entry)],
    bundle: true,
    write: false,
    outdir: join(here, '.out'),
    format: 'iife',
    minify: true,
    target: 'chrome120',
    logLevel: 'silent',
    legalComments: 'none',
    define: {
      'process.env.NODE_ENV': '"production"',
      'process.env.TINY_MODE': 'undefined',
      __VUE_OPTIONS_API__: 'true',
      __VUE_PROD_DEVTOOLS__: 'false',
      __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    },
    loader: { '.svg': 'text', '.png': 'empty', '.woff': 'empty', '.woff2': 'empty', '.ttf': 'empty' },
  });
  const text = (ext: string) =>
    result.outputFiles
      .filter((file) => file.path.endsWith(ext))
      .map((file) => file.text)
      .join('\n');
  return { js: text('.js'), css: text('.css') };
}

function page(lang: 'en' | 'zh', { js, css }: { js: string; css: string }): string {
  // "</script" or "</style" inside the bundle would end its element early.
  const safe = (source: string, tag: string) => source.replace(new RegExp(`</${tag}`, 'gi'), `<\\/${tag}`);
  return `<!DOCTYPE html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en-us'}">
<head><meta charset="utf-8"><title>${titles[lang]}</title><style>${safe(css, 'style')}</style></head>
<body>
<div id="J_header" class="console-header">Huawei Cloud · Billing Center</div>
<main class="console-main"><h1 class="cbc-title">${titles[lang]}</h1><div id="app"></div><resource-list></resource-list></main>
<script>${safe(js, 'script')}</script>
</body>
</html>`;
}

/** Every page in both languages: `<name>-en` and `<name>-zh`. */
export async function buildLibraryPages(): Promise<Map<string, string>> {
  const pages = new Map<string, string>();
  for (const [name, entry] of Object.entries(libraryEntries)) {
    const built = await bundle(entry);
    pages.set(`${name}-en`, page('en', built));
    pages.set(`${name}-zh`, page('zh', built));
  }
  return pages;
}
