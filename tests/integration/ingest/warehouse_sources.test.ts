import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bigquerySourceSchema, redshiftSourceSchema } from '../../../common/source_mapping';
import { BigquerySource } from '../../../sidecar/src/sources/bigquery_source';
import { RedshiftSource } from '../../../sidecar/src/sources/redshift_source';
import type { RawRow } from '../../../sidecar/src/sources/types';
import { fakeBigQuery, fakeRedshift, type FakeServer } from './fake_warehouses';

async function all(rows: AsyncIterable<RawRow>): Promise<RawRow[]> {
  const result: RawRow[] = [];
  for await (const row of rows) result.push(row);
  return result;
}

describe('BigQuery source against a local server speaking the REST API', () => {
  let server: FakeServer;
  beforeAll(async () => {
    server = await fakeBigQuery(
      [
        { name: 'order_id', type: 'STRING' },
        { name: 'started', type: 'TIMESTAMP' },
        { name: 'amount', type: 'NUMERIC' },
        { name: 'bought', type: 'BOOLEAN' },
        { name: 'items', type: 'INTEGER' },
        { name: 'day', type: 'DATE' },
      ],
      [
        ['o1', '1740837909000000', '25.50', 'true', '2', '2025-03-01'],
        ['o2', '1740841200500000', '0', 'false', '0', '2025-03-01'],
        ['o3', '1740924000000000', '12.25', 'true', '1', '2025-03-02'],
        ['o4', null, null, null, null, null],
        ['o5', '1741010400000000', '3', 'true', '3', '2025-03-03'],
      ],
      2,
    );
  });
  afterAll(() => server.close());

  const source = (fields: object) =>
    new BigquerySource(
      bigquerySourceSchema.parse({
        type: 'bigquery',
        project_id: 'shop-project',
        api_endpoint: server.url,
        page_size: 2,
        ...fields,
      }),
    );

  it('streams every page of a table, ordered as asked, with typed values as text', async () => {
    const rows = await all(
      source({ dataset: 'shop', table: 'sessions' }).rows({ orderBy: 'order_id' }),
    );
    expect(rows.map((row) => row.line)).toEqual([1, 2, 3, 4, 5]);
    expect(rows[0]).toEqual({
      line: 1,
      values: {
        order_id: 'o1',
        started: '2025-03-01T14:05:09.000Z',
        amount: '25.5',
        bought: true,
        items: 2,
        day: '2025-03-01',
      },
    });
    expect(rows[1]!.values.started).toBe('2025-03-01T15:00:00.500Z');
    expect(rows[3]!.values).toEqual({
      order_id: 'o4',
      started: null,
      amount: null,
      bought: null,
      items: null,
      day: null,
    });
    const first = server.requests.find((request) => request.method === 'POST')!;
    expect((first.body as { query: string }).query).toBe(
      'SELECT * FROM `shop-project.shop.sessions` ORDER BY `order_id`',
    );
    const pages = server.requests
      .filter((request) => request.method === 'GET')
      .map((request) => new URL(request.path, server.url).searchParams.get('pageToken'));
    expect(pages).toEqual(['offset-2', 'offset-4']);
  });

  it('lists columns and samples five rows', async () => {
    expect(await source({ query: 'SELECT * FROM shop.sessions' }).columns()).toEqual([
      'order_id',
      'started',
      'amount',
      'bought',
      'items',
      'day',
    ]);
    const sample = await source({ query: 'SELECT * FROM shop.sessions' }).sample();
    expect(sample.map((row) => row.values.order_id)).toEqual(['o1', 'o2', 'o3', 'o4', 'o5']);
  });

  it('reports an API error with the project and what failed', async () => {
    const error = (await all(source({ query: 'SELECT * FROM shop.missing_table' }).rows()).catch(
      (e: unknown) => e,
    )) as Error;
    expect(error.message).toContain(
      'query failed (bigquery shop-project query): Not found: Table shop-project:shop.missing_table was not found in location EU',
    );
  });
});

describe('Redshift source against a local server speaking the Data API', () => {
  let server: FakeServer;
  const previous = { id: process.env.AWS_ACCESS_KEY_ID, secret: process.env.AWS_SECRET_ACCESS_KEY };
  beforeAll(async () => {
    process.env.AWS_ACCESS_KEY_ID = 'AKIDTEST';
    process.env.AWS_SECRET_ACCESS_KEY = 'secret-test';
    server = await fakeRedshift(
      [
        { name: 'order_id', typeName: 'varchar' },
        { name: 'started', typeName: 'timestamp' },
        { name: 'amount', typeName: 'float8' },
        { name: 'bought', typeName: 'bool' },
        { name: 'items', typeName: 'int8' },
      ],
      [
        [
          { stringValue: 'o1' },
          { stringValue: '2025-03-01 14:05:09' },
          { doubleValue: 25.5 },
          { booleanValue: true },
          { longValue: 2 },
        ],
        [
          { stringValue: 'o2' },
          { stringValue: '2025-03-01 15:00:00' },
          { doubleValue: 0 },
          { booleanValue: false },
          { longValue: 0 },
        ],
        [
          { stringValue: 'o3' },
          { isNull: true },
          { isNull: true },
          { isNull: true },
          { isNull: true },
        ],
      ],
      2,
    );
  });
  afterAll(async () => {
    await server.close();
    process.env.AWS_ACCESS_KEY_ID = previous.id;
    process.env.AWS_SECRET_ACCESS_KEY = previous.secret;
    if (previous.id === undefined) delete process.env.AWS_ACCESS_KEY_ID;
    if (previous.secret === undefined) delete process.env.AWS_SECRET_ACCESS_KEY;
  });

  const source = (fields: object) =>
    new RedshiftSource(
      redshiftSourceSchema.parse({
        type: 'redshift',
        region: 'eu-west-1',
        workgroup_name: 'analytics',
        database: 'dev',
        secret_arn: 'arn:aws:secretsmanager:eu-west-1:1:secret:x',
        endpoint: server.url,
        poll_interval_ms: 10,
        ...fields,
      }),
    );

  it('executes, polls until finished, pages the result and converts typed fields', async () => {
    const rows = await all(
      source({ schema: 'shop', table: 'sessions', params: {} }).rows({ orderBy: 'order_id' }),
    );
    expect(rows).toEqual([
      {
        line: 1,
        values: {
          order_id: 'o1',
          started: '2025-03-01 14:05:09',
          amount: 25.5,
          bought: true,
          items: 2,
        },
      },
      {
        line: 2,
        values: {
          order_id: 'o2',
          started: '2025-03-01 15:00:00',
          amount: 0,
          bought: false,
          items: 0,
        },
      },
      {
        line: 3,
        values: { order_id: 'o3', started: null, amount: null, bought: null, items: null },
      },
    ]);
    const targets = server.requests.map((request) => request.headers['x-amz-target']);
    expect(targets).toEqual([
      'RedshiftData.ExecuteStatement',
      'RedshiftData.DescribeStatement',
      'RedshiftData.DescribeStatement',
      'RedshiftData.GetStatementResult',
      'RedshiftData.GetStatementResult',
    ]);
    // The SDK adds an idempotency ClientToken of its own.
    expect(server.requests[0]!.body).toMatchObject({
      Sql: 'SELECT * FROM "shop"."sessions" ORDER BY "order_id"',
      Database: 'dev',
      WorkgroupName: 'analytics',
      SecretArn: 'arn:aws:secretsmanager:eu-west-1:1:secret:x',
    });
    expect((server.requests[4]!.body as { NextToken: string }).NextToken).toBe('token-2');
  });

  it('binds named parameters and lists columns', async () => {
    const query = source({
      query: 'SELECT * FROM shop.sessions WHERE region = :region',
      params: { region: 'North' },
    });
    expect(await query.columns()).toEqual(['order_id', 'started', 'amount', 'bought', 'items']);
    const execute = server.requests
      .filter((request) => request.headers['x-amz-target'] === 'RedshiftData.ExecuteStatement')
      .at(-1)!;
    expect(execute.body).toMatchObject({
      Sql: 'SELECT * FROM (SELECT * FROM shop.sessions WHERE region = :region) AS source LIMIT 0',
      Parameters: [{ name: 'region', value: 'North' }],
    });
  });

  it('reports a failed statement with its error', async () => {
    const error = (await all(source({ query: 'SELECT * FROM shop.missing_table' }).rows()).catch(
      (e: unknown) => e,
    )) as Error;
    expect(error.message).toMatch(
      /^statement stmt-\d+ failed \(redshift workgroup analytics\/dev query, region eu-west-1\): ERROR: relation "shop.missing_table" does not exist$/,
    );
  });
});
