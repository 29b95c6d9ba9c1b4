import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { indexNames, DEFAULT_INDEX_PREFIX } from '../../../../common/indices';
import { connectElasticsearch } from '../../es/elasticsearch';
import { ensureIndices } from '../../es/templates';
import { demoConfig, loadConfigFile } from '../../ingest/config';
import { ingest, IngestError } from '../../ingest/ingest';
import { terminalProgress } from '../../ingest/progress';
import { formatSummary } from '../../ingest/summary';
import { parsePort } from '../options';

interface IngestCommandOptions {
  config?: string;
  demo?: string;
  prefix: string;
  maxErrorRate?: number;
  errors?: string;
  esPort: number;
  json?: boolean;
}

function parseRate(value: string): number {
  const rate = Number(value.replace(/%$/, '')) / (value.endsWith('%') ? 100 : 1);
  if (!Number.isFinite(rate) || rate < 0 || rate > 1) {
    throw new InvalidArgumentError(`'${value}' is not a rate between 0 and 1 (or 0%–100%)`);
  }
  return rate;
}

/**
 * `customer-analytics ingest --config sources.yml` or `--demo DIR`: loads the sources into
 * `orders` and `downloads`, prints the summary, and exits non-zero when the ingest failed.
 */
export function registerIngestCommand(program: Command): void {
  program
    .command('ingest')
    .description('load sessions, customers and products into Elasticsearch (validated, idempotent)')
    .option('--config <file>', 'YAML or JSON file with the sources and column mappings')
    .option('--demo <dir>', 'the three CSVs written by `customer-analytics demo-data --out <dir>`')
    .option('--prefix <prefix>', 'index name prefix', DEFAULT_INDEX_PREFIX)
    .option(
      '--max-error-rate <rate>',
      'largest share of rejected rows (default: the config, 0.01)',
      parseRate,
    )
    .option('--errors <file>', 'error report path (default: .cache/runs/<run_id>/errors.ndjson)')
    .option(
      '--es-port <port>',
      'HTTP port of the embedded Elasticsearch (without ES_URL)',
      parsePort,
      9200,
    )
    .option('--json', 'print the summary as JSON')
    .action(async (options: IngestCommandOptions) => {
      if (Boolean(options.config) === Boolean(options.demo)) {
        throw new Error('give exactly one of --config <file> or --demo <dir>');
      }
      const config = options.config
        ? await loadConfigFile(options.config)
        : demoConfig(options.demo!);
      const es = await connectElasticsearch({ nodeName: 'main', port: options.esPort });
      const progress = terminalProgress();
      try {
        const names = indexNames(options.prefix);
        await ensureIndices(es.client, { prefix: options.prefix });
        const summary = await ingest(es.client, names, config, {
          maxErrorRate: options.maxErrorRate,
          errorsFile: options.errors,
          onProgress: progress.listener,
          bulk: {
            onRetry: (attempt, delayMs, cause) =>
              console.error(`retry ${attempt} in ${delayMs} ms: ${cause}`),
          },
        });
        progress.stop();
        console.log(options.json ? JSON.stringify(summary, null, 2) : formatSummary(summary));
      } catch (error) {
        progress.stop();
        if (error instanceof IngestError) console.error(formatSummary(error.summary));
        throw error;
      } finally {
        await es.close();
      }
    });
}
