/**
 * Stand-in for the types of `@kbn/core/server` the plugin uses (see ../README.md). Shapes follow
 * Kibana 9.5; only the members the plugin touches are declared.
 */
import type { Client } from '@elastic/elasticsearch';
import type { Type } from '../config-schema';

/** Kibana hands plugins the client without its lifecycle methods. */
export type ElasticsearchClient = Omit<
  Client,
  'connectionPool' | 'serializer' | 'extend' | 'close' | 'diagnostic'
>;

export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string | Error): void;
  error(message: string | Error): void;
  get(...childContextPaths: string[]): Logger;
}

export interface PluginInitializerContext<ConfigSchema = unknown> {
  config: { get<T = ConfigSchema>(): T };
  logger: { get(...contextParts: string[]): Logger };
}

export interface PluginConfigDescriptor<T = unknown> {
  schema: Type<T>;
  exposeToBrowser?: { [K in keyof T]?: boolean };
}

export interface RouteValidationError extends Error {
  path?: string[];
}

export interface RouteValidationResultFactory {
  ok<T>(value: T): { value: T };
  badRequest(error: Error | string, path?: string[]): { error: RouteValidationError };
}

export type RouteValidationFunction<T> = (
  data: unknown,
  validationResult: RouteValidationResultFactory,
) => { value: T; error?: never } | { value?: never; error: RouteValidationError };

export interface RouteValidatorConfig<P, Q, B> {
  params?: RouteValidationFunction<P>;
  query?: RouteValidationFunction<Q>;
  body?: RouteValidationFunction<B>;
}

export type RouteSecurity =
  { authz: { enabled: false; reason: string } } | { authz: { requiredPrivileges: string[] } };

export interface RouteConfig<P, Q, B> {
  path: string;
  validate: RouteValidatorConfig<P, Q, B> | false;
  security: RouteSecurity;
  options?: { access?: 'public' | 'internal'; summary?: string; description?: string };
}

export interface KibanaRequest<P = unknown, Q = unknown, B = unknown> {
  readonly params: P;
  readonly query: Q;
  readonly body: B;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly url: URL;
  readonly route: { path: string; method: string };
}

export type ResponseError =
  string | Error | { message: string | Error; attributes?: Record<string, unknown> };

export interface HttpResponseOptions<T = unknown> {
  body?: T;
  headers?: Record<string, string>;
}

export interface IKibanaResponse<T = unknown> {
  readonly status: number;
  readonly payload?: T;
  readonly options: HttpResponseOptions<T>;
}

export interface KibanaResponseFactory {
  ok<T>(options?: HttpResponseOptions<T>): IKibanaResponse<T>;
  noContent(options?: HttpResponseOptions): IKibanaResponse;
  badRequest(options?: HttpResponseOptions<ResponseError>): IKibanaResponse;
  unauthorized(options?: HttpResponseOptions<ResponseError>): IKibanaResponse;
  forbidden(options?: HttpResponseOptions<ResponseError>): IKibanaResponse;
  notFound(options?: HttpResponseOptions<ResponseError>): IKibanaResponse;
  conflict(options?: HttpResponseOptions<ResponseError>): IKibanaResponse;
  customError(
    options: HttpResponseOptions<ResponseError> & { statusCode: number },
  ): IKibanaResponse;
}

/** Kibana's AuthenticatedUser; the plugin reads only the username. */
export interface AuthenticatedUser {
  username: string;
}

export interface CoreRequestHandlerContext {
  elasticsearch: {
    client: { asCurrentUser: ElasticsearchClient; asInternalUser: ElasticsearchClient };
  };
  /** Null when nobody is authenticated (Kibana without the security plugin). */
  security: { authc: { getCurrentUser(): AuthenticatedUser | null } };
}

export interface RequestHandlerContext {
  core: Promise<CoreRequestHandlerContext>;
}

export type RequestHandler<P = unknown, Q = unknown, B = unknown> = (
  context: RequestHandlerContext,
  request: KibanaRequest<P, Q, B>,
  response: KibanaResponseFactory,
) => Promise<IKibanaResponse> | IKibanaResponse;

export type RouteRegistrar = <P, Q, B>(
  route: RouteConfig<P, Q, B>,
  handler: RequestHandler<P, Q, B>,
) => void;

export interface IRouter {
  readonly routerPath: string;
  get: RouteRegistrar;
  post: RouteRegistrar;
  put: RouteRegistrar;
  patch: RouteRegistrar;
  delete: RouteRegistrar;
}

export interface CoreSetup {
  http: { createRouter(): IRouter };
}

// Kibana's CoreStart is much larger; the plugin uses none of it yet.
export type CoreStart = object;

export interface Plugin<TSetup = void, TStart = void> {
  setup(core: CoreSetup, plugins: object): TSetup;
  start(core: CoreStart, plugins: object): TStart;
  stop?(): void;
}
