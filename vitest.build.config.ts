// Checks on the built extension (.output/): manifests, what the bundles contain, their sizes.
// Run after `npm run build` and `npm run build:firefox`.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/build/**/*.test.ts'],
  },
});
