import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { DEFAULT_INDEX_PREFIX } from '../../../../common/indices';
import { closeOnSignals, connectElasticsearch } from '../../es/elasticsearch';
import { parsePort } from '../options';

interface UiOptions {
  port: number;
  host: string;
  prefix: string;
  sidecarUrl?: string;
  esPort: number;
}

/**
 * `customer-analytics ui`: the standalone host — the plugin's built bundle in a Kibana-like shell
 * and its server routes over Elasticsearch (ES_URL, or the embedded node on --es-port).
 */
export function registerUiCommand(program: Command): void {
  program
    .command('ui')
    .description(
      'serve the Kibana plugin standalone (built bundle + server routes), no Kibana needed',
    )
    .option('--port <port>', 'HTTP port of the UI (0 = any free port)', parsePort, 5602)
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .option(
      '--prefix <prefix>',
      'index name prefix (customerAnalytics.indexPrefix)',
      DEFAULT_INDEX_PREFIX,
    )
    .option('--sidecar-url <url>', 'sidecar admin API (customerAnalytics.sidecarUrl)')
    .option(
      '--es-port <port>',
      'HTTP port of the embedded Elasticsearch (without ES_URL)',
      parsePort,
      9200,
    )
    .action(async (options: UiOptions) => {
      // Loaded only now: the host runs server/, whose `@kbn/*` imports need the stand-ins first.
      const { registerKbnStandIns } = await import('../../../../plugin/host/kbn_loader');
      registerKbnStandIns();
      const { BUILD_PARTS } = await import('../../../../plugin/build/inputs');
      const missing = Object.values(BUILD_PARTS).filter((part) => !existsSync(part.output));
      if (missing.length > 0) {
        throw new Error(
          `the plugin is not built (${missing.map((part) => part.output).join(', ')} missing): run \`npm run build:plugin\` first`,
        );
      }
      const { createHostServer } = await import('../../../../plugin/host/host_server');

      const es = await connectElasticsearch({ nodeName: 'main', port: options.esPort });
      closeOnSignals(es);
      const app = await createHostServer({
        client: es.client,
        pluginConfig: {
          indexPrefix: options.prefix,
          ...(options.sidecarUrl ? { sidecarUrl: options.sidecarUrl } : {}),
        },
      });
      const address = await app.listen({ port: options.port, host: options.host });
      console.log(
        `Customer Analytics UI at ${address}/app/customerAnalytics (Elasticsearch ${es.url})`,
      );
      console.log('Press Ctrl-C to stop.');
    });
}
