import { defineConfig } from 'vitest/config';

// `npm test`: unit, bot and HTTP tests. Browser tests live in test/e2e and run with
// `npm run test:e2e` (they need Debian's chromium, which .ci/run installs).
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    setupFiles: ['test/support/quiet-log.ts'],
    testTimeout: 20000,
  },
});
