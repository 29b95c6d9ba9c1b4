import type { IKibanaResponse, KibanaResponseFactory, Logger } from '@kbn/core/server';

interface ElasticsearchErrorLike {
  meta?: { statusCode?: number; body?: { error?: { type?: string; reason?: string } } };
  message?: string;
}

/**
 * Maps an Elasticsearch failure to an answer the dashboard can show: a missing index means the
 * sidecar has not written anything yet (404), a 401/403 is the user's own privileges (the reason
 * names the privilege to ask for), anything else is a 502. Index names and Elasticsearch's own
 * reasons for a 404 or 502 go to the server log, not to the browser.
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
    logger.debug(`${what}: ${reason}`);
    return response.notFound({
      body: {
        message: `${what}: no data yet. Run the Customer Analytics sidecar to ingest and analyse.`,
      },
    });
  }
  if (statusCode === 401 || statusCode === 403) {
    return response.customError({ statusCode, body: { message: `${what}: ${reason}` } });
  }
  logger.error(`${what} failed: ${reason}`);
  return response.customError({
    statusCode: 502,
    body: {
      message: `${what}: Elasticsearch could not answer (${statusCode ? `HTTP ${statusCode}` : 'no response'}); the server log has the details.`,
    },
  });
}
