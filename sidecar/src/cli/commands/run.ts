import { InvalidArgumentError, Option, type Command } from 'commander';
import { DEFAULT_MAD_K } from '../../../../common/reports/anomalies';
import { analysesJob } from '../../jobs/analyses_job';
import { connectForJobs } from '../../jobs/elasticsearch';
import { analysisProgressPrinter } from '../analysis_progress';
import { sharedOptions } from '../options';

interface RunCommandOptions {
  only?: string[];
  prefix: string;
  now?: Date;
  keep: number;
  actions?: string[];
  customerActions?: string[];
  churnFactor: number;
  top: number;
  esPort: number;
  force?: boolean;
  anomalyK: number;
}

function parseList(value: string): string[] {
  const items = value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  if (items.length === 0) throw new InvalidArgumentError(`'${value}' lists nothing`);
  return items;
}

function parseInstant(value: string): Date {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    throw new InvalidArgumentError(
      `'${value}' is not a date/time (expected e.g. 2025-03-01T12:00:00Z)`,
    );
  }
  return date;
}

function parseMadK(value: string): number {
  const k = Number(value);
  if (!(Number.isFinite(k) && k > 0)) {
    throw new InvalidArgumentError(
      `'${value}' is not a number > 0 (the default is ${DEFAULT_MAD_K})`,
    );
  }
  return k;
}

export function registerRunCommand(program: Command): void {
  program
    .command('run')
    .description('compute every exploratory report for all and each dimension value, as one run')
    .option(
      '--only <reports>',
      'only these report families or ids (e.g. cohort,funnel/session_daily)',
      parseList,
    )
    .addOption(sharedOptions.prefix())
    .option('--now <iso>', 'reference time (default: the latest session_start)', parseInstant)
    .addOption(sharedOptions.keep())
    .option('--actions <names>', 'session actions in funnel order (default: discovered)', parseList)
    .option('--customer-actions <names>', 'dated customer actions in funnel order', parseList)
    .addOption(sharedOptions.churnFactor())
    .addOption(sharedOptions.top())
    .addOption(sharedOptions.esPort())
    .addOption(
      new Option('--anomaly-k <k>', 'anomalies: a point past median + k × MAD of its series')
        .argParser(parseMadK)
        .default(DEFAULT_MAD_K),
    )
    .option(
      '--force',
      'refit the weekly CLV models even when the last prediction is under 7 days old',
    )
    .action(async (options: RunCommandOptions) => {
      const es = await connectForJobs(options.esPort);
      try {
        const started = performance.now();
        const result = await analysesJob(es.client, {
          prefix: options.prefix,
          only: options.only,
          now: options.now,
          keep: options.keep,
          actions: options.actions,
          customerActions: options.customerActions,
          churnFactor: options.churnFactor,
          topN: options.top,
          force: options.force,
          anomalyMadK: options.anomalyK,
          onProgress: analysisProgressPrinter(),
        });
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        console.log(
          `run ${result.runId} complete in ${seconds} s: ${result.reports} reports, reference time ${result.referenceTime ?? '—'}, dimensions: ${result.dimensions.join(', ') || 'none'}`,
        );
      } finally {
        await es.close();
      }
    });
}
