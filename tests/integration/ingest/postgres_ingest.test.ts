import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@elastic/elasticsearch';
import { indexNames } from '../../../common/indices';
import type { IngestConfigInput, PostgresSourceConfig } from '../../../common/source_mapping';
import { ensureIndices } from '../../../sidecar/src/es/templates';
import { ingest } from '../../../sidecar/src/ingest/ingest';
import { PostgresSource } from '../../../sidecar/src/sources/postgres_source';
import { dropPrefix, testClient, testPrefix } from '../../helpers/es';
import { startTestPostgres, type TestPostgres } from '../../helpers/postgres';

describe('PostgreSQL sources (a real server)', () => {
  const prefix = testPrefix('ingest-pg');
  const names = indexNames(prefix);
  const work = mkdtempSync(join(tmpdir(), 'ingest-pg-'));
  let client: Client;
  let postgres: TestPostgres;
  const connection = () => ({
    type: 'postgres' as const,
    host: postgres.host,
    port: postgres.port,
    database: postgres.database,
    user: postgres.user,
  });

  beforeAll(async () => {
    client = testClient();
    await ensureIndices(client, { prefix });
    postgres = await startTestPostgres();
    await postgres.client.query(`
      CREATE SCHEMA shop;
      CREATE TABLE shop.sessions (id text, customer text, started timestamp, amount numeric(10,2), bought boolean, region text, basket_seen boolean);
      INSERT INTO shop.sessions VALUES
        ('o3', 'c2', '2025-03-02 12:00:00', 15.00, true, 'South', true),
        ('o1', 'c1', '2025-03-01 10:05:00', 25.50, true, 'North', true),
        ('o2', 'c1', '2025-03-01 18:00:00', NULL, false, 'North', false),
        ('o4', 'c2', '2025-03-03 09:00:00', -1, true, 'South', true);
      CREATE TABLE shop.customers (client text, downloaded timestamptz, country text);
      INSERT INTO shop.customers VALUES ('c1', '2025-02-28 08:00:00+00', 'DE'), ('c2', '2025-03-01 09:00:00+02', 'FR');
      CREATE TABLE shop.lines (order_id text, product text, category text, price numeric, quantity int);
      INSERT INTO shop.lines VALUES ('o3', 'tea', 'drinks', 5.00, 3), ('o1', 'cake', 'bakery', 25.50, 1);
    `);
  });
  afterAll(async () => {
    await postgres?.stop();
    await dropPrefix(client, prefix);
    await client.close();
  });

  it('ingests from tables (schema-qualified, sorted by the database) and from a parameterised query', async () => {
    const config: IngestConfigInput = {
      sessions: {
        source: { ...connection(), schema: 'shop', table: 'sessions' },
        columns: {
          order_id: 'id',
          client: 'customer',
          session_start: 'started',
          payment_amount: 'amount',
          purchased: 'bought',
          dimension: 'region',
        },
        actions: [{ name: 'has_basket', column: 'basket_seen' }],
      },
      customers: {
        source: {
          ...connection(),
          query: 'SELECT client, downloaded FROM shop.customers WHERE country IN ($1, $2)',
          params: ['DE', 'FR'],
        },
        columns: { download_date: 'downloaded' },
      },
      products: {
        source: { ...connection(), schema: 'shop', table: 'lines' },
        columns: { quantity: 'quantity' },
      },
      max_error_rate: 0.5,
    };
    const summary = await ingest(client, names, config, {
      errorsFile: join(work, 'errors.ndjson'),
    });
    expect(summary.rows_read).toEqual({ customers: 2, sessions: 4, products: 2 });
    expect(summary.indexed).toEqual({ orders: 3, downloads: 2 });
    expect(summary.rejected.by_reason).toEqual({ negative_amount: 1 });
    expect(summary.input_sorted).toEqual({ customers: true, sessions: true, products: true });

    const o3 = await client.get({ index: names.orders, id: 'o3' });
    expect(o3._source).toMatchObject({
      client: 'c2',
      session_start: '2025-03-02T12:00:00.000Z',
      payment_amount: 15,
      actions: { has_sessions: true, has_basket: true, purchased: true },
      basket: [{ product: 'tea', category: 'drinks', price: 5, quantity: 3 }],
    });
    const c2 = await client.get({ index: names.downloads, id: 'c2' });
    expect(c2._source).toMatchObject({ download_date: '2025-03-01T07:00:00.000Z' });
  });

  it('lists columns and returns a 5-row sample', async () => {
    const source = new PostgresSource({
      ...connection(),
      schema: 'shop',
      table: 'sessions',
      password: undefined,
      ssl: false,
      params: [],
      batch_size: 100,
    } as PostgresSourceConfig);
    expect(await source.columns()).toEqual([
      'id',
      'customer',
      'started',
      'amount',
      'bought',
      'region',
      'basket_seen',
    ]);
    const sample = await source.sample();
    expect(sample).toHaveLength(4);
    expect(sample[0]).toEqual({
      line: 1,
      values: {
        id: 'o3',
        customer: 'c2',
        started: '2025-03-02 12:00:00',
        amount: '15.00',
        bought: true,
        region: 'South',
        basket_seen: true,
      },
    });
  });

  it('refuses a table name that is not an identifier, and never shows the password', async () => {
    expect(
      () =>
        new PostgresSource({
          ...connection(),
          table: 'sessions; DROP TABLE x',
          ssl: false,
          params: [],
          batch_size: 100,
        } as PostgresSourceConfig),
    ).toThrow("table 'sessions; DROP TABLE x' is not a plain identifier");
    const wrongPort = new PostgresSource({
      ...connection(),
      port: 1,
      table: 'sessions',
      password: 's3cret-pw',
      ssl: false,
      params: [],
      batch_size: 100,
    } as PostgresSourceConfig);
    const error = (await wrongPort.columns().catch((e: unknown) => e)) as Error;
    expect(error.message).toContain(
      "cannot connect (PostgreSQL at 127.0.0.1:1, database 'postgres', user 'postgres')",
    );
    expect(error.message).not.toContain('s3cret-pw');
  });
});
