import { defineConfig } from 'vitest/config';

// Browser tests: one real server (global setup) and headless Debian chromium via playwright-core.
// Files run one after another: they share the server and a 2-core machine.
export default defineConfig({
  test: {
    include: ['e2e/**/*.test.ts'],
    globalSetup: ['e2e/support/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 240_000,
    pool: 'forks',
    fileParallelism: false,
    maxWorkers: 1,
  },
});
