import type { Client } from '@elastic/elasticsearch';
import type { FastifyInstance } from 'fastify';
import type { Logger } from '@kbn/core/server';
import type { IndexNames } from '../../common/indices';
import { createHostServer } from '../../plugin/host/host_server';
import { writeReports, type ReportToWrite } from '../../sidecar/src/reports/report_store';
import { RunRecorder } from '../../sidecar/src/runs/run_recorder';

/** Collects what the plugin logs, so a test can assert on it and the output stays quiet. */
export function memoryLogger(lines: string[] = []): Logger {
  const add = (level: string) => (message: string | Error) =>
    void lines.push(`${level}: ${message instanceof Error ? message.message : message}`);
  return {
    debug: add('debug'),
    info: add('info'),
    warn: add('warn'),
    error: add('error'),
    get: () => memoryLogger(lines),
  };
}

/** The standalone host (server plugin through the router adapter) for one index prefix. */
export function startTestHost(
  client: Client,
  indexPrefix: string,
  logger: Logger = memoryLogger(),
): Promise<FastifyInstance> {
  return createHostServer({ client, pluginConfig: { indexPrefix }, logger });
}

/**
 * Writes `reports` under a new analyses run and completes it, as the sidecar pipeline does;
 * returns the run id. `complete: false` leaves the run running (its reports stay invisible).
 */
export async function seedReportRun(
  client: Client,
  names: IndexNames,
  reports: ReportToWrite[],
  options: { complete?: boolean } = {},
): Promise<string> {
  const recorder = await RunRecorder.start(client, names.runs, 'analyses', ['reports']);
  await writeReports(client, names, recorder.runId, reports);
  await client.indices.refresh({ index: names.reports });
  if (options.complete ?? true) await recorder.complete();
  else await client.indices.refresh({ index: names.runs });
  return recorder.runId;
}
