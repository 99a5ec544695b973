// The unit tests mutation testing runs (npm run mutate): those of the matching and reading code,
// without the slow property and whole-page suites, so a run takes minutes, not hours.
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    environment: 'happy-dom',
    include: ['test/unit/{engine,text-match,lookup,catalog,read-row,find-tables,scan-fixtures,annotator,route}.test.ts'],
    // The CLI's own tests start processes (and read files that are not UTF-8, which the sandbox
    // Stryker copies the project into does not keep byte for byte): the in-process scans cover the same code.
    testNamePattern: /^(?!npm run scan)/,
  },
});
