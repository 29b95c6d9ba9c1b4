import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type {
  ElasticsearchClient,
  HttpResponseOptions,
  IKibanaResponse,
  IRouter,
  KibanaRequest,
  KibanaResponseFactory,
  Logger,
  RequestHandler,
  RequestHandlerContext,
  ResponseError,
  RouteConfig,
  RouteRegistrar,
  RouteValidationFunction,
  RouteValidationResultFactory,
} from '@kbn/core/server';
import type { Client } from '@elastic/elasticsearch';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Who is asking, as Kibana's `core.security.authc.getCurrentUser()` would say; null = nobody. */
export type IdentifyUser = (request: FastifyRequest) => string | null;

const ANONYMOUS: IdentifyUser = () => null;

interface RegisteredRoute {
  method: Method;
  route: RouteConfig<unknown, unknown, unknown>;
  handler: RequestHandler<unknown, unknown, unknown>;
}

const REASON_PHRASES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

/**
 * A Kibana-like `IRouter` over Fastify, so the host runs the plugin's `server/` code unchanged:
 * `{param}` paths, validation functions per request part (a failure is Kibana's 400 body
 * `[request params]: …`), the response factory, and Kibana's error body
 * `{statusCode, error, message}` for every non-2xx answer.
 */
export class RouterAdapter implements IRouter {
  readonly routerPath = '';
  readonly routes: RegisteredRoute[] = [];

  readonly get = this.registrar('GET');
  readonly post = this.registrar('POST');
  readonly put = this.registrar('PUT');
  readonly patch = this.registrar('PATCH');
  readonly delete = this.registrar('DELETE');

  private registrar(method: Method): RouteRegistrar {
    return (route, handler) => {
      if (!route.security) throw new Error(`route ${method} ${route.path} declares no security`);
      this.routes.push({
        method,
        route: route as RouteConfig<unknown, unknown, unknown>,
        handler: handler as RequestHandler<unknown, unknown, unknown>,
      });
    };
  }

  /** Serves every registered route on `app`, querying Elasticsearch through `client`. */
  mount(
    app: FastifyInstance,
    client: Client,
    logger: Logger,
    identify: IdentifyUser = ANONYMOUS,
  ): void {
    for (const { method, route, handler } of this.routes) {
      app.route({
        method,
        url: toFastifyPath(route.path),
        handler: async (request, reply) => {
          const answer = await this.run(route, handler, request, client, logger, identify);
          await send(reply, answer);
        },
      });
    }
  }

  private async run(
    route: RouteConfig<unknown, unknown, unknown>,
    handler: RequestHandler<unknown, unknown, unknown>,
    request: FastifyRequest,
    client: Client,
    logger: Logger,
    identify: IdentifyUser,
  ): Promise<IKibanaResponse> {
    const validated: Record<'params' | 'query' | 'body', unknown> = {
      params: {},
      query: {},
      body: {},
    };
    if (route.validate) {
      for (const part of ['params', 'query', 'body'] as const) {
        const validate = route.validate[part] as RouteValidationFunction<unknown> | undefined;
        if (!validate) continue;
        const result = validate(request[part] ?? {}, VALIDATION_RESULT);
        if (result.error) {
          return kibanaResponseFactory.badRequest({
            body: { message: `[request ${part}]: ${result.error.message}` },
          });
        }
        validated[part] = result.value;
      }
    }
    const kibanaRequest: KibanaRequest = {
      ...validated,
      headers: request.headers,
      url: new URL(request.url, 'http://localhost'),
      route: { path: route.path, method: request.method.toLowerCase() },
    };
    try {
      return await handler(
        contextFor(client, request, identify),
        kibanaRequest,
        kibanaResponseFactory,
      );
    } catch (error) {
      logger.error(`${request.method} ${request.url} failed: ${(error as Error).stack ?? error}`);
      return kibanaResponseFactory.customError({
        statusCode: 500,
        body: { message: 'An internal server error occurred.' },
      });
    }
  }
}

const VALIDATION_RESULT: RouteValidationResultFactory = {
  ok: (value) => ({ value }),
  badRequest: (error, path) => ({
    error: Object.assign(typeof error === 'string' ? new Error(error) : error, { path }),
  }),
};

/**
 * Kibana scopes `asCurrentUser` to the caller's credentials; the host does the same by forwarding
 * the Authorization header, and falls back to its own client's credentials without one.
 */
function contextFor(
  client: Client,
  request: FastifyRequest,
  identify: IdentifyUser,
): RequestHandlerContext {
  const authorization = request.headers.authorization;
  const asCurrentUser: ElasticsearchClient = authorization
    ? client.child({ headers: { authorization } })
    : client;
  const username = identify(request);
  return {
    core: Promise.resolve({
      elasticsearch: { client: { asCurrentUser, asInternalUser: client } },
      security: { authc: { getCurrentUser: () => (username === null ? null : { username }) } },
    }),
  };
}

export function toFastifyPath(kibanaPath: string): string {
  return kibanaPath.replace(/\{([a-zA-Z0-9_]+)(\?)?\}/g, (_, name: string, optional?: string) => {
    if (optional) throw new Error(`optional path parameter {${name}?} is not supported`);
    return `:${name}`;
  });
}

function errorMessage(error: ResponseError | undefined, status: number): string {
  if (error === undefined) return REASON_PHRASES[status] ?? `HTTP ${status}`;
  if (typeof error === 'string') return error;
  if (error instanceof Error) return error.message;
  return typeof error.message === 'string' ? error.message : error.message.message;
}

function errorResponse(
  status: number,
  options: HttpResponseOptions<ResponseError> = {},
): IKibanaResponse {
  const attributes =
    options.body && typeof options.body === 'object' && 'attributes' in options.body
      ? options.body.attributes
      : undefined;
  return {
    status,
    payload: {
      statusCode: status,
      error: REASON_PHRASES[status] ?? 'Error',
      message: errorMessage(options.body, status),
      ...(attributes ? { attributes } : {}),
    },
    options,
  };
}

export const kibanaResponseFactory: KibanaResponseFactory = {
  ok: (options = {}) => ({ status: 200, payload: options.body, options }),
  noContent: (options = {}) => ({ status: 204, options }),
  badRequest: (options) => errorResponse(400, options),
  unauthorized: (options) => errorResponse(401, options),
  forbidden: (options) => errorResponse(403, options),
  notFound: (options) => errorResponse(404, options),
  conflict: (options) => errorResponse(409, options),
  customError: ({ statusCode, ...options }) => errorResponse(statusCode, options),
};

async function send(reply: FastifyReply, answer: IKibanaResponse): Promise<void> {
  reply.code(answer.status);
  for (const [name, value] of Object.entries(answer.options.headers ?? {})) {
    reply.header(name, value);
  }
  if (answer.status === 204 || answer.payload === undefined) return reply.send();
  await reply.send(answer.payload);
}
