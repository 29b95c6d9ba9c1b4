import { spawnSync } from 'node:child_process';
import { isStale } from '../../plugin/build/freshness';
import { BUILD_PARTS } from '../../plugin/build/inputs';
import { REPO_ROOT } from '../../plugin/build/paths';

/**
 * Builds the plugin bundle, host core and shared deps once per test run, and only when an output
 * is missing or older than its sources (the shared deps take about a minute; tests never build).
 */
export default function setup(): void {
  const stale = Object.entries(BUILD_PARTS)
    .filter(([, part]) => isStale(part.output, [...part.inputs]))
    .map(([name]) => name);
  if (stale.length === 0) return;
  console.log(`building the plugin for e2e (stale: ${stale.join(', ')})…`);
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'plugin/build/build_plugin.ts', '--no-zip'],
    { cwd: REPO_ROOT, stdio: 'inherit' },
  );
  if (result.status !== 0) {
    throw new Error(
      `plugin build failed (exit ${result.status}); run \`npm run build:plugin\` to see why`,
    );
  }
}
