import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** `@kbn/*` resolves to the host's stand-ins, as tsconfig `paths` does (plugin/host/kbn/README.md). */
const kbnStandIns = {
  alias: [
    {
      find: /^@kbn\/(.*)$/,
      replacement: fileURLToPath(new URL('./plugin/host/kbn/$1', import.meta.url)),
    },
  ],
};

/**
 * Three projects: `unit` (pure code, no services), `integration` (a real Elasticsearch the global
 * setup starts once, plus real PostgreSQL where needed) and `e2e` (Chromium against the standalone
 * host). `npm test` runs all three, in that order (groupOrder), so the services-heavy groups do
 * not compete for this machine's two cores.
 */
export default defineConfig({
  test: {
    reporters: ['default', 'json'],
    outputFile: { json: '.cache/vitest-results.json' },
    projects: [
      {
        resolve: kbnStandIns,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          environment: 'node',
          sequence: { groupOrder: 0 },
        },
      },
      {
        resolve: kbnStandIns,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          globalSetup: ['tests/helpers/elasticsearch_global_setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
        },
      },
      {
        resolve: kbnStandIns,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: [
            'tests/helpers/elasticsearch_global_setup.ts',
            'tests/helpers/plugin_build_global_setup.ts',
          ],
          testTimeout: 180_000,
          hookTimeout: 300_000,
          fileParallelism: false,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
