import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { isStale } from '../../../plugin/build/freshness';
import { BUILD_PARTS } from '../../../plugin/build/inputs';
import { PROJECT_ROOT } from '../es/paths';

/** Builds the plugin bundle and host (not the zip) when any output is missing or stale. */
export function ensurePluginBuilt(): void {
  const stale = Object.values(BUILD_PARTS).some((part) => isStale(part.output, [...part.inputs]));
  if (!stale) return;
  console.log(
    'Building the Kibana plugin bundle and the standalone host (first time: a few minutes)…',
  );
  const result = spawnSync(
    process.execPath,
    [
      join(PROJECT_ROOT, 'node_modules/tsx/dist/cli.mjs'),
      join(PROJECT_ROOT, 'plugin/build/build_plugin.ts'),
      '--no-zip',
    ],
    { stdio: 'inherit', cwd: PROJECT_ROOT },
  );
  if (result.status !== 0)
    throw new Error(
      `building the plugin failed (exit ${result.status}); run \`npm run build:plugin\` to see why`,
    );
}
