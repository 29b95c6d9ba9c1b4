import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import {
  ADMIN_ENDPOINTS,
  type AdminEndpoint,
  type AdminEndpointName,
  type AdminError,
} from '../../../common/admin_api';

type Field = { path: string; message: string };

/** Input that does not validate: a 400 naming each field (`body.source.path`, `query.size`). */
export class InputError extends Error {
  constructor(readonly fields: Field[]) {
    super(fields.map((field) => `${field.path}: ${field.message}`).join('; '));
    this.name = 'InputError';
  }
}

/** An answer other than 2xx that the handler chose (404, 409). */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
  }
}

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
};

export function errorBody(statusCode: number, message: string, fields?: Field[]): AdminError {
  return {
    statusCode,
    error: REASONS[statusCode] ?? 'Error',
    message,
    ...(fields ? { fields } : {}),
  };
}

export function parsePart<S extends z.ZodType>(
  schema: S,
  value: unknown,
  part: string,
): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new InputError(
    parsed.error.issues.map((issue) => ({
      path: [part, ...issue.path.map(String)].join('.'),
      message: issue.message,
    })),
  );
}

type Input<E extends AdminEndpoint> = {
  params: E['params'] extends z.ZodType ? z.output<E['params']> : Record<string, never>;
  query: E['query'] extends z.ZodType ? z.output<E['query']> : Record<string, never>;
  body: E['body'] extends z.ZodType ? z.output<E['body']> : undefined;
};

export type Handler<N extends AdminEndpointName> = (
  input: Input<(typeof ADMIN_ENDPOINTS)[N]>,
  request: FastifyRequest,
) => Promise<{ status?: number; body: unknown } | null>;

/**
 * A body serialised once for many callers: polled endpoints share one answer per second, and
 * serialising it again for each of 50 clients was most of their per-request work.
 */
export class JsonText {
  constructor(readonly text: string) {}
}

/** `{role}` → `:role`. */
const fastifyPath = (path: string) => path.replace(/\{([a-z_]+)\}/g, ':$1');

/**
 * Registers endpoint `name` of the contract: its input validated by the contract's schemas.
 * `ownBody`: the handler validates the body itself with a narrower schema (a connection's body
 * depends on its role), so its messages name the fields instead of "no union member matched".
 */
export function route<N extends AdminEndpointName>(
  app: FastifyInstance,
  name: N,
  handler: Handler<N>,
  options: { ownBody?: boolean } = {},
): void {
  const endpoint: AdminEndpoint = ADMIN_ENDPOINTS[name];
  app.route({
    method: endpoint.method,
    url: fastifyPath(endpoint.path),
    config: { open: endpoint.open === true },
    handler: async (request, reply) => {
      const input = {
        params: endpoint.params ? parsePart(endpoint.params, request.params, 'params') : {},
        query: endpoint.query ? parsePart(endpoint.query, request.query ?? {}, 'query') : {},
        body:
          endpoint.body && !options.ownBody
            ? parsePart(endpoint.body, request.body ?? {}, 'body')
            : undefined,
      } as Input<(typeof ADMIN_ENDPOINTS)[N]>;
      const answer = await handler(input, request);
      if (answer === null) return reply.code(204).send();
      if (answer.body instanceof JsonText) {
        return reply
          .code(answer.status ?? 200)
          .type('application/json; charset=utf-8')
          .send(answer.body.text);
      }
      return reply.code(answer.status ?? 200).send(answer.body);
    },
  });
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/**
 * Every route but the open ones (health) needs `Authorization: Bearer <token>`. Comparing
 * SHA-256 digests with timingSafeEqual takes the same time whatever the token's length or
 * where it differs.
 */
export function requireToken(app: FastifyInstance, token: string): void {
  const expected = digest(token);
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if ((request.routeOptions.config as { open?: boolean }).open) return;
    const header = request.headers.authorization ?? '';
    const given = header.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : '';
    if (given && timingSafeEqual(digest(given), expected)) return;
    reply.header('www-authenticate', 'Bearer realm="customer-analytics"');
    return reply
      .code(401)
      .send(errorBody(401, given ? 'the token is not valid' : 'a bearer token is required'));
  });
}

/** Errors as `{statusCode, error, message, fields?}`; details of 5xx go to the log only. */
export function answerErrors(app: FastifyInstance): void {
  app.setErrorHandler((error: Error & { statusCode?: number }, request, reply) => {
    if (error instanceof InputError) {
      return reply.code(400).send(errorBody(400, error.message, error.fields));
    }
    if (error instanceof HttpError) {
      return reply.code(error.statusCode).send(errorBody(error.statusCode, error.message));
    }
    const status = error.statusCode ?? 500;
    if (status < 500) return reply.code(status).send(errorBody(status, error.message));
    request.log.error({ error: error.message, url: request.url }, 'request failed');
    return reply.code(500).send(errorBody(500, 'internal error; the sidecar log has the details'));
  });
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send(errorBody(404, `no endpoint ${request.method} ${request.url}`)),
  );
}
