import { readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@elastic/elasticsearch';
import { indexNames } from '../../../common/indices';
import type { IngestConfigInput } from '../../../common/source_mapping';
import { ensureIndices } from '../../../sidecar/src/es/templates';
import { ingest, IngestError } from '../../../sidecar/src/ingest/ingest';
import { dropPrefix, testClient, testPrefix } from '../../helpers/es';

const FIXTURES = resolve(__dirname, '../../fixtures/ingest/csv');

function fixtureConfig(maxErrorRate: number): IngestConfigInput {
  return {
    sessions: {
      source: { type: 'csv', path: join(FIXTURES, 'sessions.csv') },
      columns: {
        session_end: 'session_end',
        discount_amount: 'discount_amount',
        promotion_id: 'promotion_id',
        dimension: 'dimension',
      },
      actions: ['has_basket'],
    },
    customers: {
      source: { type: 'csv', path: join(FIXTURES, 'customers.csv') },
      columns: { signup_date: 'signup_date' },
    },
    products: {
      source: { type: 'csv', path: join(FIXTURES, 'products.csv') },
      columns: { quantity: 'quantity' },
    },
    max_error_rate: maxErrorRate,
  };
}

function readReport(
  file: string,
): Array<{ source: string; line: number; field: string; value: string | null; reason: string }> {
  return readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .filter((line) => line.length > 0)
    .map(
      (line) =>
        JSON.parse(line) as {
          source: string;
          line: number;
          field: string;
          value: string | null;
          reason: string;
        },
    );
}

describe('CSV ingest of hand-checkable fixtures', () => {
  const prefix = testPrefix('ingest-csv');
  const names = indexNames(prefix);
  const work = mkdtempSync(join(tmpdir(), 'ingest-csv-'));
  let client: Client;

  beforeAll(async () => {
    client = testClient();
    await ensureIndices(client, { prefix });
  });
  afterAll(async () => {
    await dropPrefix(client, prefix);
    await client.close();
  });

  it('fails above the maximum error rate without writing anything, and says why', async () => {
    const errorsFile = join(work, 'refused.ndjson');
    const failure = await ingest(client, names, fixtureConfig(0.01), {
      errorsFile,
      chunkRecords: 2,
    }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(IngestError);
    const error = failure as IngestError;
    // The budget is per source: each source is judged on its own rows.
    expect(error.message).toContain(
      'customers source customers.csv: 1 of 4 rows were rejected (25.00 %), above the maximum error rate of 1.00 %; ' +
        'sessions source sessions.csv: 6 of 11 rows were rejected (54.55 %), above the maximum error rate of 1.00 %; ' +
        'products source products.csv: 3 of 6 rows were rejected (50.00 %), above the maximum error rate of 1.00 %: nothing was written',
    );
    expect(error.summary.rejected.total).toBe(10);
    expect((await client.count({ index: names.orders })).count).toBe(0);
    expect((await client.count({ index: names.downloads })).count).toBe(0);
    // The 9 malformed rows, then what the (discarded) load also found: a duplicate, an unmatched line.
    expect(readReport(errorsFile).map(({ reason }) => reason)).toEqual([
      'invalid_date',
      'invalid_number',
      'end_before_start',
      'negative_amount',
      'invalid_boolean',
      'missing_value',
      'invalid_date',
      'invalid_number',
      'invalid_quantity',
      'duplicate_order_id',
      'unmatched_product',
    ]);
    const run = await client.get<{ status: string; error: string }>({
      index: names.runs,
      id: error.summary.run_id,
    });
    expect(run._source!.status).toBe('failed');
    expect(run._source!.error).toContain('above the maximum error rate');
  });

  it('indexes the valid rows, rejects each malformed row with its reason, and reports every line', async () => {
    const errorsFile = join(work, 'errors.ndjson');
    const summary = await ingest(client, names, fixtureConfig(0.6), {
      errorsFile,
      chunkRecords: 2,
    });

    expect(summary.rows_read).toEqual({ customers: 4, sessions: 11, products: 6 });
    expect(summary.indexed).toEqual({ orders: 4, downloads: 3 });
    expect(summary.rejected.total).toBe(10);
    expect(summary.sources).toEqual([
      {
        source: 'customers',
        label: 'customers.csv',
        read: 4,
        loaded: 3,
        rejected: 1,
        rate: 0.25,
        limit: 0.6,
        verdict: 'ok',
      },
      // 11 read − 6 rejected − 1 duplicate superseded by its later row.
      {
        source: 'sessions',
        label: 'sessions.csv',
        read: 11,
        loaded: 4,
        rejected: 6,
        rate: 6 / 11,
        limit: 0.6,
        verdict: 'ok',
      },
      // The unmatched line is a rejected row of the products source.
      {
        source: 'products',
        label: 'products.csv',
        read: 6,
        loaded: 3,
        rejected: 3,
        rate: 0.5,
        limit: 0.6,
        verdict: 'ok',
      },
    ]);
    expect(summary.rejected.by_reason).toEqual({
      invalid_number: 2,
      end_before_start: 1,
      negative_amount: 1,
      invalid_boolean: 1,
      missing_value: 1,
      invalid_date: 2,
      invalid_quantity: 1,
      unmatched_product: 1,
    });
    expect(summary.rejected.by_source).toEqual({ sessions: 6, customers: 1, products: 3 });
    expect(summary.duplicates).toEqual({ sessions: 1, customers: 0 });
    expect(summary.unmatched_products).toBe(1);
    expect(summary.sessions_without_customer).toBe(1);
    expect(summary.input_sorted).toEqual({ sessions: false, customers: true, products: false });

    // Each entry: source, line, field, value, reason.
    const report = readReport(errorsFile).map((entry) =>
      [entry.source, entry.line, entry.field, entry.value, entry.reason].join(' | '),
    );
    expect(report).toEqual([
      'customers | 4 | download_date | yesterday | invalid_date',
      'sessions | 5 | payment_amount | 1,5 | invalid_number',
      'sessions | 6 | session_end | 2025-03-03 08:00 | end_before_start',
      'sessions | 7 | payment_amount | -5 | negative_amount',
      'sessions | 8 | purchased | maybe | invalid_boolean',
      'sessions | 9 | client |  | missing_value',
      'sessions | 10 | session_start | 2025-13-45 10:00 | invalid_date',
      'products | 6 | price | abc | invalid_number',
      'products | 7 | quantity | 0 | invalid_quantity',
      'sessions | 2 | order_id | s01 | duplicate_order_id',
      'products | 5 | order_id | s77 | unmatched_product',
    ]);

    const orders = await client.mget({ index: names.orders, ids: ['s01', 's02', 's09', 's10'] });
    const sources = orders.docs.map((doc) => ('_source' in doc ? doc._source : null));
    expect(sources[0]).toEqual({
      session_id: 's01',
      client: 'c1',
      session_start: '2025-03-01T10:05:00.000Z',
      session_end: '2025-03-01T10:25:00.000Z',
      purchased: true,
      payment_amount: 30,
      discount_amount: 2,
      payment_cents: 3000,
      discount_cents: 200,
      promotion_id: 'p1',
      dimension: 'North',
      actions: { has_sessions: true, has_basket: true, purchased: true },
      basket: [
        { product: 'pear', category: 'fruit', price: 1.25, price_cents: 125, quantity: 2 },
        { product: 'Cheese, aged', category: 'dairy', price: 7, price_cents: 700, quantity: 1 },
      ],
      basket_size: 2,
    });
    expect(sources[1]).toEqual({
      session_id: 's02',
      client: 'c1',
      session_start: '2025-03-02T11:00:00.000Z',
      session_end: null,
      purchased: false,
      payment_amount: 0,
      discount_amount: 0,
      payment_cents: 0,
      discount_cents: 0,
      promotion_id: null,
      dimension: 'South\nEast',
      actions: { has_sessions: true, has_basket: false, purchased: false },
      basket: [],
      basket_size: 0,
    });
    expect(sources[2]).toMatchObject({
      session_start: '2025-03-04T10:00:00.000Z',
      payment_amount: 40,
      discount_amount: 5,
      basket: [{ product: 'apple', category: 'fruit', price: 2.5, quantity: 4 }],
      basket_size: 1,
    });
    expect(sources[3]).toMatchObject({
      client: 'c5',
      purchased: false,
      payment_amount: 0,
      actions: { has_basket: false },
    });

    const download = await client.get({ index: names.downloads, id: 'c1' });
    expect(download._source).toEqual({
      client: 'c1',
      download_date: '2025-03-01T09:00:00.000Z',
      signup_date: '2025-03-01T09:30:00.000Z',
    });
    const run = await client.get<{ status: string; summary: { ingest: { indexed: object } } }>({
      index: names.runs,
      id: summary.run_id,
    });
    expect(run._source!.status).toBe('complete');
    expect(run._source!.summary.ingest.indexed).toEqual({ orders: 4, downloads: 3 });
  });

  it('re-ingesting the same files keeps the same document counts', async () => {
    await ingest(client, names, fixtureConfig(0.6), { errorsFile: join(work, 'again.ndjson') });
    expect((await client.count({ index: names.orders })).count).toBe(4);
    expect((await client.count({ index: names.downloads })).count).toBe(3);
  });

  it('reports a mapped column the source does not have before reading any row', async () => {
    const config = fixtureConfig(0.6);
    config.sessions!.columns = { ...config.sessions!.columns, dimension: 'region' };
    await expect(
      ingest(client, names, config, { errorsFile: join(work, 'mapping.ndjson') }),
    ).rejects.toThrow(
      "sessions (sessions.csv): column 'region' for dimension does not exist; columns are: order_id, client, session_start, session_end, payment_amount, discount_amount, purchased, promotion_id, dimension, has_basket",
    );
  });
});
