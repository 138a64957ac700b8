import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Integration tests run real `astro build`s; two cores are shared between them and the rest.
    testTimeout: 20_000,
    hookTimeout: 240_000,
  },
});
