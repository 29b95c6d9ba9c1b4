/**
 * `npm run build:plugin`: the Kibana bundle (target/public/), the standalone host's shared deps
 * (target/shared_deps/, rebuilt only when stale — it takes about a minute) and browser core
 * (target/host/), server/ + common/ as CommonJS, and build/customerAnalytics-<kibanaVersion>.zip
 * for each Kibana version (`--kibana-version 9.x.y`, repeatable or a comma list; default
 * DEFAULT_KIBANA_VERSIONS). The bundle is built once and packaged into every zip.
 * `--force` rebuilds the shared deps too; `--no-zip` skips packaging (the e2e setup uses it).
 */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import webpack, { type Configuration } from 'webpack';
import { isStale } from './freshness';
import { BUILD_PARTS } from './inputs';
import { KibanaVersionError, parseKibanaVersions } from './kibana_versions';
import { packageZips } from './package_zip';
import { REPO_ROOT, TARGET } from './paths';
import { hostCoreConfig, pluginBundleConfig, sharedDepsConfig } from './webpack_configs';

function runWebpack(configs: Configuration[]): Promise<void> {
  return new Promise((resolve, reject) => {
    webpack(configs, (error, stats) => {
      if (error) return reject(error);
      if (stats?.hasErrors()) {
        return reject(new Error(`webpack failed:\n${stats.toString('errors-only')}`));
      }
      if (stats?.hasWarnings()) console.warn(stats.toString('errors-warnings'));
      resolve();
    });
  });
}

/** Kibana loads Elastic Charts' CSS for its plugins; the host's shell page loads these copies. */
function copyChartsCss(): void {
  for (const file of ['theme_only_light.css', 'theme_only_dark.css']) {
    copyFileSync(
      join(REPO_ROOT, 'node_modules', '@elastic', 'charts', 'dist', file),
      join(TARGET.sharedDeps, file),
    );
  }
}

export async function buildPlugin(options: {
  force: boolean;
  /** Kibana versions to package for; empty = no zip. */
  kibanaVersions: readonly string[];
}): Promise<void> {
  const started = Date.now();
  const seconds = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
  const sharedDeps =
    options.force || isStale(BUILD_PARTS.sharedDeps.output, [...BUILD_PARTS.sharedDeps.inputs]);
  const configs = [
    pluginBundleConfig(),
    hostCoreConfig(),
    ...(sharedDeps ? [sharedDepsConfig()] : []),
  ];
  console.log(
    `webpack: ${configs.map((config) => config.name).join(', ')}${sharedDeps ? '' : ' (shared deps up to date)'}`,
  );
  await runWebpack(configs);
  if (sharedDeps) copyChartsCss();
  console.log(
    `bundles written to ${TARGET.public}, ${TARGET.host}, ${TARGET.sharedDeps} (${seconds()})`,
  );
  if (options.kibanaVersions.length > 0) {
    const zipPaths = packageZips(options.kibanaVersions);
    console.log(`plugin zips (${zipPaths.length}, ${seconds()}):\n  ${zipPaths.join('\n  ')}`);
  }
}

function fail(error: unknown): never {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

/** Checked before webpack runs, so a mistyped version fails in a second, not after the build. */
function zipVersions(args: string[]): string[] {
  if (args.includes('--no-zip')) return [];
  try {
    return parseKibanaVersions(args);
  } catch (error) {
    if (error instanceof KibanaVersionError) fail(error);
    throw error;
  }
}

const args = process.argv.slice(2);
buildPlugin({ force: args.includes('--force'), kibanaVersions: zipVersions(args) }).catch(fail);
