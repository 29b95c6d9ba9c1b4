import type { Client } from '@elastic/elasticsearch';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Schedule } from '../../../common/admin_api';
import { indexNames } from '../../../common/indices';
import { ensureIndices } from '../es/templates';
import { markAbandonedRuns } from '../runs/abandoned_runs';
import { Scheduler } from '../schedules/scheduler';
import { ConfigStore } from './config_store';
import { serviceLogger } from './logger';
import { RunBusyError, RunCoordinator } from './run_coordinator';
import { SecretBox } from './secrets';
import { buildServer } from './server';
import { fileSecret } from './work_folder';

export const DEFAULT_SERVICE_PORT = 5603;

export interface ServiceOptions {
  client: Client;
  esUrl: string;
  prefix: string;
  host: string;
  port: number;
  workFolder: string;
  logger?: Logger;
  env?: NodeJS.ProcessEnv;
  /** Runs silent for longer are marked interrupted at start (abandoned_runs.ts). */
  abandonedAfterMs?: number;
  lockTtlMs?: number;
}

export interface RunningService {
  url: string;
  token: string;
  /** Where the token came from: CA_ADMIN_TOKEN, or the file (`created` the first time). */
  tokenSource: { kind: 'env' } | { kind: 'file'; path: string; created: boolean };
  app: FastifyInstance;
  coordinator: RunCoordinator;
  scheduler: Scheduler;
  interruptedAtStart: string[];
  /** Stops the schedules, marks a running run interrupted, closes the server. */
  close(reason?: string): Promise<void>;
}

async function adminToken(workFolder: string, env: NodeJS.ProcessEnv) {
  const configured = env.CA_ADMIN_TOKEN?.trim();
  if (configured) return { token: configured, source: { kind: 'env' as const } };
  const file = await fileSecret(workFolder, 'admin-token');
  return {
    token: file.value,
    source: { kind: 'file' as const, path: file.path, created: file.created },
  };
}

/** A schedule's firing: a run, or a refusal recorded by the coordinator; both noted on it. */
function firing(store: ConfigStore, coordinator: RunCoordinator, scheduler: Scheduler) {
  return async (schedule: Schedule): Promise<void> => {
    let runId: string;
    try {
      runId = await coordinator.trigger(`schedule '${schedule.name}'`);
    } catch (error) {
      if (!(error instanceof RunBusyError)) throw error;
      runId = error.refusedRunId;
    }
    const exists = await store.scheduleFired(schedule.id, runId, new Date());
    if (!exists) scheduler.remove(schedule.id);
  };
}

/**
 * The sidecar as a service: indices in place, runs of dead processes marked interrupted, the
 * stored schedules armed again, and the admin API listening (127.0.0.1 unless told otherwise).
 */
export async function startService(options: ServiceOptions): Promise<RunningService> {
  const env = options.env ?? process.env;
  const logger = options.logger ?? serviceLogger();
  const { client, prefix, workFolder } = options;
  const names = await ensureIndices(client, { prefix });
  const interruptedAtStart = await markAbandonedRuns(client, names.runs, options.abandonedAfterMs);
  for (const runId of interruptedAtStart) {
    logger.warn({ run_id: runId }, 'run of a stopped process marked interrupted');
  }
  const { token, source } = await adminToken(workFolder, env);
  const store = new ConfigStore(
    client,
    indexNames(prefix).config,
    await SecretBox.open(workFolder, env),
  );
  const coordinator = new RunCoordinator({
    client,
    esUrl: options.esUrl,
    prefix,
    store,
    logger,
    ...(options.lockTtlMs ? { lockTtlMs: options.lockTtlMs } : {}),
  });
  const scheduler: Scheduler = new Scheduler(
    (schedule) => fire(schedule),
    logger.child({ component: 'scheduler' }),
  );
  const fire = firing(store, coordinator, scheduler);
  for (const schedule of await store.listSchedules()) scheduler.add(schedule);

  const app = await buildServer({
    client,
    esUrl: options.esUrl,
    workFolder,
    token,
    logger,
    store,
    coordinator,
    scheduler,
  });
  const url = await app.listen({ host: options.host, port: options.port });
  logger.info({ url, schedules: scheduler.size }, 'admin API listening');
  let closing: Promise<void> | null = null;
  return {
    url,
    token,
    tokenSource: source,
    app,
    coordinator,
    scheduler,
    interruptedAtStart,
    close: (reason = 'the service stopped') =>
      (closing ??= (async () => {
        scheduler.stopAll();
        const runId = await coordinator.interrupt(reason);
        if (runId) logger.warn({ run_id: runId, reason }, 'run interrupted');
        await app.close();
      })()),
  };
}
