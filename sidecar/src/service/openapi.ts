import { z } from 'zod';
import { ADMIN_ENDPOINTS, errorSchema, type AdminEndpoint } from '../../../common/admin_api';

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' });

function parameters(endpoint: AdminEndpoint) {
  const list: Array<Record<string, unknown>> = [];
  for (const where of ['params', 'query'] as const) {
    const schema = endpoint[where];
    if (!schema) continue;
    const object = jsonSchema(schema, 'input') as {
      properties?: Record<string, unknown>;
      required?: string[];
    };
    for (const [name, property] of Object.entries(object.properties ?? {})) {
      list.push({
        name,
        in: where === 'params' ? 'path' : 'query',
        required: where === 'params' || (object.required ?? []).includes(name),
        schema: property,
      });
    }
  }
  return list;
}

function operation(name: string, endpoint: AdminEndpoint) {
  const error = { content: { 'application/json': { schema: jsonSchema(errorSchema, 'output') } } };
  return {
    operationId: name,
    summary: endpoint.summary,
    ...(endpoint.open ? { security: [] } : {}),
    parameters: parameters(endpoint),
    ...(endpoint.body
      ? {
          requestBody: {
            required: !endpoint.body.safeParse(undefined).success,
            content: { 'application/json': { schema: jsonSchema(endpoint.body, 'input') } },
          },
        }
      : {}),
    responses: {
      [endpoint.response ? (endpoint.method === 'POST' ? '2XX' : '200') : '204']: {
        description: 'success',
        ...(endpoint.response
          ? { content: { 'application/json': { schema: jsonSchema(endpoint.response, 'output') } } }
          : {}),
      },
      ...(endpoint.open ? {} : { '401': { description: 'no or a wrong token', ...error } }),
      '400': { description: 'invalid input, field by field', ...error },
    },
  };
}

/** The OpenAPI 3.1 document of the admin API, from the contract's zod schemas. */
export function openApiDocument(version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [name, endpoint] of Object.entries(ADMIN_ENDPOINTS) as Array<
    [string, AdminEndpoint]
  >) {
    paths[endpoint.path] ??= {};
    paths[endpoint.path]![endpoint.method.toLowerCase()] = operation(name, endpoint);
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Customer Analytics sidecar admin API', version },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    security: [{ bearer: [] }],
    paths,
  };
}
