import type { Command } from 'commander';
import { closeOnSignals, connectElasticsearch } from '../../es/elasticsearch';
import { ensureIndices } from '../../es/templates';
import { parsePort } from '../options';

/**
 * `npm start`: the whole product on one machine. Later stages (demo data, ingest, analyses, UI)
 * hang off this command as they land.
 */
export function registerStartCommand(program: Command): void {
  program
    .command('start')
    .description('start embedded Elasticsearch, load demo data, run every analysis, serve the UI')
    .option('--es-port <port>', 'HTTP port of the embedded Elasticsearch', parsePort, 9200)
    .action(async (options: { esPort: number }) => {
      const es = await connectElasticsearch({ nodeName: 'main', port: options.esPort });
      closeOnSignals(es);
      await ensureIndices(es.client);
      console.log(`Elasticsearch ready at ${es.url}. Press Ctrl-C to stop.`);
    });
}
