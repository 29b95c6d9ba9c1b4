import type { IRouter } from '@kbn/core/server';
import { ROUTES, type DimensionsResponse } from '../../common/routes';
import { listDimensions } from '../services/dimensions_service';
import { elasticsearchErrorResponse } from './errors';
import { DELEGATED_TO_ELASTICSEARCH, type RouteDeps } from './route_deps';

export function registerDimensionRoutes(router: IRouter, { indices, logger }: RouteDeps): void {
  router.get(
    {
      path: ROUTES.dimensions,
      security: DELEGATED_TO_ELASTICSEARCH,
      validate: false,
      options: { access: 'public', summary: 'Dimension values of the orders, with all first' },
    },
    async (context, _request, response) => {
      const client = (await context.core).elasticsearch.client.asCurrentUser;
      try {
        const dimensions = await listDimensions(client, indices);
        return response.ok<DimensionsResponse>({ body: { dimensions } });
      } catch (error) {
        return elasticsearchErrorResponse(response, error, 'dimensions', logger);
      }
    },
  );
}
