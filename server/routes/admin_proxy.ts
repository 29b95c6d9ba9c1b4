import type { IRouter, RouteValidationFunction } from '@kbn/core/server';
import {
  ADMIN_ENDPOINTS,
  ADMIN_PROXY_BASE,
  adminPath,
  type AdminEndpoint,
} from '../../common/admin_api';
import { callSidecar } from '../services/admin_proxy_service';
import type { RouteDeps } from './route_deps';

/** The sidecar validates every field against the same contract; the proxy passes input on. */
const passThrough: RouteValidationFunction<Record<string, unknown>> = (data, { ok }) =>
  ok((data ?? {}) as Record<string, unknown>);

const ADMIN_AUTHZ = {
  authz: {
    enabled: false,
    reason:
      'Forwards to the sidecar admin API with its own token; access to the app is granted by Kibana feature privileges.',
  },
} as const;

/** Each admin endpoint under ADMIN_PROXY_BASE, forwarded to the sidecar (customerAnalytics.sidecarUrl). */
export function registerAdminProxyRoutes(
  router: IRouter,
  { logger }: RouteDeps,
  settings: { sidecarUrl: string; sidecarToken?: string },
): void {
  for (const endpoint of Object.values(ADMIN_ENDPOINTS) as AdminEndpoint[]) {
    const register = {
      GET: router.get,
      POST: router.post,
      PUT: router.put,
      DELETE: router.delete,
    }[endpoint.method].bind(router);
    register(
      {
        path: `${ADMIN_PROXY_BASE}${endpoint.path}`,
        security: ADMIN_AUTHZ,
        validate: {
          params: passThrough,
          query: passThrough,
          ...(endpoint.method === 'POST' || endpoint.method === 'PUT' ? { body: passThrough } : {}),
        },
        options: { access: 'internal', summary: endpoint.summary },
      },
      async (_context, request, response) => {
        const params = request.params as Record<string, string>;
        const path = adminPath(endpoint.path, params);
        const answer = await callSidecar(
          settings,
          endpoint,
          path,
          request.query as Record<string, unknown>,
          request.body,
        );
        if (answer.status >= 500)
          logger.warn(`admin ${endpoint.method} ${path}: sidecar answered ${answer.status}`);
        if (answer.status === 204) return response.noContent();
        if (answer.status < 300)
          return response.ok({ body: answer.body as Record<string, unknown> });
        const message =
          (answer.body as { message?: string } | null)?.message ??
          `sidecar answered ${answer.status}`;
        return response.customError({
          statusCode: answer.status,
          body: { message, attributes: answer.body as Record<string, unknown> },
        });
      },
    );
  }
}
