import type { IRouter } from '@kbn/core/server';
import {
  SEGMENT_CUSTOMERS_PATH,
  segmentCustomersQuerySchema,
  type SegmentCustomersResponse,
} from '../../common/segment_customers';
import { segmentCustomers } from '../services/segment_customers_service';
import { elasticsearchErrorResponse } from './errors';
import { DELEGATED_TO_ELASTICSEARCH, type RouteDeps } from './route_deps';
import { fromZod } from './validation';

export function registerSegmentCustomerRoutes(router: IRouter, { indices, logger }: RouteDeps) {
  router.get(
    {
      path: SEGMENT_CUSTOMERS_PATH,
      security: DELEGATED_TO_ELASTICSEARCH,
      validate: { query: fromZod(segmentCustomersQuerySchema) },
      options: { access: 'public', summary: 'Top customers of one RFM segment, paged' },
    },
    async (context, request, response) => {
      const { scheme, segment, dimension } = request.query;
      const what = `customers of ${scheme} segment '${segment}' in dimension '${dimension}'`;
      const client = (await context.core).elasticsearch.client.asCurrentUser;
      try {
        const body = await segmentCustomers(client, indices, request.query);
        return response.ok<SegmentCustomersResponse>({ body });
      } catch (error) {
        return elasticsearchErrorResponse(response, error, what, logger);
      }
    },
  );
}
