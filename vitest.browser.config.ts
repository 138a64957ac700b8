import { defineConfig } from 'vitest/config';

/** Browser tests: real Chromium over built sites. Run with `npm run test:browser`. */
export default defineConfig({
  test: {
    include: ['tests/browser/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 240_000,
    // One browser at a time on a two-core machine.
    fileParallelism: false,
  },
});
