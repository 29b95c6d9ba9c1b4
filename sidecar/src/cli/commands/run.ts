import { InvalidArgumentError, type Command } from 'commander';
import { indexNames } from '../../../../common/indices';
import { connectElasticsearch } from '../../es/elasticsearch';
import { ensureIndices } from '../../es/templates';
import { runAnalyses } from '../../pipeline/run_analyses';
import { analysisProgressPrinter } from '../analysis_progress';
import { parsePort, parsePositiveInt } from '../options';

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

function parseFactor(value: string): number {
  const factor = Number(value);
  if (!(factor > 0)) throw new InvalidArgumentError(`'${value}' is not a positive number`);
  return factor;
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
    .option('--prefix <prefix>', 'index name prefix', 'customer-analytics-')
    .option('--now <iso>', 'reference time (default: the latest session_start)', parseInstant)
    .option('--keep <n>', 'complete runs to keep', parsePositiveInt, 5)
    .option('--actions <names>', 'session actions in funnel order (default: discovered)', parseList)
    .option('--customer-actions <names>', 'dated customer actions in funnel order', parseList)
    .option('--churn-factor <x>', 'churned after x × the expected gap', parseFactor, 2)
    .option('--top <n>', 'rows of the top products/categories/pairs reports', parsePositiveInt, 50)
    .option(
      '--es-port <port>',
      'HTTP port of the embedded node when ES_URL is unset',
      parsePort,
      9200,
    )
    .action(
      async (options: {
        only?: string[];
        prefix: string;
        now?: Date;
        keep: number;
        actions?: string[];
        customerActions?: string[];
        churnFactor: number;
        top: number;
        esPort: number;
      }) => {
        const es = await connectElasticsearch({ nodeName: 'main', port: options.esPort });
        try {
          await ensureIndices(es.client, { prefix: options.prefix });
          const started = performance.now();
          const result = await runAnalyses(es.client, indexNames(options.prefix), {
            only: options.only,
            now: options.now,
            keep: options.keep,
            actions: options.actions,
            customerActions: options.customerActions,
            churnFactor: options.churnFactor,
            topN: options.top,
            onProgress: analysisProgressPrinter(),
          });
          const seconds = ((performance.now() - started) / 1000).toFixed(1);
          console.log(
            `run ${result.runId} complete in ${seconds} s: ${result.reports} reports, reference time ${result.referenceTime ?? '—'}, dimensions: ${result.dimensions.join(', ') || 'none'}`,
          );
        } finally {
          await es.close();
        }
      },
    );
}
