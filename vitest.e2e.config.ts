// Real-browser tests: Chromium with the built extension (.output/chrome-mv3) against the fixture
// server. One browser per test file; files run one after another (a 2-core machine).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/e2e/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
