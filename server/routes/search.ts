import type { IRouter } from '@kbn/core/server';
import {
  ENTITY_PATH,
  SEARCH_PATH,
  entityParamsSchema,
  entityQuerySchema,
  searchQuerySchema,
  type EntityResponse,
  type SearchResponse,
} from '../../common/search';
import { entityView } from '../services/entity_service';
import { searchValues } from '../services/search_service';
import { elasticsearchErrorResponse } from './errors';
import { DELEGATED_TO_ELASTICSEARCH, type RouteDeps } from './route_deps';
import { fromZod } from './validation';

export function registerSearchRoutes(router: IRouter, { indices, logger }: RouteDeps) {
  router.get(
    {
      path: SEARCH_PATH,
      security: DELEGATED_TO_ELASTICSEARCH,
      validate: { query: fromZod(searchQuerySchema) },
      options: {
        access: 'public',
        summary: 'Products, categories, clients, promotions, dimension values by name',
      },
    },
    async (context, request, response) => {
      const client = (await context.core).elasticsearch.client.asCurrentUser;
      try {
        const body = await searchValues(client, indices, request.query);
        return response.ok<SearchResponse>({ body });
      } catch (error) {
        return elasticsearchErrorResponse(
          response,
          error,
          `search for '${request.query.q}'`,
          logger,
        );
      }
    },
  );

  router.get(
    {
      path: ENTITY_PATH,
      security: DELEGATED_TO_ELASTICSEARCH,
      validate: { params: fromZod(entityParamsSchema), query: fromZod(entityQuerySchema) },
      options: { access: 'public', summary: 'KPIs and daily charts of one searched value' },
    },
    async (context, request, response) => {
      const { type, value } = request.params;
      const what = `${type} '${value}' in dimension '${request.query.dimension}'`;
      const client = (await context.core).elasticsearch.client.asCurrentUser;
      try {
        const body = await entityView(client, indices, request.params, request.query);
        return response.ok<EntityResponse>({ body });
      } catch (error) {
        return elasticsearchErrorResponse(response, error, what, logger);
      }
    },
  );
}
