import type { PluginInitializerContext } from '@kbn/core/server';
import type { CustomerAnalyticsConfig } from './config';
import { CustomerAnalyticsServerPlugin } from './plugin';

export { config } from './config';
export type { CustomerAnalyticsConfig } from './config';

/** Kibana's entry point for the server side of the plugin. */
export function plugin(initializerContext: PluginInitializerContext<CustomerAnalyticsConfig>) {
  return new CustomerAnalyticsServerPlugin(initializerContext);
}
