import { Client } from '@elastic/elasticsearch';
import type { FastifyInstance } from 'fastify';
import type { EsCheck, Health } from '../../../../common/admin_api';
import { redact } from '../../sources/types';
import { JsonText, route } from '../http';
import { SharedAnswers } from '../shared_answers';
import { openApiDocument } from '../openapi';
import { isWritable } from '../work_folder';

const CHECK_TIMEOUT_MS = 5_000;
/** Health probes within this time of an answer share it (one cluster request, not one each). */
const HEALTH_SHARED_MS = 1_000;

/** Another cluster's client for the check only: short timeout, no retries. */
function checkClient(body: {
  url: string;
  api_key?: string;
  username?: string;
  password?: string;
}): Client {
  return new Client({
    node: body.url,
    requestTimeout: CHECK_TIMEOUT_MS,
    maxRetries: 0,
    ...(body.api_key
      ? { auth: { apiKey: body.api_key } }
      : body.username
        ? { auth: { username: body.username, password: body.password ?? '' } }
        : {}),
  });
}

export function systemRoutes(deps: { client: Client; esUrl: string; workFolder: string }) {
  const document = openApiDocument('1');
  return async (app: FastifyInstance) => {
    const healthAnswers = new SharedAnswers<{ status: number; body: JsonText }>(HEALTH_SHARED_MS);
    const health = async (): Promise<Health> => {
      const [elasticsearch, writable] = await Promise.all([
        deps.client.cluster
          .health({ local: true }, { requestTimeout: 2_000, maxRetries: 0 })
          .then(() => ({ reachable: true }))
          .catch((error: Error) => ({ reachable: false, error: error.message })),
        isWritable(deps.workFolder),
      ]);
      return {
        status: elasticsearch.reachable && writable ? 'ok' : 'degraded',
        elasticsearch,
        work_folder: { path: deps.workFolder, writable },
      };
    };
    const answer = async () => {
      const body = await health();
      return { status: body.status === 'ok' ? 200 : 503, body: new JsonText(JSON.stringify(body)) };
    };
    route(app, 'health', () => healthAnswers.get('health', answer));

    app.get('/openapi.json', async () => document);

    route(app, 'checkElasticsearch', async ({ body }) => {
      const own = body.url === undefined;
      const client = own ? deps.client : checkClient({ ...body, url: body.url! });
      const answer: EsCheck = {
        reachable: false,
        url: own ? deps.esUrl : body.url!,
        version: null,
        cluster_name: null,
        error: null,
        work_folder: { path: deps.workFolder, writable: await isWritable(deps.workFolder) },
      };
      try {
        // Not `GET /`: the integ-test distribution has no rest-root module.
        const options = { requestTimeout: CHECK_TIMEOUT_MS, maxRetries: 0 };
        const health = await client.cluster.health({}, options);
        const nodes = await client.nodes.info({ node_id: '_local', metric: '_none' }, options);
        Object.assign(answer, {
          reachable: true,
          version: Object.values(nodes.nodes)[0]?.version ?? null,
          cluster_name: health.cluster_name,
        });
      } catch (error) {
        answer.error = redact((error as Error).message, [body.password, body.api_key]);
      } finally {
        if (!own) await client.close();
      }
      return { body: answer };
    });
  };
}
