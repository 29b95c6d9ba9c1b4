import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { IngestError } from '../../ingest/ingest';
import { IngestInterrupted } from '../../ingest/interruption';
import { terminalProgress } from '../../ingest/progress';
import { formatSummary } from '../../ingest/summary';
import { connectForJobs } from '../../jobs/elasticsearch';
import { ingestJob, loadIngestSource } from '../../jobs/ingest_job';
import { abortOnSignals } from '../abort_on_signals';
import { sharedOptions } from '../options';

interface IngestCommandOptions {
  config?: string;
  demo?: string;
  prefix: string;
  maxErrorRate?: number;
  allowShrink?: boolean;
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
    .addOption(sharedOptions.prefix())
    .option(
      '--max-error-rate <rate>',
      'largest share of rejected rows (default: the config, 0.01)',
      parseRate,
    )
    .option(
      '--allow-shrink',
      'publish even if a live index would lose more than half its documents (config: allow_shrink)',
    )
    .option('--errors <file>', 'error report path (default: .cache/runs/<run_id>/errors.ndjson)')
    .addOption(sharedOptions.esPort())
    .option('--json', 'print the summary as JSON')
    .action(async (options: IngestCommandOptions) => {
      if (Boolean(options.config) === Boolean(options.demo)) {
        throw new Error('give exactly one of --config <file> or --demo <dir>');
      }
      const config = await loadIngestSource(
        options.config ? { configFile: options.config } : { demoDirectory: options.demo! },
      );
      const es = await connectForJobs(options.esPort);
      // Ctrl-C / SIGTERM: the ingest deletes its staging indices and records its run
      // `interrupted` before the embedded node (if any) is stopped in `finally`.
      const stop = abortOnSignals('the ingest');
      const progress = terminalProgress();
      let interrupted = false;
      try {
        const summary = await ingestJob(es.client, {
          prefix: options.prefix,
          config,
          maxErrorRate: options.maxErrorRate,
          allowShrink: options.allowShrink,
          errorsFile: options.errors,
          signal: stop.signal,
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
        if (error instanceof IngestInterrupted) {
          console.error(error.message);
          interrupted = true;
          return;
        }
        if (error instanceof IngestError) console.error(formatSummary(error.summary));
        throw error;
      } finally {
        await es.close();
        stop.release();
        // The stopped load may still hold timers or sockets: leave now, with 130 or 143.
        if (interrupted) process.exit(stop.exitCode() ?? 1);
      }
    });
}
