import type { CoreRequestHandlerContext, IRouter } from '@kbn/core/server';
import {
  annotationParamsSchema,
  annotationsQuerySchema,
  createAnnotationSchema,
  type Annotation,
  type AnnotationsResponse,
  type DeleteAnnotationResponse,
} from '../../common/annotations';
import { ROUTES } from '../../common/routes';
import {
  createAnnotation,
  deleteAnnotation,
  listAnnotations,
} from '../services/annotations_service';
import { listDimensions } from '../services/dimensions_service';
import { elasticsearchErrorResponse } from './errors';
import { DELEGATED_TO_ELASTICSEARCH, type RouteDeps } from './route_deps';
import { fromZod } from './validation';

/** Kibana's authenticated user, or null without the security plugin (comments are then anonymous). */
function currentUsername(core: CoreRequestHandlerContext): string | null {
  return core.security.authc.getCurrentUser()?.username ?? null;
}

/** Chart comments: list per chart and dimension, add, and delete one's own. Bodies are plain JSON. */
export function registerAnnotationRoutes(router: IRouter, { indices, logger }: RouteDeps): void {
  const index = indices.annotations;

  router.get(
    {
      path: ROUTES.annotations,
      security: DELEGATED_TO_ELASTICSEARCH,
      validate: { query: fromZod(annotationsQuerySchema) },
      options: { access: 'public', summary: 'Comments on a chart, newest first' },
    },
    async (context, request, response) => {
      const core = await context.core;
      const user = currentUsername(core);
      const client = core.elasticsearch.client.asCurrentUser;
      try {
        const annotations = await listAnnotations(client, index, request.query, user);
        return response.ok<AnnotationsResponse>({ body: { annotations, current_user: user } });
      } catch (error) {
        return elasticsearchErrorResponse(response, error, 'chart comments', logger);
      }
    },
  );

  router.post(
    {
      path: ROUTES.annotations,
      security: DELEGATED_TO_ELASTICSEARCH,
      validate: { body: fromZod(createAnnotationSchema) },
      options: { access: 'public', summary: 'Adds a comment to a chart' },
    },
    async (context, request, response) => {
      const core = await context.core;
      const client = core.elasticsearch.client.asCurrentUser;
      try {
        // The same list the dimension filter offers: a comment on any other value would never show.
        const dimensions = await listDimensions(client, indices);
        const { dimension } = request.body;
        if (!dimensions.includes(dimension)) {
          return response.badRequest({
            body: {
              message: `dimension '${dimension}' is not in the newest complete analyses run; known: ${dimensions.join(', ')}`,
            },
          });
        }
        const created = await createAnnotation(client, index, request.body, currentUsername(core));
        return response.ok<Annotation>({ body: created });
      } catch (error) {
        return elasticsearchErrorResponse(response, error, 'adding a chart comment', logger);
      }
    },
  );

  router.delete(
    {
      path: ROUTES.annotation,
      security: DELEGATED_TO_ELASTICSEARCH,
      validate: { params: fromZod(annotationParamsSchema) },
      options: { access: 'public', summary: 'Deletes a comment its caller wrote' },
    },
    async (context, request, response) => {
      const core = await context.core;
      const user = currentUsername(core);
      const { id } = request.params;
      try {
        const outcome = await deleteAnnotation(
          core.elasticsearch.client.asCurrentUser,
          index,
          id,
          user,
        );
        if (outcome.status === 'deleted') {
          return response.ok<DeleteAnnotationResponse>({ body: { id, deleted: true } });
        }
        if (outcome.status === 'missing') {
          return response.notFound({ body: { message: `comment ${id} does not exist` } });
        }
        const by = (name: string | null) => (name === null ? 'an anonymous user' : `'${name}'`);
        return response.forbidden({
          body: {
            message: `comment ${id} was written by ${by(outcome.author)}; only its author can delete it (you are ${by(user)})`,
          },
        });
      } catch (error) {
        return elasticsearchErrorResponse(response, error, `deleting chart comment ${id}`, logger);
      }
    },
  );
}
