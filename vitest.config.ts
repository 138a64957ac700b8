import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Unit and integration tests; the browser tests have their own config (`npm run test:browser`).
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    // Integration tests run real `astro build`s; two cores are shared between them and the rest.
    testTimeout: 20_000,
    hookTimeout: 240_000,
  },
});
