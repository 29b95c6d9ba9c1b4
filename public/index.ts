import { CustomerAnalyticsPublicPlugin } from './plugin';

/** Kibana's entry point for the browser side of the plugin. */
export function plugin() {
  return new CustomerAnalyticsPublicPlugin();
}
