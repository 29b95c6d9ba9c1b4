import { schema, type TypeOf } from '@kbn/config-schema';
import type { PluginConfigDescriptor } from '@kbn/core/server';
import { DEFAULT_INDEX_PREFIX, assertValidIndexPrefix } from '../common/indices';

/** `customerAnalytics.*` in kibana.yml. */
export const configSchema = schema.object({
  indexPrefix: schema.string({
    defaultValue: DEFAULT_INDEX_PREFIX,
    validate: (prefix) => {
      try {
        assertValidIndexPrefix(prefix);
      } catch (error) {
        return (error as Error).message;
      }
    },
  }),
  sidecarUrl: schema.string({ defaultValue: 'http://localhost:5603' }),
  /** The sidecar's admin token (`customer-analytics serve` prints it); sent by the server only. */
  sidecarToken: schema.maybe(schema.string()),
});

export type CustomerAnalyticsConfig = TypeOf<typeof configSchema>;

export const config: PluginConfigDescriptor<CustomerAnalyticsConfig> = {
  schema: configSchema,
};
