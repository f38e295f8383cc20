import { defineConfig } from 'vitest/config';

// The browser test: Debian's chromium, driven by playwright-core, over the built docs site.
export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
