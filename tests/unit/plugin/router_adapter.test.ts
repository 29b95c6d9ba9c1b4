import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify, { type FastifyInstance } from 'fastify';
import { Client } from '@elastic/elasticsearch';
import { z } from 'zod';
import {
  RouterAdapter,
  kibanaResponseFactory,
  toFastifyPath,
} from '../../../plugin/host/router_adapter';
import { fromZod } from '../../../server/routes/validation';
import { memoryLogger } from '../../helpers/host';

const SECURITY = { authz: { enabled: false, reason: 'test' } } as const;

describe('Kibana-like router adapter', () => {
  it('turns Kibana path parameters into Fastify ones', () => {
    expect(toFastifyPath('/api/x/reports/{report}/{type}')).toBe('/api/x/reports/:report/:type');
    expect(() => toFastifyPath('/api/x/{id?}')).toThrow('optional path parameter {id?}');
  });

  it('answers errors with Kibana’s body {statusCode, error, message}', () => {
    expect(kibanaResponseFactory.notFound({ body: { message: 'no such report' } })).toMatchObject({
      status: 404,
      payload: { statusCode: 404, error: 'Not Found', message: 'no such report' },
    });
    expect(
      kibanaResponseFactory.customError({ statusCode: 502, body: 'upstream down' }),
    ).toMatchObject({
      status: 502,
      payload: { statusCode: 502, error: 'Bad Gateway', message: 'upstream down' },
    });
    expect(kibanaResponseFactory.ok({ body: { a: 1 } })).toMatchObject({
      status: 200,
      payload: { a: 1 },
    });
  });

  describe('on Fastify', () => {
    const lines: string[] = [];
    let app: FastifyInstance;
    // Never contacted: these routes do not query Elasticsearch.
    const client = new Client({ node: 'http://127.0.0.1:9' });

    beforeAll(async () => {
      const router = new RouterAdapter();
      router.get(
        {
          path: '/api/test/echo/{name}',
          security: SECURITY,
          validate: {
            params: fromZod(z.object({ name: z.string().min(2, 'name is too short') })),
            query: fromZod(z.object({ times: z.coerce.number().int().default(1) })),
          },
        },
        async (_context, request, response) =>
          response.ok({ body: { echo: request.params.name.repeat(request.query.times) } }),
      );
      router.get(
        { path: '/api/test/unvalidated', security: SECURITY, validate: false },
        async (_context, request, response) => response.ok({ body: { query: request.query } }),
      );
      router.get({ path: '/api/test/throws', security: SECURITY, validate: false }, async () => {
        throw new Error('secret detail');
      });
      app = Fastify();
      router.mount(app, client, memoryLogger(lines));
      await app.ready();
    });

    afterAll(async () => {
      await app.close();
      await client.close();
    });

    it('hands the handler validated, parsed params and query', async () => {
      const response = await app.inject({ url: '/api/test/echo/ab?times=2' });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ echo: 'abab' });
    });

    it('answers 400 with the failing part named, without calling the handler', async () => {
      const response = await app.inject({ url: '/api/test/echo/a' });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        message: '[request params]: [name]: name is too short',
      });
    });

    it('gives a route with validate: false empty params and query, as Kibana does', async () => {
      const response = await app.inject({ url: '/api/test/unvalidated?x=1' });
      expect(response.json()).toEqual({ query: {} });
    });

    it('answers a throwing handler with a generic 500 and logs the cause', async () => {
      const response = await app.inject({ url: '/api/test/throws' });
      expect(response.statusCode).toBe(500);
      expect(response.json().message).toBe('An internal server error occurred.');
      expect(
        lines.some((line) =>
          line.startsWith('error: GET /api/test/throws failed: Error: secret detail'),
        ),
      ).toBe(true);
    });

    it('refuses a route that declares no security', () => {
      const router = new RouterAdapter();
      expect(() =>
        router.get(
          { path: '/x', validate: false } as unknown as Parameters<typeof router.get>[0],
          async (_c, _r, response) => response.ok(),
        ),
      ).toThrow('route GET /x declares no security');
    });
  });
});
