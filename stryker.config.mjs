// Mutation testing (`npm run mutate`, not part of `npm test`): how much of the matching and reading
// code the unit tests would notice breaking. The four files the verdicts rest on; the unit suite
// runs with the related tests of each mutant only (perTest coverage).
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.config.ts' },
  coverageAnalysis: 'perTest',
  mutate: ['src/rules/engine.ts', 'src/rules/text-match.ts', 'src/page/read-row.ts', 'src/page/find-tables.ts'],
  reporters: ['clear-text', 'progress'],
  concurrency: 2,
  timeoutMS: 20_000,
  tempDirName: 'node_modules/.stryker-tmp',
  cleanTempDir: 'always',
  thresholds: { high: 90, low: 80, break: null },
};
