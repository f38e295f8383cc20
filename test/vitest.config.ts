// The suite's settings, for `npm test` and `npm run test:browser`. On a terminal the default
// reporter; elsewhere (CI, a pipe) the dot reporter, whose output is the failures and a summary.
// Timeouts are generous for a loaded 2-core machine: the slowest test takes about a tenth of its
// limit here (npm run test:timings lists them).

import { defineConfig } from 'vitest/config';

// "source" picks package.json's "#katex" import from src/ (TypeScript), as tsc and esbuild do,
// rather than from a build; the rest are Vite's own defaults.
const conditions = ['source', 'module', 'node', 'development|production'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    testTimeout: 30_000,
    hookTimeout: 120_000,
    reporters: process.stdout.isTTY ? ['default'] : ['dot'],
  },
});
