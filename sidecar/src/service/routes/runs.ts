import type { FastifyInstance } from 'fastify';
import { getRun, listLogs, listRuns } from '../../runs/run_queries';
import { HttpError, JsonText, route } from '../http';
import { RunBusyError, type RunCoordinator } from '../run_coordinator';
import { SharedAnswers } from '../shared_answers';

/** How long one run list answer serves its callers (the app polls every 2 s while a run is on). */
export const RUN_LIST_SHARED_MS = 1_000;

export function runRoutes(coordinator: RunCoordinator) {
  const { client } = coordinator;
  const runsIndex = coordinator.names.runs;
  return async (app: FastifyInstance) => {
    route(app, 'startRun', async ({ body }) => {
      try {
        const runId = await coordinator.trigger('run now', {
          skipIngest: body.skip_ingest,
          force: body.force,
        });
        return { status: 202, body: { run_id: runId } };
      } catch (error) {
        if (error instanceof RunBusyError) throw new HttpError(409, error.message);
        throw error;
      }
    });

    // Keyed by the coordinator's generation too: a run this process starts or ends shows at once.
    const runLists = new SharedAnswers<JsonText>(RUN_LIST_SHARED_MS);
    route(app, 'listRuns', async ({ query }) => {
      const key = [coordinator.generation, query.size, query.from, query.status ?? ''].join('|');
      const load = async () =>
        new JsonText(JSON.stringify(await listRuns(client, runsIndex, query)));
      return { body: await runLists.get(key, load) };
    });

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
