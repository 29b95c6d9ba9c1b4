import type { Client } from '@elastic/elasticsearch';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Scheduler } from '../schedules/scheduler';
import type { ConfigStore } from './config_store';
import { answerErrors, requireToken } from './http';
import type { RunCoordinator } from './run_coordinator';
import { connectionRoutes } from './routes/connections';
import { runRoutes } from './routes/runs';
import { scheduleRoutes } from './routes/schedules';
import { systemRoutes } from './routes/system';

export interface ServerDeps {
  client: Client;
  esUrl: string;
  workFolder: string;
  token: string;
  logger: Logger;
  store: ConfigStore;
  coordinator: RunCoordinator;
  scheduler: Scheduler;
}

/**
 * The admin API: one Fastify plugin per route group, each endpoint from the contract in
 * common/admin_api.ts. Requests are not logged one by one (the run list is polled); changes
 * and failures are.
 */
export async function buildServer(deps: ServerDeps): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.logger as FastifyBaseLogger,
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 1024 * 1024,
  });
  requireToken(app, deps.token);
  answerErrors(app);
  await app.register(systemRoutes(deps));
  await app.register(connectionRoutes(deps.store));
  await app.register(scheduleRoutes(deps.store, deps.scheduler));
  await app.register(runRoutes(deps.coordinator));
  return app;
}
