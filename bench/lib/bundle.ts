// Bundles the in-page harness with the page code it measures into one minified IIFE, as the
// production build minifies the content script. Built fresh on every run: no `npm run build` needed.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const entry = fileURLToPath(new URL('../page/harness.ts', import.meta.url));

export async function bundleHarness(): Promise<{ code: string; bytes: number }> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    minify: true,
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.text;
  return { code, bytes: Buffer.byteLength(code) };
}
