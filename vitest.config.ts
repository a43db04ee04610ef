import { defineConfig } from 'vitest/config';

// Unit, database and HTTP tests. Database tests run on PGlite unless DATABASE_URL points at a
// PostgreSQL server; either way each test file gets its own freshly migrated database.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/helpers/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
