import { defineConfig } from 'vitest/config';

// `npm run test:e2e`: browser tests with Debian's chromium through playwright-core.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    setupFiles: ['test/support/quiet-log.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
