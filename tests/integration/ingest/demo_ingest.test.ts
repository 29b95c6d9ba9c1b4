import { readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@elastic/elasticsearch';
import { demoIngestConfig } from '../../../common/source_mapping';
import { indexNames } from '../../../common/indices';
import { writeDemoFiles } from '../../../sidecar/src/demo/write_files';
import { ensureIndices } from '../../../sidecar/src/es/templates';
import { ingest } from '../../../sidecar/src/ingest/ingest';
import { dropPrefix, testClient, testPrefix } from '../../helpers/es';

/** The demo CSVs never quote (ids and names have no commas), so a plain split reads them. */
function csvRows(file: string): string[][] {
  return readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(','));
}

/** '12.3' → 1230, from the digits (the demo writes at most two decimals), not via floats. */
function centsOf(text: string): number {
  const [whole, fraction = ''] = text.split('.');
  return Number(whole) * 100 + Number(`${fraction}00`.slice(0, 2));
}

const isoMs = (text: string) => (text === '' ? null : new Date(text).toISOString());

describe('generated demo data (10k customers)', () => {
  const prefix = testPrefix('ingest-demo');
  const names = indexNames(prefix);
  const directory = mkdtempSync(join(tmpdir(), 'ingest-demo-'));
  let client: Client;

  beforeAll(async () => {
    client = testClient();
    await ensureIndices(client, { prefix });
    await writeDemoFiles({ customers: 10_000, days: 120, seed: 7 }, directory);
  });
  afterAll(async () => {
    await dropPrefix(client, prefix);
    await client.close();
  });

  it(
    'ingests with zero rejections; counts, baskets and a sample of documents match the CSVs; re-ingest keeps counts',
    { timeout: 600_000 },
    async () => {
      const sessions = csvRows(join(directory, 'sessions.csv'));
      const customers = csvRows(join(directory, 'customers.csv'));
      const products = csvRows(join(directory, 'products.csv'));

      const summary = await ingest(client, names, demoIngestConfig(directory), {
        errorsFile: join(directory, 'errors.ndjson'),
      });
      expect(summary.rejected.total).toBe(0);
      expect(summary.duplicates).toEqual({ sessions: 0, customers: 0 });
      expect(summary.unmatched_products).toBe(0);
      expect(summary.sessions_without_customer).toBe(0);
      expect(summary.rows_read).toEqual({
        customers: customers.length,
        sessions: sessions.length,
        products: products.length,
      });
      expect(summary.indexed).toEqual({ orders: sessions.length, downloads: customers.length });
      expect(readFileSync(join(directory, 'errors.ndjson'), 'utf8')).toBe('');

      expect((await client.count({ index: names.orders })).count).toBe(sessions.length);
      expect((await client.count({ index: names.downloads })).count).toBe(customers.length);
      const basketLines = await client.search({
        index: names.orders,
        size: 0,
        aggs: { lines: { sum: { field: 'basket_size' } } },
      });
      expect((basketLines.aggregations!.lines as { value: number }).value).toBe(products.length);

      // Every 97th session, rebuilt by hand from the CSV lines.
      const sample = sessions.filter((_, index) => index % 97 === 0);
      const wanted = new Set(sample.map((row) => row[0]!));
      const basketOf = new Map<
        string,
        Array<{
          product: string;
          category: string;
          price: number;
          price_cents: number;
          quantity: number;
        }>
      >();
      for (const [orderId, product, category, price, quantity] of products) {
        if (!wanted.has(orderId!)) continue;
        const lines = basketOf.get(orderId!) ?? [];
        lines.push({
          product: product!,
          category: category!,
          price: Number(price),
          price_cents: centsOf(price!),
          quantity: Number(quantity),
        });
        basketOf.set(orderId!, lines);
      }
      const found = await client.mget({ index: names.orders, ids: [...wanted] });
      const byId = new Map(
        found.docs.map((doc) => [doc._id, '_source' in doc ? doc._source : null]),
      );
      for (const [
        orderId,
        clientId,
        start,
        end,
        amount,
        discount,
        purchased,
        promotion,
        dimension,
        hasBasket,
        orderScreen,
      ] of sample) {
        const bought = purchased === 'true';
        const basket = basketOf.get(orderId!) ?? [];
        expect(byId.get(orderId!), orderId).toEqual({
          session_id: orderId,
          client: clientId,
          session_start: isoMs(start!),
          session_end: isoMs(end!),
          purchased: bought,
          payment_amount: bought ? Number(amount) : 0,
          discount_amount: bought ? Number(discount) : 0,
          payment_cents: bought ? centsOf(amount!) : 0,
          discount_cents: bought ? centsOf(discount!) : 0,
          promotion_id: promotion === '' ? null : promotion,
          dimension,
          actions: {
            has_sessions: true,
            has_basket: hasBasket === 'true',
            order_screen: orderScreen === 'true',
            purchased: bought,
          },
          basket,
          basket_size: basket.length,
        });
      }
      const [firstCustomer] = customers;
      const download = await client.get({ index: names.downloads, id: firstCustomer![0]! });
      expect(download._source).toEqual({
        client: firstCustomer![0],
        download_date: isoMs(firstCustomer![1]!),
        signup_date: isoMs(firstCustomer![2]!),
      });

      const again = await ingest(client, names, demoIngestConfig(directory), {
        errorsFile: join(directory, 'again.ndjson'),
      });
      expect(again.indexed).toEqual(summary.indexed);
      expect((await client.count({ index: names.orders })).count).toBe(sessions.length);
      expect((await client.count({ index: names.downloads })).count).toBe(customers.length);
    },
  );
});
