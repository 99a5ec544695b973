// Mutation testing (`npm run mutate`, not part of `npm test`): how much of the matching and reading
// code the unit tests would notice breaking. The four files the verdicts rest on; each mutant runs
// only the tests that reach its code (perTest coverage) of those in vitest.mutate.config.ts.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutate.config.ts', related: false },
  coverageAnalysis: 'perTest',
  mutate: ['src/rules/engine.ts', 'src/rules/text-match.ts', 'src/page/read-row.ts', 'src/page/find-tables.ts', 'src/page/table-layout.ts'],
  reporters: ['clear-text', 'progress'],
  concurrency: 2,
  timeoutMS: 20_000,
  tempDirName: 'node_modules/.stryker-tmp',
  cleanTempDir: 'always',
  thresholds: { high: 90, low: 80, break: null },
};
