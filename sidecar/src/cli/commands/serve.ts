import { join } from 'node:path';
import type { Command } from 'commander';
import type { ElasticsearchHandle } from '../../es/elasticsearch';
import { connectForJobs } from '../../jobs/elasticsearch';
import { CACHE_DIR } from '../../paths';
import { DEFAULT_SERVICE_PORT, startService, type RunningService } from '../../service/service';
import { parsePort, parsePositiveInt, sharedOptions } from '../options';

interface ServeOptions {
  host: string;
  port: number;
  prefix: string;
  esPort: number;
  workDir: string;
  abandonedAfter?: number;
}

/** The line `serve` prints once it listens, followed by the URL (tests and launchers read it). */
export const SERVE_READY_MARK = 'Admin API listening at ';

/** How the token was obtained, in one line (the token itself only when just generated). */
export function tokenLine(service: RunningService): string {
  const source = service.tokenSource;
  if (source.kind === 'env') return 'Admin token: from CA_ADMIN_TOKEN';
  if (source.created)
    return `Admin token (generated, saved 0600 in ${source.path}): ${service.token}`;
  return `Admin token: in ${source.path}`;
}

/**
 * SIGINT/SIGTERM: the schedules stop, a running run is marked interrupted, the server and then
 * Elasticsearch (when embedded) close. A second signal only says the stop is under way.
 */
export function stopServiceOnSignals(service: RunningService, es: ElasticsearchHandle): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return void console.error(`${signal}: still stopping, please wait…`);
    stopping = true;
    console.error(`\n${signal}: stopping the admin API…`);
    void service
      .close(`interrupted by ${signal}`)
      .catch((error: unknown) => console.error((error as Error).message))
      .finally(() => void es.close().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143)));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('run the sidecar as a service: admin API, schedules, run history')
    .option('--host <host>', 'address to bind (127.0.0.1: this machine only)', '127.0.0.1')
    .option('--port <port>', 'HTTP port of the admin API', parsePort, DEFAULT_SERVICE_PORT)
    .addOption(sharedOptions.prefix())
    .addOption(sharedOptions.esPort())
    .option('--work-dir <dir>', 'token, key file and run files', join(CACHE_DIR, 'service'))
    .option(
      '--abandoned-after <seconds>',
      'a running run silent this long is marked interrupted at start',
      parsePositiveInt,
    )
    .action(async (options: ServeOptions) => {
      const es = await connectForJobs(options.esPort);
      const service = await startService({
        client: es.client,
        esUrl: es.url,
        prefix: options.prefix,
        host: options.host,
        port: options.port,
        workFolder: options.workDir,
        ...(options.abandonedAfter ? { abandonedAfterMs: options.abandonedAfter * 1000 } : {}),
      });
      stopServiceOnSignals(service, es);
      console.log(tokenLine(service));
      console.log(`${SERVE_READY_MARK}${service.url}`);
    });
}
