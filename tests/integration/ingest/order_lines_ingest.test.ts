import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@elastic/elasticsearch';
import { indexNames } from '../../../common/indices';
import { ensureIndices } from '../../../sidecar/src/es/templates';
import { ingest } from '../../../sidecar/src/ingest/ingest';
import { dropPrefix, testClient, testPrefix } from '../../helpers/es';

const FIXTURES = resolve(__dirname, '../../fixtures/ingest/csv');

function readReport(file: string): Array<{ line: number; reason: string }> {
  return readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { line: number; reason: string });
}

describe('order-lines-only ingest (invoice lines)', () => {
  const prefix = testPrefix('ingest-lines');
  const names = indexNames(prefix);
  const work = mkdtempSync(join(tmpdir(), 'ingest-lines-'));
  let client: Client;

  beforeAll(async () => {
    client = testClient();
    await ensureIndices(client, { prefix });
  });
  afterAll(async () => {
    await dropPrefix(client, prefix);
    await client.close();
  });

  it('derives sessions, baskets and customers; excludes cancellations and lines without customer by reason', async () => {
    const errorsFile = join(work, 'errors.ndjson');
    const summary = await ingest(
      client,
      names,
      {
        order_lines: {
          source: { type: 'csv', path: join(FIXTURES, 'invoices.csv') },
          columns: {
            invoice: 'InvoiceNo',
            product: 'StockCode',
            category: 'Description',
            quantity: 'Quantity',
            unit_price: 'UnitPrice',
            invoice_date: 'InvoiceDate',
            customer: 'CustomerID',
            dimension: 'Country',
          },
        },
        parse: { date_formats: ['MM/dd/yyyy HH:mm'] },
        max_error_rate: 0.2,
      },
      { errorsFile },
    );
    expect(summary.rows_read).toEqual({ order_lines: 8 });
    expect(summary.excluded).toEqual({ cancellation: 2, missing_customer: 1 });
    expect(summary.rejected.by_reason).toEqual({ invalid_number: 1 });
    expect(summary.indexed).toEqual({ orders: 3, downloads: 2 });
    expect(summary.sources).toEqual([
      // 8 lines − 1 rejected − 3 set aside by rule (2 cancellations, 1 without customer).
      {
        source: 'order_lines',
        label: 'invoices.csv',
        read: 8,
        loaded: 4,
        rejected: 1,
        rate: 0.125,
        limit: 0.2,
        verdict: 'ok',
      },
    ]);
    expect(readReport(errorsFile).map(({ line, reason }) => [line, reason])).toEqual([
      [5, 'cancellation'],
      [6, 'cancellation'],
      [7, 'missing_customer'],
      [9, 'invalid_number'],
    ]);

    const invoice = await client.get({ index: names.orders, id: '536365' });
    expect(invoice._source).toEqual({
      session_id: '536365',
      client: '17850',
      session_start: '2010-12-01T08:26:00.000Z',
      session_end: null,
      purchased: true,
      // 6 × 2.55 + 2 × 3.39, summed in cents: 1530 + 678.
      payment_amount: 22.08,
      discount_amount: 0,
      payment_cents: 2208,
      discount_cents: 0,
      promotion_id: null,
      dimension: 'United Kingdom',
      actions: { has_sessions: true, purchased: true },
      basket: [
        { product: 'A1', category: 'HEART', price: 2.55, price_cents: 255, quantity: 6 },
        { product: 'B2', category: 'LANTERN', price: 3.39, price_cents: 339, quantity: 2 },
      ],
      basket_size: 2,
    });
    const customer = await client.get({ index: names.downloads, id: '12583' });
    expect(customer._source).toEqual({
      client: '12583',
      download_date: '2010-12-02T10:00:00.000Z',
      signup_date: null,
    });
  });
});
