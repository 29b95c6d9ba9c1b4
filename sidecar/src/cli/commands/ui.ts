import type { Command } from 'commander';
import { parsePort, sharedOptions } from '../options';
import { serveUiHost } from '../ui_launcher';

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
    .addOption(sharedOptions.prefix('index name prefix (customerAnalytics.indexPrefix)'))
    .option('--user <name>', 'who the UI says is signed in (author of chart comments)', 'local')
    .option('--sidecar-url <url>', 'sidecar admin API (customerAnalytics.sidecarUrl)')
    .addOption(sharedOptions.esPort())
    .action((options: UiOptions) => {
      serveUiHost({ ...options, build: false });
    });
}
