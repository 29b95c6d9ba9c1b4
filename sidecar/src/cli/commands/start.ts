import { join } from 'node:path';
import type { Command } from 'commander';
import { closeOnSignals } from '../../es/elasticsearch';
import { terminalProgress } from '../../ingest/progress';
import { formatSummary } from '../../ingest/summary';
import { connectForJobs } from '../../jobs/elasticsearch';
import { startJob, type StartEvent } from '../../jobs/start_job';
import { analysisProgressPrinter } from '../analysis_progress';
import { parseNonNegativeInt, parsePort, parsePositiveInt, sharedOptions } from '../options';
import { startUiHostBeside } from '../ui_launcher';
import { CACHE_DIR } from '../../paths';
import { serviceLogger } from '../../service/logger';
import { DEFAULT_SERVICE_PORT, startService, type RunningService } from '../../service/service';

interface StartOptions {
  esPort: number;
  uiPort: number;
  prefix: string;
  demo: boolean;
  reload?: boolean;
  rerun?: boolean;
  ui: boolean;
  admin: boolean;
  adminPort: number;
  customers: number;
  days: number;
  seed: number;
}

/** Prints what the start job reports, one line per step (ingest progress on a terminal bar). */
function startPrinter(): { onEvent: (event: StartEvent) => void; stop(): void } {
  const progress = terminalProgress();
  const analyses = analysisProgressPrinter();
  const onEvent = (event: StartEvent): void => {
    switch (event.kind) {
      case 'demo_generating': {
        const { customers, days, seed } = event.shop;
        console.log(
          `Generating demo data: ${customers} customers over ${days} days (seed ${seed})…`,
        );
        return;
      }
      case 'ingest_progress':
        return progress.listener(event.event);
      case 'ingested':
        progress.stop();
        return console.log(formatSummary(event.summary));
      case 'ingest_skipped':
        return console.log(
          `${event.sessions.toLocaleString('en')} sessions already in ${event.index}: not loading demo data (--reload to force)`,
        );
      case 'analyses_progress':
        return analyses(event.event);
      case 'analysed':
        return console.log(
          `Analyses run ${event.result.runId} complete: ${event.result.reports} reports.`,
        );
      case 'analyses_skipped':
        return console.log(
          `Nothing ingested since analyses run ${event.run.runId} (${event.run.finishedAt}): keeping its reports (--rerun to recompute)`,
        );
    }
  };
  return { onEvent, stop: () => progress.stop() };
}

/**
 * `npm start`: the whole product on one machine — Elasticsearch (embedded unless ES_URL), demo
 * data loaded when the orders index is empty, the analyses when something new was ingested, and
 * the UI, whose URL is the last line printed.
 */
export function registerStartCommand(program: Command): void {
  program
    .command('start')
    .description('start Elasticsearch, load demo data, run every analysis, serve the UI')
    .addOption(sharedOptions.esPort())
    .option('--ui-port <port>', 'HTTP port of the UI', parsePort, 5602)
    .addOption(sharedOptions.prefix())
    .option('--no-demo', 'do not load demo data, even into an empty cluster')
    .option('--reload', 'load the demo data again even when orders exist')
    .option('--rerun', 'run the analyses even when nothing was ingested since the last run')
    .option('--no-ui', 'do not serve the UI (e.g. next to a real Kibana)')
    .option('--no-admin', 'do not start the admin API (customer-analytics serve)')
    .option('--admin-port <port>', 'HTTP port of the admin API', parsePort, DEFAULT_SERVICE_PORT)
    .option('--customers <n>', 'demo customers', parsePositiveInt, 5_000)
    .option(
      '--days <d>',
      'demo period in days (400: the CLV backtest needs over a year)',
      parsePositiveInt,
      400,
    )
    .option('--seed <s>', 'demo random seed', parseNonNegativeInt, 1)
    .action(async (options: StartOptions) => {
      const es = await connectForJobs(options.esPort);
      let service: RunningService | null = null;
      // The admin API stops first, so a run it started is recorded interrupted before ES goes.
      closeOnSignals({
        ...es,
        close: async () => {
          await service?.close('interrupted by a signal').catch(() => undefined);
          await es.close();
        },
      });
      console.log(`Elasticsearch${es.node ? ` ${es.node.version} (embedded)` : ''} at ${es.url}`);
      const printer = startPrinter();
      try {
        await startJob(es.client, {
          prefix: options.prefix,
          demo: options.demo,
          reload: options.reload ?? false,
          rerun: options.rerun ?? false,
          shop: { customers: options.customers, days: options.days, seed: options.seed },
          onEvent: printer.onEvent,
        });
      } finally {
        printer.stop();
      }
      if (options.admin) {
        service = await startService({
          client: es.client,
          esUrl: es.url,
          prefix: options.prefix,
          host: '127.0.0.1',
          port: options.adminPort,
          workFolder: join(CACHE_DIR, 'service'),
          logger: serviceLogger({ level: process.env.LOG_LEVEL ?? 'warn' }),
        });
        // The UI host inherits it: its admin proxy sends it, the browser never gets it.
        process.env.CA_ADMIN_TOKEN ??= service.token;
        console.log(`Admin API at ${service.url} (token: ${service.token})`);
      }
      if (!options.ui) {
        console.log('Press Ctrl-C to stop.');
        return;
      }
      const url = await startUiHostBeside(
        {
          port: options.uiPort,
          host: '127.0.0.1',
          prefix: options.prefix,
          esPort: options.esPort,
          build: true,
          ...(service ? { sidecarUrl: service.url } : {}),
        },
        es.url,
      );
      console.log('Press Ctrl-C to stop Elasticsearch and the UI.');
      console.log(`\n  ➜  Customer Analytics is ready: open ${url}\n`);
    });
}
