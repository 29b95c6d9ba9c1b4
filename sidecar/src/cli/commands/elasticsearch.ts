import type { Command } from 'commander';
import { closeOnSignals, connectElasticsearch } from '../../es/elasticsearch';
import { ensureIndices } from '../../es/templates';
import { parsePort } from '../options';

export function registerElasticsearchCommand(program: Command): void {
  program
    .command('elasticsearch')
    .description('start the embedded Elasticsearch (or check ES_URL), create the indices, and wait')
    .option('--port <port>', 'HTTP port of the embedded node', parsePort, 9200)
    .option('--prefix <prefix>', 'index name prefix', 'customer-analytics-')
    .action(async (options: { port: number; prefix: string }) => {
      const es = await connectElasticsearch({ nodeName: 'main', port: options.port });
      closeOnSignals(es);
      const names = await ensureIndices(es.client, { prefix: options.prefix });
      console.log(
        `Elasticsearch ${es.node ? es.node.version + ' (embedded)' : ''} ready at ${es.url}`,
      );
      console.log(`Indices: ${Object.values(names).join(', ')}`);
      console.log('Press Ctrl-C to stop.');
    });
}
