import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@elastic/elasticsearch';
import { inject } from 'vitest';
import type { OrderDocument } from '../../common/documents';
import { demoOrderDocuments, ndjsonBatches, rawBulk } from '../../bench/es-bulk';
import { ensureIndices } from '../../sidecar/src/es/templates';
import { dropPrefix, testClient, testPrefix } from '../helpers/es';

/**
 * Generated orders bulked with the benchmark's raw `_bulk` sender are searchable: counts, a term
 * query on client, and nested basket queries that match product and category on the same line.
 * Every expectation is computed from the documents with a plain loop.
 */
describe('demo orders in Elasticsearch', () => {
  const prefix = testPrefix('demo-orders-bulk');
  const index = `${prefix}orders`;
  let client: Client;
  let documents: OrderDocument[];

  beforeAll(async () => {
    client = testClient();
    await ensureIndices(client, { prefix });
    documents = [...demoOrderDocuments(2_000, 17)];
    // Small batches so that several requests run concurrently.
    const sent = await rawBulk(inject('esUrl'), index, ndjsonBatches(documents, 64 * 1024), 3, {});
    expect(sent.docs).toBe(2_000);
    expect(sent.requests).toBeGreaterThan(3);
    await client.indices.refresh({ index });
  });
  afterAll(async () => {
    await dropPrefix(client, prefix);
    await client.close();
  });

  const ids = (hits: Array<{ _id?: string | null }>): string[] =>
    hits.map((hit) => hit._id!).sort();

  it('holds every generated session once, orders and non-orders alike', async () => {
    expect((await client.count({ index })).count).toBe(2_000);
    const orders = documents.filter((document) => document.purchased).length;
    expect(orders).toBeGreaterThan(200);
    const counted = await client.count({ index, query: { term: { purchased: true } } });
    expect(counted.count).toBe(orders);
  });

  it('finds one client’s sessions with a term query', async () => {
    const client0 = documents[0]!.client;
    const expected = documents
      .filter((document) => document.client === client0)
      .map((document) => document.session_id)
      .sort();
    const found = await client.search({
      index,
      size: 1_000,
      query: { term: { client: client0 } },
      _source: false,
    });
    expect(ids(found.hits.hits)).toEqual(expected);
    expect(expected.length).toBeGreaterThan(0);
  });

  it('matches product and category on the same basket line (nested)', async () => {
    const ordersOf = new Map<string, number>();
    for (const document of documents) {
      for (const line of document.basket ?? []) {
        ordersOf.set(line.product, (ordersOf.get(line.product) ?? 0) + 1);
      }
    }
    const product = [...ordersOf].sort((a, b) => b[1] - a[1])[0]![0];
    const category = documents
      .flatMap((document) => document.basket ?? [])
      .find((line) => line.product === product)!.category;
    const nestedQuery = (productName: string, categoryName: string) => ({
      nested: {
        path: 'basket',
        query: {
          bool: {
            filter: [
              { term: { 'basket.product': productName } },
              { term: { 'basket.category': categoryName } },
            ],
          },
        },
      },
    });

    const expected = documents
      .filter((document) =>
        (document.basket ?? []).some(
          (line) => line.product === product && line.category === category,
        ),
      )
      .map((document) => document.session_id)
      .sort();
    const found = await client.search({
      index,
      size: 2_000,
      query: nestedQuery(product, category),
      _source: false,
    });
    expect(ids(found.hits.hits)).toEqual(expected);
    expect(expected.length).toBeGreaterThan(20);

    // A category that shares orders with the product, but only on other lines: no nested match.
    const otherCategory = documents
      .filter((document) => (document.basket ?? []).some((line) => line.product === product))
      .flatMap((document) => document.basket ?? [])
      .find((line) => line.category !== category)!.category;
    const crossLine = await client.count({ index, query: nestedQuery(product, otherCategory) });
    expect(crossLine.count).toBe(0);
  });

  it('keeps amounts, actions and basket size as generated', async () => {
    const order = documents.find((document) => document.purchased && document.promotion_id)!;
    const stored = await client.get<OrderDocument>({ index, id: order.session_id });
    expect(stored._source).toEqual(order);
    expect(stored._source!.actions).toEqual({
      has_sessions: true,
      purchased: true,
      has_basket: true,
      order_screen: true,
    });
    expect(stored._source!.basket_size).toBe(order.basket!.length);
  });
});
