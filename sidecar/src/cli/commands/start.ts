import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { DEFAULT_INDEX_PREFIX, indexNames } from '../../../../common/indices';
import { writeDemoFiles } from '../../demo/write_files';
import { closeOnSignals, connectElasticsearch } from '../../es/elasticsearch';
import { CACHE_DIR } from '../../es/paths';
import { ensureIndices } from '../../es/templates';
import { demoConfig } from '../../ingest/config';
import { ingest } from '../../ingest/ingest';
import { terminalProgress } from '../../ingest/progress';
import { formatSummary } from '../../ingest/summary';
import { runAnalyses } from '../../pipeline/run_analyses';
import { analysisProgressPrinter } from '../analysis_progress';
import { parseNonNegativeInt, parsePort, parsePositiveInt } from '../options';
import { ensurePluginBuilt } from '../plugin_build';
import { startUiHost } from '../ui_host';

interface StartOptions {
  esPort: number;
  uiPort: number;
  prefix: string;
  demo: boolean;
  reload?: boolean;
  ui: boolean;
  customers: number;
  days: number;
  seed: number;
}

/** The demo CSVs for these parameters, generated once and reused by later starts. */
async function demoFiles(options: StartOptions): Promise<string> {
  const directory = join(
    CACHE_DIR,
    'demo',
    `seed-${options.seed}-c${options.customers}-d${options.days}`,
  );
  if (existsSync(join(directory, 'ground-truth.json'))) return directory;
  console.log(
    `Generating demo data: ${options.customers} customers over ${options.days} days (seed ${options.seed})…`,
  );
  await writeDemoFiles(
    {
      customers: options.customers,
      days: options.days,
      seed: options.seed,
      start: '2025-01-06',
      dimensions: 3,
    },
    directory,
  );
  return directory;
}

/**
 * `npm start`: the whole product on one machine — Elasticsearch (embedded unless ES_URL), demo
 * data loaded when the orders index is empty, every analysis, and the UI.
 */
export function registerStartCommand(program: Command): void {
  program
    .command('start')
    .description('start Elasticsearch, load demo data, run every analysis, serve the UI')
    .option('--es-port <port>', 'HTTP port of the embedded Elasticsearch', parsePort, 9200)
    .option('--ui-port <port>', 'HTTP port of the UI', parsePort, 5602)
    .option('--prefix <prefix>', 'index name prefix', DEFAULT_INDEX_PREFIX)
    .option('--no-demo', 'do not load demo data, even into an empty cluster')
    .option('--reload', 'load the demo data again even when orders exist')
    .option('--no-ui', 'do not serve the UI (e.g. next to a real Kibana)')
    .option('--customers <n>', 'demo customers', parsePositiveInt, 5_000)
    .option('--days <d>', 'demo period in days', parsePositiveInt, 180)
    .option('--seed <s>', 'demo random seed', parseNonNegativeInt, 1)
    .action(async (options: StartOptions) => {
      const es = await connectElasticsearch({ nodeName: 'main', port: options.esPort });
      closeOnSignals(es);
      console.log(`Elasticsearch ${es.node ? `${es.node.version} (embedded)` : ''} at ${es.url}`);
      const names = await ensureIndices(es.client, { prefix: options.prefix });

      const { count: orderCount } = await es.client.count({ index: names.orders });
      if (options.demo && (orderCount === 0 || options.reload)) {
        const directory = await demoFiles(options);
        const progress = terminalProgress();
        try {
          const summary = await ingest(es.client, names, demoConfig(directory), {
            onProgress: progress.listener,
          });
          progress.stop();
          console.log(formatSummary(summary));
        } catch (error) {
          progress.stop();
          throw error;
        }
      } else {
        console.log(
          `${orderCount.toLocaleString('en')} sessions already in ${names.orders}: not loading demo data (--reload to force)`,
        );
      }

      const result = await runAnalyses(es.client, indexNames(options.prefix), {
        onProgress: analysisProgressPrinter(),
      });
      console.log(`Analyses run ${result.runId} complete: ${result.reports} reports.`);

      if (options.ui) {
        ensurePluginBuilt();
        const url = await startUiHost(es, {
          port: options.uiPort,
          host: '127.0.0.1',
          prefix: options.prefix,
        });
        console.log(`\nCustomer Analytics is ready: open ${url}`);
      }
      console.log('Press Ctrl-C to stop.');
    });
}
