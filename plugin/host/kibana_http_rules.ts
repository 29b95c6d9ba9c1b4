import { STATUS_CODES } from 'node:http';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from '@kbn/core/server';

/** Kibana's error body: what every non-2xx answer of the host looks like. */
export interface KibanaErrorBody {
  statusCode: number;
  error: string;
  message: string;
}

export function kibanaErrorBody(statusCode: number, message?: string): KibanaErrorBody {
  const error = STATUS_CODES[statusCode] ?? 'Error';
  return { statusCode, error, message: message ?? error };
}

/** Kibana's words for the XSRF refusal, verbatim, so a test written here holds in Kibana. */
export const XSRF_MESSAGE = 'Request must contain a kbn-xsrf header.';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Kibana refuses any state-changing request without `kbn-xsrf` (or the `kbn-version` its own
 * browser client sends) with a 400, whatever the route: a browser cannot add custom headers to a
 * cross-site form post, so the header proves the call came from a script of the same origin.
 */
export function requireXsrfHeader(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    if (SAFE_METHODS.has(request.method)) return;
    if (request.headers['kbn-xsrf'] !== undefined || request.headers['kbn-version'] !== undefined)
      return;
    await reply.code(400).send(kibanaErrorBody(400, XSRF_MESSAGE));
  });
}

/** Our words for the framework's refusals: what was wrong with the request, not where it failed. */
const FRAMEWORK_MESSAGES: Record<string, (error: FastifyError) => string> = {
  FST_ERR_MAX_PARAM_LENGTH: () =>
    'A path segment of the URL is too long (at most 100 characters): no such object exists.',
  FST_ERR_BAD_URL: () => 'The URL is not valid: a path segment is not correctly percent-encoded.',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: () =>
    'Unsupported content type: send the request body as application/json.',
  FST_ERR_CTP_BODY_TOO_LARGE: () => 'The request body is too large.',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: () =>
    'The Content-Length header does not match the request body.',
  FST_ERR_CTP_EMPTY_JSON_BODY: () => 'The request body is empty: send a JSON object.',
  FST_ERR_CTP_INVALID_JSON_BODY: () => 'The request body is not valid JSON.',
  FST_ERR_CTP_EMPTY_TYPE: () => 'The Content-Type header is empty: use application/json.',
  FST_ERR_CTP_INVALID_TYPE: () => 'The Content-Type header is not valid: use application/json.',
};

/** Thrown by the host's JSON body parser; mapped like the framework's own errors. */
export function invalidJsonBody(): FastifyError {
  return Object.assign(new Error('request body is not valid JSON'), {
    code: 'FST_ERR_CTP_INVALID_JSON_BODY',
    statusCode: 400,
    name: 'FastifyError',
  });
}

/**
 * The Kibana body for an error the framework raised before or around a route handler (the
 * adapter answers the handlers' own errors): a 4xx in our words, anything else Kibana's 500.
 */
export function frameworkErrorBody(error: FastifyError): KibanaErrorBody {
  const status = error.statusCode ?? 500;
  if (status < 400 || status >= 500) {
    return kibanaErrorBody(500, 'An internal server error occurred.');
  }
  const words = error.code ? FRAMEWORK_MESSAGES[error.code] : undefined;
  return kibanaErrorBody(status, words ? words(error) : undefined);
}

/** Fastify's `frameworkErrors` option: the router's refusals (bad URL, too long a parameter). */
export function answerRouterError(
  error: FastifyError,
  _request: FastifyRequest,
  reply: FastifyReply,
): void {
  const body = frameworkErrorBody(error);
  void reply.code(body.statusCode).type('application/json').send(body);
}

/**
 * Every answer the framework itself produces (router refusals, body parsing, unknown paths,
 * unexpected throws) in Kibana's `{ statusCode, error, message }` shape, never with Fastify's
 * codes or a parser's message; 5xx causes go to the log instead.
 */
export function kibanaShapedErrors(app: FastifyInstance, logger: Logger): void {
  const answer = async (
    error: FastifyError,
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<void> => {
    const body = frameworkErrorBody(error);
    if (body.statusCode >= 500) {
      logger.error(`${request.method} ${request.url} failed: ${error.stack ?? error.message}`);
    }
    await reply.code(body.statusCode).type('application/json').send(body);
  };
  app.setErrorHandler(answer);
  app.setNotFoundHandler(async (_request, reply) => {
    await reply.code(404).send(kibanaErrorBody(404));
  });
}
