import type { Command } from 'commander';
import { closeOnSignals, connectElasticsearch } from '../../es/elasticsearch';
import { ensureIndices } from '../../es/templates';
import { sharedOptions } from '../options';

export function registerElasticsearchCommand(program: Command): void {
  program
    .command('elasticsearch')
    .description('start the embedded Elasticsearch (or check ES_URL), create the indices, and wait')
    .addOption(sharedOptions.esPort('--port <port>'))
    .addOption(sharedOptions.prefix())
    .option('--node-name <name>', 'folder of the embedded node under .cache/nodes', 'main')
    .action(async (options: { port: number; prefix: string; nodeName: string }) => {
      const es = await connectElasticsearch({ nodeName: options.nodeName, port: options.port });
      closeOnSignals(es);
      const names = await ensureIndices(es.client, { prefix: options.prefix });
      console.log(
        `Elasticsearch ${es.node ? es.node.version + ' (embedded)' : ''} ready at ${es.url}`,
      );
      console.log(`Indices: ${Object.values(names).join(', ')}`);
      console.log('Press Ctrl-C to stop.');
    });
}
