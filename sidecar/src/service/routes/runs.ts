import type { FastifyInstance } from 'fastify';
import { getRun, listLogs, listRuns } from '../../runs/run_queries';
import { HttpError, route } from '../http';
import { RunBusyError, type RunCoordinator } from '../run_coordinator';

export function runRoutes(coordinator: RunCoordinator) {
  const { client } = coordinator;
  const runsIndex = coordinator.names.runs;
  return async (app: FastifyInstance) => {
    route(app, 'startRun', async ({ body }) => {
      try {
        const runId = await coordinator.trigger('run now', { skipIngest: body.skip_ingest });
        return { status: 202, body: { run_id: runId } };
      } catch (error) {
        if (error instanceof RunBusyError) throw new HttpError(409, error.message);
        throw error;
      }
    });

    route(app, 'listRuns', async ({ query }) => ({
      body: await listRuns(client, runsIndex, query),
    }));

    route(app, 'getRun', async ({ params }) => {
      const run = await getRun(client, runsIndex, params.id);
      if (!run) throw new HttpError(404, `no run ${params.id}`);
      return { body: run };
    });

    route(app, 'listLogs', async ({ query }) => ({
      body: await listLogs(client, runsIndex, query),
    }));
  };
}
