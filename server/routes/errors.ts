import type { IKibanaResponse, KibanaResponseFactory, Logger } from '@kbn/core/server';

interface ElasticsearchErrorLike {
  meta?: { statusCode?: number; body?: { error?: { type?: string; reason?: string } } };
  message?: string;
}

/**
 * Maps an Elasticsearch failure to an answer the dashboard can show: a missing index means the
 * sidecar has not written anything yet (404), a 401/403 is the user's own privileges, anything
 * else is a 502 naming the cause.
 */
export function elasticsearchErrorResponse(
  response: KibanaResponseFactory,
  error: unknown,
  what: string,
  logger: Logger,
): IKibanaResponse {
  const es = error as ElasticsearchErrorLike;
  const statusCode = es.meta?.statusCode;
  const reason = es.meta?.body?.error?.reason ?? es.message ?? String(error);
  if (es.meta?.body?.error?.type === 'index_not_found_exception') {
    return response.notFound({
      body: {
        message: `${what}: no data yet (${reason}). Run the Customer Analytics sidecar to ingest and analyse.`,
      },
    });
  }
  if (statusCode === 401 || statusCode === 403) {
    return response.customError({ statusCode, body: { message: `${what}: ${reason}` } });
  }
  logger.error(`${what} failed: ${reason}`);
  return response.customError({
    statusCode: 502,
    body: { message: `${what}: Elasticsearch answered ${statusCode ?? 'nothing'}: ${reason}` },
  });
}
