import type { Client, estypes } from '@elastic/elasticsearch';
import { OrderItemsBuilder } from '../analyses/order_items';
import { PassOrdersBuilder, type PassOrders } from '../analyses/order_sequences';
import type { CustomerTableBuilder } from '../analyses/customer_table';
import type { BasketStats } from './basket_stats';
import type { Query } from './context';

/**
 * Every page re-evaluates the sort over all purchased sessions (measured: ~0.7 s per page at
 * 325 k orders), so few large pages beat many small ones; 50 k orders are ~25 MB of JSON. The
 * pages are sized from the count so the last one is not a small leftover that costs a whole sort.
 */
const MAX_PAGE = 110_000;

/** Equal pages of at most MAX_PAGE orders covering `total` (one more order than needed ends it). */
export function passPageSize(total: number): number {
  const pages = Math.max(1, Math.ceil((total + 1) / MAX_PAGE));
  return Math.ceil((total + 1) / pages);
}

export interface PassBasketLine {
  product: string;
  category: string;
  /** Unit price in integer cents (sums of money stay integers until a report row is written). */
  price_cents: number;
  quantity: number;
}

/**
 * What a consumer of the pass sees of each order, besides the columns the pass keeps. One object
 * is reused for every order: a consumer copies what it keeps.
 */
export interface PassOrder {
  timeMs: number;
  /** Amount paid in integer cents. */
  amountCents: number;
  dimensionIndex: number;
  basket: readonly PassBasketLine[];
}

export interface OrderPassResult {
  /** `customer` holds the pass's own numbers (sequence i = customer i) until numberCustomers. */
  orders: PassOrders;
  /** Client id of each sequence, in the pass's (client) order. */
  clients: string[];
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

/** Hit fields the pass reads: the rest of each hit (_index, _id, _score) is not even sent. */
const HIT_FIELDS = ['hits.hits._source', 'hits.hits.sort'];

/**
 * THE pass over purchased sessions: point-in-time + search_after, sorted by client then
 * session_start, reading client and time from the sort values and amount (integer cents),
 * dimension, promotion and (when wanted) basket lines from _source. (The whole _source costs
 * Elasticsearch less, 1.7 s instead of 2.7 s of search time for 322 k orders, but we parse
 * twice the JSON and the pass took longer overall: measured at 1 M sessions.) Builds the
 * columnar per-customer sequences every analysis of the run shares; `onOrder` lets streaming
 * consumers (product pairs, product revenue) see each basket once without it being kept.
 * Customers are numbered by the pass itself, so it needs nothing from the customers stage and
 * runs beside it; numberCustomers maps them to the customer table afterwards.
 */
export async function runOrderPass(
  client: Client,
  index: string,
  purchasedSessions: Query,
  dimensionIndex: ReadonlyMap<string, number>,
  options: {
    withBasket: boolean;
    onOrder?: (order: PassOrder) => void;
    onProgress?: (done: number, total: number) => void;
    /** Stops the pass between pages (the run failed elsewhere). */
    signal?: AbortSignal;
  },
): Promise<OrderPassResult> {
  const total = (await client.count({ index, query: purchasedSessions })).count;
  const size = passPageSize(total);
  const builder = new PassOrdersBuilder();
  const items = new OrderItemsBuilder();
  const clients: string[] = [];
  const order: PassOrder = { timeMs: 0, amountCents: 0, dimensionIndex: -1, basket: [] };
  const pit = await client.openPointInTime({ index, keep_alive: '2m' });
  let pages = 0;
  try {
    const fields = ['payment_cents', 'dimension', 'promotion_id'];
    if (options.withBasket)
      fields.push('basket.product', 'basket.category', 'basket.price_cents', 'basket.quantity');
    const page = (after?: estypes.SortResults) =>
      client.search<OrderSource>({
        pit: { id: pit.id, keep_alive: '2m' },
        size,
        track_total_hits: false,
        query: purchasedSessions,
        _source: fields,
        sort: [{ client: 'asc' }, { session_start: 'asc' }],
        filter_path: HIT_FIELDS,
        ...(after ? { search_after: after } : {}),
      });
    let pending: ReturnType<typeof page> | null = page();
    while (pending) {
      // filter_path leaves no `hits` at all when a page is empty.
      const response = (await pending) as {
        hits?: { hits: Array<estypes.SearchHit<OrderSource>> };
      };
      const hits = response.hits?.hits ?? [];
      pages++;
      options.signal?.throwIfAborted();
      // The next page is asked for before this one is read: the node searches while we decode.
      pending = hits.length === size ? page(hits[hits.length - 1]!.sort) : null;
      // If reading this page throws, the request in flight must not fail unobserved.
      pending?.catch(() => undefined);
      for (const hit of hits) {
        const [clientId, timeMs] = hit.sort as [string, number];
        const source = hit._source ?? {};
        if (clients[clients.length - 1] !== clientId) clients.push(clientId);
        const d = source.dimension ? (dimensionIndex.get(source.dimension) ?? -1) : -1;
        const amountCents = source.payment_cents ?? 0;
        // The sequences keep currency units (one exact division per order, no running sums).
        builder.add(clients.length - 1, timeMs, amountCents / 100, d);
        items.add(source.promotion_id, source.basket ?? []);
        if (options.onOrder) {
          order.timeMs = timeMs;
          order.amountCents = amountCents;
          order.dimensionIndex = d;
          order.basket = source.basket ?? [];
          options.onOrder(order);
        }
      }
      options.onProgress?.(builder.orders, total);
    }
  } finally {
    await client.closePointInTime({ id: pit.id }).catch(() => undefined);
  }
  return { orders: { ...builder.build(), items: items.build() }, clients, scans: 1, pages };
}

/**
 * Gives the pass's sequences the customer table's numbers (call after the table is complete and
 * sorted: every client with an order also has a session, so each is found there).
 */
export function numberCustomers(result: OrderPassResult, table: CustomerTableBuilder): void {
  const customer = result.orders.customer;
  for (let i = 0; i < customer.length; i++) customer[i] = table.indexOf(result.clients[i]!);
}

/**
 * The pass started at once and awaited later: it needs nothing from the customers stage, so the
 * node works on both at the same time (and this process decodes one while the other is searched).
 */
export class BackgroundOrderPass {
  private readonly controller = new AbortController();
  private readonly result: Promise<OrderPassResult>;
  private reportProgress: ((done: number, total: number) => void) | null = null;
  private lastProgress: [number, number] | null = null;

  constructor(
    client: Client,
    index: string,
    purchasedSessions: Query,
    dimensionIndex: ReadonlyMap<string, number>,
    readonly baskets: BasketStats | null,
  ) {
    this.result = runOrderPass(client, index, purchasedSessions, dimensionIndex, {
      withBasket: baskets !== null,
      onOrder: baskets ? (order) => baskets.add(order) : undefined,
      onProgress: (done, total) => {
        this.lastProgress = [done, total];
        this.reportProgress?.(done, total);
      },
      signal: this.controller.signal,
    });
    // Observed here so a failure while the customers stage runs is not unhandled; finish rethrows.
    this.result.catch(() => undefined);
  }

  /** The pass's result; its progress goes to `onProgress` from now on (its stage has begun). */
  finish(onProgress: (done: number, total: number) => void): Promise<OrderPassResult> {
    this.reportProgress = onProgress;
    if (this.lastProgress) onProgress(...this.lastProgress);
    return this.result;
  }

  /** The run failed elsewhere: stop after the page in flight (the point in time is closed). */
  abort(): void {
    this.controller.abort();
  }
}
