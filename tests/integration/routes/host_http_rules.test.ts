import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Client } from '@elastic/elasticsearch';
import { annotationPath, API_BASE, ROUTES } from '../../../common/routes';
import { dropPrefix, testClient, testPrefix } from '../../helpers/es';
import { memoryLogger, startTestHost } from '../../helpers/host';

const XSRF_REFUSAL = {
  statusCode: 400,
  error: 'Bad Request',
  message: 'Request must contain a kbn-xsrf header.',
};

const COMMENT = {
  chart_id: 'overview.daily_orders',
  dimension: 'all',
  message: 'spike on 20 Feb',
  anchor_date: '2025-02-20',
};

/** Nothing of the framework or its parsers shows through an error body. */
function expectNoInternals(response: LightMyRequestResponse): void {
  expect(response.body).not.toMatch(
    /FST_|fastify|JSON\.parse|Unexpected token|position \d|SyntaxError|at .*\.js/i,
  );
  expect(Object.keys(response.json<Record<string, unknown>>()).sort()).toEqual([
    'error',
    'message',
    'statusCode',
  ]);
}

describe('the standalone host follows Kibana HTTP rules', () => {
  const prefix = testPrefix('host-http-rules');
  const logLines: string[] = [];
  let client: Client;
  let app: FastifyInstance;

  beforeAll(async () => {
    client = testClient();
    app = await startTestHost(client, prefix, memoryLogger(logLines));
  });

  afterAll(async () => {
    await app?.close();
    await dropPrefix(client, prefix);
    await client.close();
  });

  it('refuses POST, PUT, PATCH and DELETE without kbn-xsrf with Kibana’s 400, before any route runs', async () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'] as const) {
      const response = await app.inject({
        method,
        url: method === 'POST' ? ROUTES.annotations : annotationPath('some-id'),
        payload: method === 'POST' ? COMMENT : undefined,
      });
      expect(response.statusCode, method).toBe(400);
      expect(response.json(), method).toEqual(XSRF_REFUSAL);
    }
    // The refused POST stored nothing: the comments index was never even created.
    expect(await client.indices.exists({ index: `${prefix}annotations` })).toBe(false);
  });

  it('accepts the same POST with kbn-xsrf (any value), or with kbn-version as Kibana’s own client sends', async () => {
    const withXsrf = await app.inject({
      method: 'POST',
      url: ROUTES.annotations,
      payload: COMMENT,
      headers: { 'kbn-xsrf': 'anything' },
    });
    expect(withXsrf.statusCode, withXsrf.body).toBe(200);
    const withVersion = await app.inject({
      method: 'POST',
      url: ROUTES.annotations,
      payload: COMMENT,
      headers: { 'kbn-version': '9.5.4' },
    });
    expect(withVersion.statusCode, withVersion.body).toBe(200);
  });

  it('GET needs no header', async () => {
    const response = await app.inject({ method: 'GET', url: ROUTES.dimensions });
    expect(response.statusCode).not.toBe(400);
  });

  it('a 200-character id is a 414 in Kibana’s shape and our words', async () => {
    const response = await app.inject({
      method: 'DELETE',
      url: annotationPath('x'.repeat(200)),
      headers: { 'kbn-xsrf': 'true' },
    });
    expect(response.statusCode).toBe(414);
    expect(response.json()).toEqual({
      statusCode: 414,
      error: 'URI Too Long',
      message:
        'A path segment of the URL is too long (at most 100 characters): no such object exists.',
    });
    expectNoInternals(response);
  });

  it('a body that is not JSON is a 400 saying so, not the parser’s message', async () => {
    const response = await app.inject({
      method: 'POST',
      url: ROUTES.annotations,
      payload: '{"chart_id": overview',
      headers: { 'kbn-xsrf': 'true', 'content-type': 'application/json' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'The request body is not valid JSON.',
    });
    expectNoInternals(response);
  });

  it('a body of another content type is a 415 naming the one to use', async () => {
    const response = await app.inject({
      method: 'POST',
      url: ROUTES.annotations,
      payload: 'chart_id=overview',
      headers: { 'kbn-xsrf': 'true', 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(response.statusCode).toBe(415);
    expect(response.json()).toEqual({
      statusCode: 415,
      error: 'Unsupported Media Type',
      message: 'Unsupported content type: send the request body as application/json.',
    });
  });

  it('a badly percent-encoded path is a 400 in Kibana’s shape', async () => {
    const response = await app.inject({ method: 'GET', url: `${API_BASE}/reports/%E0%A4%A/x` });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'The URL is not valid: a path segment is not correctly percent-encoded.',
    });
    expectNoInternals(response);
  });

  it('an unknown API path is Kibana’s bare 404, without echoing the method and path', async () => {
    const response = await app.inject({ method: 'GET', url: `${API_BASE}/nothing/here` });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ statusCode: 404, error: 'Not Found', message: 'Not Found' });
  });

  it('a body over the size limit is a 413 in our words', async () => {
    const response = await app.inject({
      method: 'POST',
      url: ROUTES.annotations,
      payload: JSON.stringify({ ...COMMENT, message: 'x'.repeat(1_100_000) }),
      headers: { 'kbn-xsrf': 'true', 'content-type': 'application/json' },
    });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toEqual({
      statusCode: 413,
      error: 'Payload Too Large',
      message: 'The request body is too large.',
    });
  });
});
