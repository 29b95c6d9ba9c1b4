/**
 * First module of the plugin bundle: lazy chunks load from the URL Kibana assigns to this bundle
 * (`window.__kbnPublicPath__[id]`), as Kibana's optimizer arranges with its public-path loader.
 */
declare let __webpack_public_path__: string;

const publicPaths = (window as unknown as { __kbnPublicPath__?: Record<string, string> })
  .__kbnPublicPath__;
const publicPath = publicPaths?.['customerAnalytics'];
if (publicPath === undefined) {
  throw new Error(
    'window.__kbnPublicPath__.customerAnalytics is not set: load this bundle from Kibana',
  );
}
// eslint-disable-next-line prefer-const -- webpack rewrites assignments to this free variable
__webpack_public_path__ = publicPath;
