import type { IRouter } from '@kbn/core/server';
import {
  ROUTES,
  reportParamsSchema,
  reportQuerySchema,
  type ReportResponse,
} from '../../common/routes';
import { readLatestReport } from '../services/reports_service';
import { elasticsearchErrorResponse } from './errors';
import { DELEGATED_TO_ELASTICSEARCH, type RouteDeps } from './route_deps';
import { fromZod } from './validation';

export function registerReportRoutes(router: IRouter, { indices, logger }: RouteDeps): void {
  router.get(
    {
      path: ROUTES.report,
      security: DELEGATED_TO_ELASTICSEARCH,
      validate: { params: fromZod(reportParamsSchema), query: fromZod(reportQuerySchema) },
      options: { access: 'public', summary: 'A report of the newest complete analyses run' },
    },
    async (context, request, response) => {
      const { report, type } = request.params;
      const { dimension } = request.query;
      const what = `report ${report}/${type} for dimension '${dimension}'`;
      const client = (await context.core).elasticsearch.client.asCurrentUser;
      try {
        const latest = await readLatestReport(client, indices, report, type, dimension);
        if (latest.found) return response.ok<ReportResponse>({ body: latest.report });
        const message =
          latest.reason === 'no_complete_run'
            ? `${what}: no analyses run has completed yet. Run \`customer-analytics run\` first.`
            : `${what}: not in the newest complete analyses run (unknown dimension, or no data for it).`;
        return response.notFound({ body: { message } });
      } catch (error) {
        return elasticsearchErrorResponse(response, error, what, logger);
      }
    },
  );
}
