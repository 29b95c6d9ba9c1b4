import type { Client, estypes } from '@elastic/elasticsearch';
import { OrderItemsBuilder } from '../analyses/order_items';
import { PassOrdersBuilder, type PassOrders } from '../analyses/order_sequences';
import type { CustomerTableBuilder } from '../analyses/customer_table';
import type { Query } from './context';

/**
 * Every page re-evaluates the sort over all purchased sessions (measured: ~0.7 s per page at
 * 325 k orders), so few large pages beat many small ones; 50 k orders are ~25 MB of JSON.
 */
const PAGE = 50_000;

export interface PassBasketLine {
  product: string;
  category: string;
  /** Unit price in integer cents (sums of money stay integers until a report row is written). */
  price_cents: number;
  quantity: number;
}

/** What a consumer of the pass sees of each order, besides the columns the pass keeps. */
export interface PassOrder {
  customer: number;
  timeMs: number;
  /** Amount paid in integer cents. */
  amountCents: number;
  dimensionIndex: number;
  basket: readonly PassBasketLine[];
}

export interface OrderPassResult {
  orders: PassOrders;
  /** Full scans of `orders` this pass made: the benchmark checks it stays 1. */
  scans: number;
  pages: number;
}

interface OrderSource {
  payment_cents?: number;
  dimension?: string | null;
  promotion_id?: string | null;
  basket?: PassBasketLine[];
}

/**
 * THE pass over purchased sessions: point-in-time + search_after, sorted by client then
 * session_start, reading client and time from the sort values and amount (integer cents),
 * dimension, promotion and (when wanted) basket lines from _source. (The whole _source costs
 * Elasticsearch less, 1.7 s instead of 2.7 s of search time for 322 k orders, but we parse
 * twice the JSON and the pass took longer overall: measured at 1 M sessions.) Builds the
 * columnar per-customer sequences every analysis of the run shares; `onOrder` lets streaming consumers (product pairs, product revenue)
 * see each basket once without it being kept.
 */
export async function runOrderPass(
  client: Client,
  index: string,
  purchasedSessions: Query,
  dimensionIndex: ReadonlyMap<string, number>,
  customers: CustomerTableBuilder,
  options: {
    withBasket: boolean;
    onOrder?: (order: PassOrder) => void;
    onProgress?: (done: number, total: number) => void;
  },
): Promise<OrderPassResult> {
  const total = (await client.count({ index, query: purchasedSessions })).count;
  const builder = new PassOrdersBuilder();
  const items = new OrderItemsBuilder();
  const pit = await client.openPointInTime({ index, keep_alive: '2m' });
  let pages = 0;
  try {
    const fields = ['payment_cents', 'dimension', 'promotion_id'];
    if (options.withBasket)
      fields.push('basket.product', 'basket.category', 'basket.price_cents', 'basket.quantity');
    const page = (after?: estypes.SortResults) =>
      client.search<OrderSource>({
        pit: { id: pit.id, keep_alive: '2m' },
        size: PAGE,
        track_total_hits: false,
        query: purchasedSessions,
        _source: fields,
        sort: [{ client: 'asc' }, { session_start: 'asc' }],
        ...(after ? { search_after: after } : {}),
      });
    let pending: ReturnType<typeof page> | null = page();
    while (pending) {
      const hits: Array<estypes.SearchHit<OrderSource>> = (await pending).hits.hits;
      pages++;
      // The next page is asked for before this one is read: the node searches while we decode.
      pending = hits.length === PAGE ? page(hits[hits.length - 1]!.sort) : null;
      // If reading this page throws, the request in flight must not fail unobserved.
      pending?.catch(() => undefined);
      for (const hit of hits) {
        const [clientId, timeMs] = hit.sort as [string, number];
        const source = hit._source ?? {};
        const customer = customers.indexOf(clientId);
        const d = source.dimension ? (dimensionIndex.get(source.dimension) ?? -1) : -1;
        const amountCents = source.payment_cents ?? 0;
        // The sequences keep currency units (one exact division per order, no running sums).
        builder.add(customer, timeMs, amountCents / 100, d);
        items.add(source.promotion_id, source.basket ?? []);
        options.onOrder?.({
          customer,
          timeMs,
          amountCents,
          dimensionIndex: d,
          basket: source.basket ?? [],
        });
      }
      options.onProgress?.(builder.orders, total);
    }
  } finally {
    await client.closePointInTime({ id: pit.id }).catch(() => undefined);
  }
  return { orders: { ...builder.build(), items: items.build() }, scans: 1, pages };
}
