import type { AppMountParameters, CoreSetup, CoreStart, Plugin } from '@kbn/core/public';
import { DASHBOARDS } from './apps/dashboards';

export const PLUGIN_ID = 'customerAnalytics';

/** Kibana's "Analytics" navigation category (DEFAULT_APP_CATEGORIES.kibana), spelled out so the
 * bundle needs nothing from @kbn/core at runtime. */
const ANALYTICS_CATEGORY = {
  id: 'kibana',
  label: 'Analytics',
  euiIconType: 'logoKibana',
  order: 1000,
};

/** Registers the app; everything heavy is loaded only when the app is opened. */
export class CustomerAnalyticsPublicPlugin implements Plugin {
  setup(core: CoreSetup): void {
    core.application.register({
      id: PLUGIN_ID,
      title: 'Customer Analytics',
      category: ANALYTICS_CATEGORY,
      euiIconType: 'users',
      deepLinks: DASHBOARDS.map(({ id, title, path }) => ({ id, title, path })),
      mount: async (params: AppMountParameters) => {
        const [[coreStart], { renderApp }] = await Promise.all([
          core.getStartServices(),
          import('./application'),
        ]);
        return renderApp(coreStart as CoreStart, params);
      },
    });
  }

  start(_core: CoreStart): void {}

  stop(): void {}
}
