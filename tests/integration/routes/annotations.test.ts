import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Client } from '@elastic/elasticsearch';
import type { Annotation, AnnotationsResponse } from '../../../common/annotations';
import { indexNames } from '../../../common/indices';
import { createHostServer } from '../../../plugin/host/host_server';
import { ensureIndices } from '../../../sidecar/src/es/templates';
import { RunRecorder } from '../../../sidecar/src/runs/run_recorder';
import { dropPrefix, testClient, testPrefix } from '../../helpers/es';
import { memoryLogger } from '../../helpers/host';

const URL_BASE = '/api/customer_analytics/annotations';

/** The host as a user: its default user 'local', or `as` through the host's user header. */
function post(app: FastifyInstance, body: unknown, as?: string): Promise<LightMyRequestResponse> {
  return app.inject({
    method: 'POST',
    url: URL_BASE,
    payload: body as Record<string, unknown>,
    headers: { 'kbn-xsrf': 'true', ...(as ? { 'x-customer-analytics-user': as } : {}) },
  });
}

async function list(
  app: FastifyInstance,
  query: string,
  as?: string,
): Promise<AnnotationsResponse> {
  const response = await app.inject({
    method: 'GET',
    url: `${URL_BASE}?${query}`,
    headers: as ? { 'x-customer-analytics-user': as } : {},
  });
  expect(response.statusCode).toBe(200);
  return response.json<AnnotationsResponse>();
}

/** Sent the way Kibana's `http.fetch` does: a JSON content type, and no body. */
function remove(app: FastifyInstance, id: string, as?: string): Promise<LightMyRequestResponse> {
  return app.inject({
    method: 'DELETE',
    url: `${URL_BASE}/${id}`,
    headers: {
      'content-type': 'application/json',
      'kbn-xsrf': 'true',
      ...(as ? { 'x-customer-analytics-user': as } : {}),
    },
  });
}

/** Creates a comment and checks it was accepted; a short pause keeps created_at strictly ordered. */
async function add(
  app: FastifyInstance,
  body: Record<string, unknown>,
  as?: string,
): Promise<Annotation> {
  const response = await post(app, body, as);
  expect(response.statusCode, response.body).toBe(200);
  await sleep(5);
  return response.json<Annotation>();
}

describe('chart comment routes (/api/customer_analytics/annotations)', () => {
  const prefix = testPrefix('annotation-routes');
  const names = indexNames(prefix);
  let client: Client;
  let app: FastifyInstance;

  beforeAll(async () => {
    client = testClient();
    // Comments go to `all` or a dimension value of the newest complete analyses run.
    const run = await RunRecorder.start(client, names.runs, 'analyses', ['reports']);
    await run.complete({ dimensions: ['north', 'south'] });
    // No ensureIndices: the first comment must create the index itself.
    app = await createHostServer({
      client,
      pluginConfig: { indexPrefix: prefix },
      logger: memoryLogger(),
    });
  });

  afterAll(async () => {
    await app?.close();
    await dropPrefix(client, prefix);
    await client.close();
  });

  it('lists nothing before the annotations index exists', async () => {
    expect(await list(app, 'chart_id=overview.daily_orders')).toEqual({
      annotations: [],
      current_user: 'local',
    });
  });

  it('creates the index with the strict mapping on the first comment and stores the fields', async () => {
    const created = await add(app, {
      chart_id: 'overview.daily_orders',
      dimension: 'all',
      message: '  spike on 20 Feb: TV campaign \n',
      anchor_date: '2025-02-20',
    });
    expect(created).toMatchObject({
      chart_id: 'overview.daily_orders',
      dimension: 'all',
      author: 'local',
      anchor_date: '2025-02-20',
      message: 'spike on 20 Feb: TV campaign',
      can_delete: true,
    });
    expect(Math.abs(Date.parse(created.created_at) - Date.now())).toBeLessThan(60_000);

    const mapping = await client.indices.getMapping({ index: names.annotations });
    const mappings = mapping[names.annotations]?.mappings;
    expect(mappings?.dynamic).toBe('strict');
    expect(mappings?.properties?.chart_id).toEqual({ type: 'keyword' });
    expect(mappings?.properties?.anchor_date).toEqual({ type: 'date' });

    const stored = await client.get({ index: names.annotations, id: created.id });
    expect(stored._source).toEqual({
      chart_id: 'overview.daily_orders',
      dimension: 'all',
      author: 'local',
      created_at: created.created_at,
      anchor_date: '2025-02-20',
      message: 'spike on 20 Feb: TV campaign',
    });
    expect((await remove(app, created.id)).statusCode).toBe(200);
  });

  it('lists one chart and dimension, newest first, with can_delete for the caller', async () => {
    const a = await add(app, { chart_id: 'stats.orders', dimension: 'all', message: 'A' }, 'alice');
    await add(app, { chart_id: 'stats.orders', dimension: 'north', message: 'B' }, 'alice');
    await add(app, { chart_id: 'stats.revenue', dimension: 'all', message: 'C' }, 'alice');
    const d = await add(app, { chart_id: 'stats.orders', dimension: 'all', message: 'D' }, 'bob');

    const asAlice = await list(app, 'chart_id=stats.orders&dimension=all', 'alice');
    expect(asAlice.current_user).toBe('alice');
    expect(asAlice.annotations.map((c) => [c.message, c.author, c.can_delete])).toEqual([
      ['D', 'bob', false],
      ['A', 'alice', true],
    ]);
    expect(asAlice.annotations.map((c) => c.id)).toEqual([d.id, a.id]);
    expect(asAlice.annotations[1]?.anchor_date).toBeNull();

    const north = await list(app, 'chart_id=stats.orders&dimension=north');
    expect(north.annotations.map((c) => c.message)).toEqual(['B']);
    // Without a dimension the list is the one for `all`, as for reports.
    const defaulted = await list(app, 'chart_id=stats.orders', 'bob');
    expect(defaulted.annotations.map((c) => [c.message, c.can_delete])).toEqual([
      ['D', true],
      ['A', false],
    ]);
  });

  it('lets the author delete a comment (200), then it is gone (404)', async () => {
    const own = await add(
      app,
      { chart_id: 'delete.own', dimension: 'all', message: 'mine' },
      'carol',
    );
    const deleted = await remove(app, own.id, 'carol');
    expect(deleted.statusCode).toBe(200);
    expect(deleted.json()).toEqual({ id: own.id, deleted: true });
    expect((await list(app, 'chart_id=delete.own')).annotations).toEqual([]);

    const again = await remove(app, own.id, 'carol');
    expect(again.statusCode).toBe(404);
    expect(again.json()).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: `comment ${own.id} does not exist`,
    });
  });

  it("refuses to delete someone else's comment with 403 and keeps it", async () => {
    const theirs = await add(
      app,
      { chart_id: 'delete.other', dimension: 'all', message: 'x' },
      'dave',
    );
    const refused = await remove(app, theirs.id, 'erin');
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toEqual({
      statusCode: 403,
      error: 'Forbidden',
      message: `comment ${theirs.id} was written by 'dave'; only its author can delete it (you are 'erin')`,
    });
    expect((await list(app, 'chart_id=delete.other')).annotations.map((c) => c.id)).toEqual([
      theirs.id,
    ]);
  });

  it('anonymous comments (no known user) can be deleted only by an anonymous caller', async () => {
    const anonymousApp = await createHostServer({
      client,
      pluginConfig: { indexPrefix: prefix },
      logger: memoryLogger(),
      user: null,
    });
    try {
      const anonymous = await add(anonymousApp, {
        chart_id: 'delete.anonymous',
        dimension: 'all',
        message: 'who wrote this?',
      });
      expect(anonymous.author).toBeNull();
      expect(anonymous.can_delete).toBe(true);
      expect((await list(app, 'chart_id=delete.anonymous')).annotations[0]?.can_delete).toBe(false);

      const bySignedIn = await remove(app, anonymous.id);
      expect(bySignedIn.statusCode).toBe(403);
      expect(bySignedIn.json().message).toBe(
        `comment ${anonymous.id} was written by an anonymous user; only its author can delete it (you are 'local')`,
      );
      const signedIns = await add(app, {
        chart_id: 'delete.anonymous',
        dimension: 'all',
        message: 'mine',
      });
      expect((await remove(anonymousApp, signedIns.id)).statusCode).toBe(403);

      expect((await remove(anonymousApp, anonymous.id)).statusCode).toBe(200);
    } finally {
      await anonymousApp.close();
    }
  });

  it('refuses a comment on a dimension the newest complete run does not have (400), storing nothing', async () => {
    const response = await post(app, { chart_id: 'stats.orders', dimension: 'west', message: 'x' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message:
        "dimension 'west' is not in the newest complete analyses run; known: all, north, south",
    });
    expect((await list(app, 'chart_id=stats.orders&dimension=west')).annotations).toEqual([]);
  });

  it('before any complete run, accepts comments on all only', async () => {
    const fresh = testPrefix('annotation-routes-no-run');
    const freshApp = await createHostServer({
      client,
      pluginConfig: { indexPrefix: fresh },
      logger: memoryLogger(),
    });
    try {
      const north = await post(freshApp, { chart_id: 'c', dimension: 'north', message: 'x' });
      expect(north.statusCode).toBe(400);
      expect(north.json().message).toBe(
        "dimension 'north' is not in the newest complete analyses run; known: all",
      );
      expect(
        (await post(freshApp, { chart_id: 'c', dimension: 'all', message: 'x' })).statusCode,
      ).toBe(200);
    } finally {
      await freshApp.close();
      await dropPrefix(client, fresh);
    }
  });

  it('answers 404 for a comment id that never existed', async () => {
    const response = await remove(app, 'no-such-comment');
    expect(response.statusCode).toBe(404);
  });

  it.each([
    [
      'an upper-case chart id',
      { chart_id: 'Overview Daily', dimension: 'all', message: 'x' },
      '[request body]: [chart_id]: chart_id must be 1 to 100 characters of lowercase letters, digits, _, . or -',
    ],
    [
      'a chart id of 101 characters',
      { chart_id: 'a'.repeat(101), dimension: 'all', message: 'x' },
      '[request body]: [chart_id]: chart_id must be 1 to 100 characters of lowercase letters, digits, _, . or -',
    ],
    [
      'a message of blanks',
      { chart_id: 'c', dimension: 'all', message: ' \n\t ' },
      '[request body]: [message]: message must not be empty',
    ],
    [
      'a message of 1001 characters',
      { chart_id: 'c', dimension: 'all', message: 'm'.repeat(1001) },
      '[request body]: [message]: message is longer than 1000 characters',
    ],
    [
      'a day that does not exist',
      { chart_id: 'c', dimension: 'all', message: 'x', anchor_date: '2025-02-30' },
      '[request body]: [anchor_date]: anchor_date must be a calendar day written yyyy-mm-dd',
    ],
    [
      'a day in another format',
      { chart_id: 'c', dimension: 'all', message: 'x', anchor_date: '20/02/2025' },
      '[request body]: [anchor_date]: anchor_date must be a calendar day written yyyy-mm-dd',
    ],
    [
      'an empty dimension',
      { chart_id: 'c', dimension: '', message: 'x' },
      '[request body]: [dimension]: dimension must not be empty',
    ],
    [
      'an unknown field',
      { chart_id: 'c', dimension: 'all', message: 'x', author: 'mallory' },
      '[request body]: Unrecognized key: "author"',
    ],
  ])('rejects %s with 400 and says why', async (_name, body, message) => {
    const response = await post(app, body);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({ statusCode: 400, error: 'Bad Request', message });
  });

  it('rejects a body that is not JSON with 400', async () => {
    const response = await app.inject({
      method: 'POST',
      url: URL_BASE,
      headers: { 'content-type': 'application/json', 'kbn-xsrf': 'true' },
      payload: '{"chart_id": ',
    });
    expect(response.statusCode).toBe(400);
  });

  it('rejects a bad chart id when listing and a bad id when deleting', async () => {
    const listed = await app.inject({ method: 'GET', url: `${URL_BASE}?chart_id=../etc` });
    expect(listed.statusCode).toBe(400);
    expect(listed.json().message).toMatch(/^\[request query\]: \[chart_id\]: chart_id must be/);
    const missing = await app.inject({ method: 'GET', url: URL_BASE });
    expect(missing.statusCode).toBe(400);
    const deleted = await remove(app, 'a.b');
    expect(deleted.statusCode).toBe(400);
    expect(deleted.json().message).toBe(
      '[request params]: [id]: id must be 1 to 128 characters of A-Z a-z 0-9 _ -',
    );
  });

  it('returns markup in a message as a plain JSON string, never interpreted', async () => {
    const message = '<b>bold</b><script>alert(1)</script>';
    const created = await add(app, { chart_id: 'escape', dimension: 'all', message });
    const response = await app.inject({ method: 'GET', url: `${URL_BASE}?chart_id=escape` });
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.json<AnnotationsResponse>().annotations.map((c) => c.message)).toEqual([
      message,
    ]);
    expect(created.message).toBe(message);
  });

  it('lists at most the 200 newest comments', async () => {
    await ensureIndices(client, { prefix });
    const start = Date.parse('2025-01-01T00:00:00Z');
    await client.bulk({
      refresh: true,
      operations: Array.from({ length: 205 }, (_, i) => [
        { index: { _index: names.annotations } },
        {
          chart_id: 'many',
          dimension: 'all',
          author: 'bulk',
          created_at: new Date(start + i * 60_000).toISOString(),
          anchor_date: null,
          message: `comment ${i}`,
        },
      ]).flat(),
    });
    const { annotations } = await list(app, 'chart_id=many');
    expect(annotations).toHaveLength(200);
    expect(annotations[0]?.message).toBe('comment 204');
    expect(annotations[199]?.message).toBe('comment 5');
  });
});
