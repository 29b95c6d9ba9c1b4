import type { Command } from 'commander';
import { DEFAULT_INDEX_PREFIX } from '../../../../common/indices';
import { closeOnSignals, connectElasticsearch } from '../../es/elasticsearch';
import { parsePort } from '../options';
import { startUiHost } from '../ui_host';

interface UiOptions {
  port: number;
  host: string;
  prefix: string;
  sidecarUrl?: string;
  esPort: number;
  user?: string;
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
    .option('--user <name>', 'who the UI says is signed in (author of chart comments)', 'local')
    .option('--sidecar-url <url>', 'sidecar admin API (customerAnalytics.sidecarUrl)')
    .option(
      '--es-port <port>',
      'HTTP port of the embedded Elasticsearch (without ES_URL)',
      parsePort,
      9200,
    )
    .action(async (options: UiOptions) => {
      const es = await connectElasticsearch({ nodeName: 'main', port: options.esPort });
      closeOnSignals(es);
      const url = await startUiHost(es, options);
      console.log(`Customer Analytics UI at ${url} (Elasticsearch ${es.url})`);
      console.log('Press Ctrl-C to stop.');
    });
}
