import './public_path';
import * as pluginNamespace from '../../public';

/**
 * The bundle's entry, shaped like the one Kibana's optimizer generates: register the plugin's
 * public module with `__kbnBundles__` under `plugin/<id>/public`. Kibana's loader calls
 * `get(key)` → `fn(moduleKey)` and reads `.plugin` from the result. The namespace object itself is
 * handed over (not `__webpack_require__` + a module id), because in production mode webpack drops
 * exports reachable only through a dynamic require.
 */
declare const __kbnBundles__: {
  define(key: string, bundleRequire: (moduleKey: string) => unknown, moduleKey: string): void;
};

const BUNDLE_KEY = 'plugin/customerAnalytics/public';
__kbnBundles__.define(BUNDLE_KEY, () => pluginNamespace, BUNDLE_KEY);
