import { existsSync } from 'node:fs';
import type { ElasticsearchHandle } from '../es/elasticsearch';

export interface UiHostOptions {
  port: number;
  host: string;
  prefix: string;
  sidecarUrl?: string;
  /** The signed-in user the host reports to the plugin (author of chart comments). */
  user?: string;
}

/**
 * Starts the standalone host (the built plugin bundle + the same server routes) and resolves to
 * the app's URL. The host modules are loaded only here: server/ imports `@kbn/*`, which needs the
 * stand-ins registered first.
 */
export async function startUiHost(
  es: ElasticsearchHandle,
  options: UiHostOptions,
): Promise<string> {
  const { registerKbnStandIns } = await import('../../../plugin/host/kbn_loader');
  registerKbnStandIns();
  const { BUILD_PARTS } = await import('../../../plugin/build/inputs');
  const missing = Object.values(BUILD_PARTS).filter((part) => !existsSync(part.output));
  if (missing.length > 0) {
    throw new Error(
      `the plugin is not built (${missing.map((part) => part.output).join(', ')} missing): run \`npm run build:plugin\` first`,
    );
  }
  const { createHostServer } = await import('../../../plugin/host/host_server');
  const app = await createHostServer({
    client: es.client,
    ...(options.user !== undefined ? { user: options.user } : {}),
    pluginConfig: {
      indexPrefix: options.prefix,
      ...(options.sidecarUrl ? { sidecarUrl: options.sidecarUrl } : {}),
    },
  });
  const address = await app.listen({ port: options.port, host: options.host });
  return `${address}/app/customerAnalytics`;
}
