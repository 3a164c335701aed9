import os from 'node:os';
import { defineConfig } from 'vitest/config';

// Three kinds of tests: unit (no database), integration (HTTP API on a real database; run once on
// PGlite and, when TEST_DATABASE_URL is set, again on PostgreSQL) and e2e (Chromium).
const integration = ['src/**/*.int.test.ts', 'tests/integration/**/*.test.ts'];

export default defineConfig({
  test: {
    // Vitest's default leaves one CPU free, which on a 2-CPU machine runs every file one after the
    // other; the integration tests on PostgreSQL mostly wait on the server, so two workers overlap well.
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    projects: [
      { test: { name: 'unit', include: ['src/**/*.unit.test.ts', 'catalogs/**/*.unit.test.ts'], environment: 'node' } },
      {
        test: {
          name: 'integration-pglite',
          include: integration,
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          env: { TEST_DATABASE_URL: '' },
        },
      },
      ...(process.env.TEST_DATABASE_URL
        ? [
            {
              test: {
                name: 'integration-postgresql',
                include: integration,
                environment: 'node',
                testTimeout: 60_000,
                hookTimeout: 60_000,
                env: { TEST_DATABASE_URL: process.env.TEST_DATABASE_URL },
              },
            },
          ]
        : []),
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
