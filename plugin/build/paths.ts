import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the build reads from and writes to; everything it writes is under target/ or build/. */
export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const PLUGIN_ID = 'customerAnalytics';

export const TARGET = {
  /** The Kibana bundle, exactly what goes into the zip's target/public/. */
  public: join(REPO_ROOT, 'target', 'public'),
  /** The standalone host's stand-in for Kibana's shared-deps bundle. */
  sharedDeps: join(REPO_ROOT, 'target', 'shared_deps'),
  /** The standalone host's minimal browser core. */
  host: join(REPO_ROOT, 'target', 'host'),
  /** server/ and common/ compiled to CommonJS. */
  server: join(REPO_ROOT, 'target', 'server_js'),
};

export const BUILD_DIR = join(REPO_ROOT, 'build');
export const PLUGIN_BUNDLE_FILE = `${PLUGIN_ID}.plugin.js`;
export const SHARED_DEPS_FILE = 'shared_deps.js';
export const HOST_CORE_FILE = 'host_core.js';

/** URL prefixes the host serves the three bundles under. */
export const PUBLIC_PATHS = {
  plugin: `/bundles/plugin/${PLUGIN_ID}/`,
  sharedDeps: '/bundles/shared_deps/',
  host: '/bundles/host/',
};
