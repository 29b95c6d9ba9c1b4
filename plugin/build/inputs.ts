import { join } from 'node:path';
import { HOST_CORE_FILE, PLUGIN_BUNDLE_FILE, REPO_ROOT, SHARED_DEPS_FILE, TARGET } from './paths';

const at = (...parts: string[]) => join(REPO_ROOT, ...parts);

/** What each build output is made from, for "is it up to date?" checks. */
export const BUILD_PARTS = {
  sharedDeps: {
    output: join(TARGET.sharedDeps, SHARED_DEPS_FILE),
    inputs: [
      at('plugin', 'host', 'shared_deps'),
      at('plugin', 'host', 'kbn', 'react-kibana-context-render.tsx'),
      at('plugin', 'build', 'externals.ts'),
      at('plugin', 'build', 'webpack_configs.ts'),
      at('package-lock.json'),
    ],
  },
  plugin: {
    output: join(TARGET.public, PLUGIN_BUNDLE_FILE),
    inputs: [at('public'), at('common'), at('plugin', 'build'), at('tsconfig.json')],
  },
  hostCore: {
    output: join(TARGET.host, HOST_CORE_FILE),
    inputs: [
      at('plugin', 'host', 'browser'),
      at('plugin', 'host', 'theme_choice.ts'),
      at('plugin', 'build'),
      at('plugin', 'host', 'kbn'),
    ],
  },
} as const;
