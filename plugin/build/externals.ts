/**
 * The modules Kibana shares with every plugin bundle through `window.__kbnSharedDeps__`. The plugin
 * bundle must not contain a copy of any of them (two Reacts or two EUI theme contexts break hooks
 * and theming), and the host's shared-deps bundle must expose all of them under these names.
 * Names and keys as in Kibana's own list (@kbn/ui-shared-deps-src `externals`). Like Kibana, no
 * entry for `react-dom/client`: its few lines are bundled and `require('react-dom')` inside them
 * resolves to the shared ReactDom, so `createRoot` is the shared React DOM's.
 */
export const SHARED_DEPS_EXTERNALS = {
  react: 'React',
  'react-dom': 'ReactDom',
  '@elastic/eui': 'ElasticEui',
  '@elastic/charts': 'ElasticCharts',
  '@emotion/react': 'EmotionReact',
  moment: 'Moment',
  'moment-timezone': 'MomentTimezone',
  lodash: 'Lodash',
  rxjs: 'Rxjs',
  history: 'History',
  'react-router-dom': 'ReactRouterDom',
  '@kbn/react-kibana-context-render': 'KbnReactKibanaContextRender',
} as const;

export type SharedDepName = (typeof SHARED_DEPS_EXTERNALS)[keyof typeof SHARED_DEPS_EXTERNALS];

/** webpack `externals`: `import x from 'react'` becomes `__kbnSharedDeps__.React`. */
export function webpackExternals(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(SHARED_DEPS_EXTERNALS).map(([module, name]) => [
      module,
      `__kbnSharedDeps__.${name}`,
    ]),
  );
}
