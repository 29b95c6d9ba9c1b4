import type { FastifyInstance } from 'fastify';
import type { Client } from '@elastic/elasticsearch';
import type { Logger, Plugin } from '@kbn/core/server';
import { config, plugin } from '../../server';
import { RouterAdapter, type IdentifyUser } from './router_adapter';

/**
 * Runs the plugin's `server/` exactly as Kibana would: validates `customerAnalytics.*` with the
 * plugin's own config schema, calls `plugin(initializerContext)`, then `setup` with a core whose
 * `http.createRouter()` is the Fastify-backed adapter, then `start`. Returns the plugin's stop.
 */
export function startServerPlugin(
  app: FastifyInstance,
  options: {
    client: Client;
    rawConfig: Record<string, unknown>;
    logger: Logger;
    identify?: IdentifyUser;
  },
): () => void {
  const pluginConfig = config.schema.validate(options.rawConfig, {}, 'customerAnalytics');
  // Typed as Kibana sees it: setup and start receive (core, plugins).
  const instance: Plugin = plugin({
    config: { get: <T>() => pluginConfig as T },
    logger: { get: (...contextParts: string[]) => options.logger.get(...contextParts) },
  });
  const router = new RouterAdapter();
  instance.setup({ http: { createRouter: () => router } }, {});
  router.mount(app, options.client, options.logger, options.identify);
  instance.start({}, {});
  return () => instance.stop?.();
}
