import type {
  CoreSetup,
  CoreStart,
  Logger,
  Plugin,
  PluginInitializerContext,
} from '@kbn/core/server';
import { indexNames } from '../common/indices';
import type { CustomerAnalyticsConfig } from './config';
import { registerAdminProxyRoutes } from './routes/admin_proxy';
import { registerAnnotationRoutes } from './routes/annotations';
import { registerDimensionRoutes } from './routes/dimensions';
import { registerReportRoutes } from './routes/reports';
import { registerSearchRoutes } from './routes/search';
import { registerSegmentCustomerRoutes } from './routes/segment_customers';

/** Registers the HTTP routes; everything else happens per request, on the user's behalf. */
export class CustomerAnalyticsServerPlugin implements Plugin {
  private readonly logger: Logger;
  private readonly config: CustomerAnalyticsConfig;

  constructor(initializerContext: PluginInitializerContext<CustomerAnalyticsConfig>) {
    this.logger = initializerContext.logger.get();
    this.config = initializerContext.config.get<CustomerAnalyticsConfig>();
  }

  setup(core: CoreSetup): void {
    const router = core.http.createRouter();
    const deps = { indices: indexNames(this.config.indexPrefix), logger: this.logger };
    registerReportRoutes(router, deps);
    registerDimensionRoutes(router, deps);
    registerAnnotationRoutes(router, deps);
    registerSegmentCustomerRoutes(router, deps);
    registerSearchRoutes(router, deps);
    registerAdminProxyRoutes(router, deps, this.config);
    this.logger.debug(`routes registered for index prefix '${this.config.indexPrefix}'`);
  }

  start(_core: CoreStart): void {}

  stop(): void {}
}
