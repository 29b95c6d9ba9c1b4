import Fastify, { type FastifyInstance } from 'fastify';
import type { Client } from '@elastic/elasticsearch';
import type { Logger } from '@kbn/core/server';
import { PLUGIN_ID, PUBLIC_PATHS, TARGET } from '../build/paths';
import {
  answerRouterError,
  invalidJsonBody,
  kibanaShapedErrors,
  requireXsrfHeader,
} from './kibana_http_rules';
import { consoleLogger } from './logger';
import type { IdentifyUser } from './router_adapter';
import { startServerPlugin } from './server_plugin';
import { shellPage } from './shell_page';
import { requestedDarkMode } from './theme_choice';
import { serveDirectory } from './static_files';

export interface HostOptions {
  client: Client;
  /** `customerAnalytics.*` settings, as they would appear in kibana.yml. */
  pluginConfig?: Record<string, unknown>;
  logger?: Logger;
  /**
   * The user the host reports to the plugin (Kibana's `getCurrentUser()`), e.g. as the author of
   * chart comments; null = nobody signed in. A request's `x-customer-analytics-user` header
   * overrides it: the host is a single-user local tool, so the header is trusted.
   */
  user?: string | null;
}

export const USER_HEADER = 'x-customer-analytics-user';
export const DEFAULT_HOST_USER = 'local';

function identifyUser(defaultUser: string | null): IdentifyUser {
  return (request) => {
    const header = request.headers[USER_HEADER];
    const named = (Array.isArray(header) ? header[0] : header)?.trim();
    return named ? named : defaultUser;
  };
}

/**
 * Kibana's `http.fetch` sends `content-type: application/json` on every call, DELETE included,
 * and Kibana accepts it without a body; Fastify's own JSON parser answers 400 for that.
 */
function acceptEmptyJsonBodies(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = String(body);
    if (text.trim() === '') return done(null, undefined);
    try {
      done(null, JSON.parse(text) as unknown);
    } catch {
      done(invalidJsonBody(), undefined);
    }
  });
}

/**
 * The standalone host: the plugin's server routes (through the router adapter), the shell page
 * for `/app/*`, and the built bundles, with Kibana's HTTP rules (kbn-xsrf on state-changing
 * requests, its error body for everything). Nothing here is known to `server/` or `public/`.
 */
export async function createHostServer(options: HostOptions): Promise<FastifyInstance> {
  const logger = options.logger ?? consoleLogger();
  const app = Fastify({ logger: false, frameworkErrors: answerRouterError });
  kibanaShapedErrors(app, logger);
  requireXsrfHeader(app);
  acceptEmptyJsonBodies(app);
  const stopPlugin = startServerPlugin(app, {
    client: options.client,
    rawConfig: options.pluginConfig ?? {},
    logger,
    identify: identifyUser(options.user === undefined ? DEFAULT_HOST_USER : options.user),
  });
  app.addHook('onClose', async () => stopPlugin());

  // Browsers ask for it on every page; an empty answer keeps the console clean.
  app.get('/favicon.ico', async (_request, reply) => reply.code(204).send());
  app.get('/', async (_request, reply) => reply.redirect(`/app/${PLUGIN_ID}`));
  app.get<{ Querystring: { theme?: string } }>('/app/*', async (request, reply) => {
    const darkMode = requestedDarkMode(request.query.theme, request.headers.cookie);
    return reply.type('text/html; charset=utf-8').send(shellPage({ darkMode }));
  });
  serveDirectory(app, PUBLIC_PATHS.plugin, TARGET.public);
  serveDirectory(app, PUBLIC_PATHS.sharedDeps, TARGET.sharedDeps);
  serveDirectory(app, PUBLIC_PATHS.host, TARGET.host);
  await app.ready();
  return app;
}
