import {
  HOST_CORE_FILE,
  PLUGIN_BUNDLE_FILE,
  PLUGIN_ID,
  PUBLIC_PATHS,
  SHARED_DEPS_FILE,
} from '../build/paths';
import { CHARTS_THEME_LINK_ID, chartsCssFile } from './theme_choice';

/**
 * Kibana's bundle loader, as the bootstrap script defines it: bundles register a module key with
 * `define`, core reads it with `get`, which calls the bundle's require with the module key.
 */
const KBN_BUNDLES_LOADER = `
window.__kbnBundles__ = (function () {
  var modules = {};
  return {
    define: function (key, bundleRequire, bundleModuleKey) {
      if (modules[key]) throw new Error('bundle ' + key + ' is defined twice');
      modules[key] = { bundleRequire: bundleRequire, bundleModuleKey: bundleModuleKey };
    },
    has: function (key) { return Object.prototype.hasOwnProperty.call(modules, key); },
    get: function (key) {
      if (!this.has(key)) throw new Error('bundle ' + key + ' was not defined');
      return modules[key].bundleRequire(modules[key].bundleModuleKey);
    }
  };
})();`;

/**
 * The page every `/app/*` URL answers with, in the requested colour mode: Elastic Charts' CSS for
 * that mode (Kibana loads it for plugins), the globals Kibana provides, then shared deps → plugin
 * bundle → host core, in that order.
 */
export function shellPage(options: { darkMode: boolean }): string {
  const globals = {
    __kbnPublicPath__: { [PLUGIN_ID]: PUBLIC_PATHS.plugin },
    __kbnHostConfig__: { plugins: [PLUGIN_ID], darkMode: options.darkMode },
  };
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Customer Analytics</title>
<link id="${CHARTS_THEME_LINK_ID}" rel="stylesheet" href="${PUBLIC_PATHS.sharedDeps}${chartsCssFile(options.darkMode)}">
<style>html, body { margin: 0; min-height: 100%; } #host-app { min-height: calc(100vh - 48px); } .hostNavLinks { min-width: 0; flex-shrink: 1; overflow-x: auto; }</style>
</head>
<body>
<div id="host-chrome"></div>
<div id="host-app" data-test-subj="hostApp"></div>
<script>
${Object.entries(globals)
  .map(([name, value]) => `window.${name} = ${JSON.stringify(value)};`)
  .join('\n')}
${KBN_BUNDLES_LOADER}
</script>
<script src="${PUBLIC_PATHS.sharedDeps}${SHARED_DEPS_FILE}"></script>
<script src="${PUBLIC_PATHS.plugin}${PLUGIN_BUNDLE_FILE}"></script>
<script src="${PUBLIC_PATHS.host}${HOST_CORE_FILE}"></script>
</body>
</html>
`;
}
