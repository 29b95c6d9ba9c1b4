import { join } from 'node:path';
import type { Configuration } from 'webpack';
import { webpackExternals } from './externals';
import {
  HOST_CORE_FILE,
  PLUGIN_BUNDLE_FILE,
  PLUGIN_ID,
  PUBLIC_PATHS,
  REPO_ROOT,
  SHARED_DEPS_FILE,
  TARGET,
} from './paths';

const tsRule = {
  test: /\.tsx?$/,
  exclude: /node_modules/,
  loader: 'ts-loader',
  options: {
    // Types are checked by `tsc --noEmit` over the whole project; here we only transpile.
    transpileOnly: true,
    configFile: join(REPO_ROOT, 'tsconfig.json'),
    compilerOptions: { jsx: 'react', module: 'esnext', sourceMap: false },
  },
};

function base(name: string): Configuration {
  return {
    name,
    mode: 'production',
    target: ['web', 'es2020'],
    context: REPO_ROOT,
    devtool: false,
    resolve: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] },
    module: { rules: [tsRule] },
    performance: { hints: false },
    stats: 'errors-warnings',
  };
}

/**
 * `target/public/customerAnalytics.plugin.js`: the bundle Kibana loads. No `@kbn/*` alias here —
 * at runtime public/ imports only the `@kbn/*` modules Kibana shares (externals.ts); any other
 * `@kbn/*` runtime import fails the build instead of bundling a host stand-in.
 */
export function pluginBundleConfig(): Configuration {
  return {
    ...base('plugin'),
    entry: join(REPO_ROOT, 'plugin', 'build', 'public_entry.ts'),
    externals: webpackExternals(),
    output: {
      path: TARGET.public,
      filename: PLUGIN_BUNDLE_FILE,
      chunkFilename: `${PLUGIN_ID}.chunk.[id].js`,
      chunkLoadingGlobal: `${PLUGIN_ID}_bundle_jsonpfunction`,
      uniqueName: PLUGIN_ID,
      publicPath: '',
      clean: true,
    },
  };
}

/** The host's `__kbnSharedDeps__`: React, EUI, Elastic Charts, … exactly once. */
export function sharedDepsConfig(): Configuration {
  return {
    ...base('shared_deps'),
    entry: join(REPO_ROOT, 'plugin', 'host', 'shared_deps', 'entry.ts'),
    output: {
      path: TARGET.sharedDeps,
      filename: SHARED_DEPS_FILE,
      chunkFilename: 'shared_deps.chunk.[id].js',
      chunkLoadingGlobal: 'kbnSharedDeps_jsonpfunction',
      uniqueName: 'kbnSharedDeps',
      publicPath: PUBLIC_PATHS.sharedDeps,
      clean: true,
    },
  };
}

/** The host's minimal browser core; it uses the shared deps like any plugin. */
export function hostCoreConfig(): Configuration {
  return {
    ...base('host_core'),
    entry: join(REPO_ROOT, 'plugin', 'host', 'browser', 'main.tsx'),
    externals: webpackExternals(),
    output: {
      path: TARGET.host,
      filename: HOST_CORE_FILE,
      chunkLoadingGlobal: 'kbnHostCore_jsonpfunction',
      uniqueName: 'kbnHostCore',
      publicPath: PUBLIC_PATHS.host,
      clean: true,
    },
  };
}
