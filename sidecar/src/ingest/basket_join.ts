/**
 * Baskets are joined to sessions without holding the products source in memory:
 *
 * 1. Sessions and products are read side by side in order_id order. Databases are asked to
 *    ORDER BY order_id and files are usually written that way (the demo data is), so both are
 *    first streamed as they come, with every key checked against the previous one; a source that
 *    turns out unsorted is read again through an ExternalSorter (sorted chunks of bounded size on
 *    disk, merged) — see load_orders.ts.
 * 2. Here, both sorted streams are walked side by side like a merge join: at any moment only
 *    one order's session rows and basket lines are in memory.
 * 3. Each session is then written once, complete with its basket, so no scripted or partial
 *    update is ever needed (the integ-test distribution has no painless anyway).
 *
 * Duplicate order_ids arrive adjacent and in source order: the last one wins and the earlier ones
 * are reported. Product lines whose order_id has no session are reported as unmatched.
 */
import { batchesOf } from './record_streams';
import type { ProductRecord, SessionRecord } from './records';

export interface JoinedOrder {
  session: SessionRecord;
  /** null when no products source is configured (then documents carry no basket). */
  basket: ProductRecord[] | null;
}

export interface JoinListener {
  duplicateSession(superseded: SessionRecord, winner: SessionRecord): Promise<void> | void;
  unmatchedProduct(line: ProductRecord): Promise<void> | void;
}

/**
 * Reads records one at a time from batches, awaiting only when a batch is used up: the join runs
 * once per session and per basket line, and a promise per record was a large share of its cost.
 */
class Cursor<T> {
  private batch: T[] = [];
  private index = 0;

  constructor(private readonly input: AsyncIterator<T[]>) {}

  /** The current record; undefined when the batch is used up (then fill()) or at the end. */
  get current(): T | undefined {
    return this.batch[this.index];
  }

  advance(): void {
    this.index += 1;
  }

  /** Loads the next non-empty batch; false at the end of the input. */
  async fill(): Promise<boolean> {
    while (this.index >= this.batch.length) {
      const next = await this.input.next();
      if (next.done) return false;
      this.batch = next.value;
      this.index = 0;
    }
    return true;
  }

  async close(): Promise<void> {
    await this.input.return?.();
  }
}

const OUTPUT_BATCH = 50;

/**
 * The merge join over batches of sessions and products (both in order_id order); yields batches
 * of complete orders. Groups are formed inline with one record of lookahead per input.
 */
export async function* joinBasketBatches(
  sessions: AsyncIterable<SessionRecord[]>,
  products: AsyncIterable<ProductRecord[]> | null,
  listener: JoinListener,
): AsyncGenerator<JoinedOrder[]> {
  const sessionCursor = new Cursor(sessions[Symbol.asyncIterator]());
  const productCursor = products ? new Cursor(products[Symbol.asyncIterator]()) : null;
  const nextSession = async () =>
    sessionCursor.current ?? ((await sessionCursor.fill()) ? sessionCursor.current : undefined);
  const nextProduct = async () =>
    productCursor
      ? (productCursor.current ??
        ((await productCursor.fill()) ? productCursor.current : undefined))
      : undefined;
  let output: JoinedOrder[] = [];
  try {
    let session = sessionCursor.current ?? (await nextSession());
    let product = productCursor?.current ?? (await nextProduct());
    while (session || product) {
      if (product && (!session || product.order_id < session.order_id)) {
        // Lines of an order no session has.
        const key = product.order_id;
        do {
          await listener.unmatchedProduct(product);
          productCursor!.advance();
          product = productCursor!.current ?? (await nextProduct());
        } while (product && product.order_id === key);
        continue;
      }
      const key = session!.order_id;
      let winner = session!;
      let superseded: SessionRecord[] | null = null;
      sessionCursor.advance();
      session = sessionCursor.current ?? (await nextSession());
      while (session && session.order_id === key) {
        (superseded ??= []).push(winner);
        winner = session;
        sessionCursor.advance();
        session = sessionCursor.current ?? (await nextSession());
      }
      if (superseded) for (const old of superseded) await listener.duplicateSession(old, winner);
      let basket: ProductRecord[] | null = null;
      if (productCursor) {
        basket = [];
        while (product && product.order_id === key) {
          basket.push(product);
          productCursor.advance();
          product = productCursor.current ?? (await nextProduct());
        }
      }
      output.push({ session: winner, basket });
      if (output.length >= OUTPUT_BATCH) {
        yield output;
        output = [];
      }
    }
    if (output.length > 0) yield output;
  } finally {
    // Stopped early (a source out of order, a failed write): close both reads, files included.
    await sessionCursor.close();
    await productCursor?.close();
  }
}

/** joinBasketBatches() one record at a time (small inputs, tests). */
export async function* joinBaskets(
  sessions: AsyncIterable<SessionRecord>,
  products: AsyncIterable<ProductRecord> | null,
  listener: JoinListener,
): AsyncGenerator<JoinedOrder> {
  const orders = joinBasketBatches(
    batchesOf(sessions),
    products ? batchesOf(products) : null,
    listener,
  );
  for await (const batch of orders) yield* batch;
}

/**
 * Counts the keys of `sorted` (e.g. clients of the written sessions, sorted) that are absent from
 * `reference` (the customers' clients, sorted): a merge of two sorted streams, bounded memory.
 * A key given as `{ key, count }` stands for `count` occurrences (an aggregation bucket).
 */
export async function countMissing(
  sorted: AsyncIterable<string | { key: string; count: number }>,
  reference: AsyncIterable<string>,
): Promise<number> {
  const iterator = reference[Symbol.asyncIterator]();
  let current = await iterator.next();
  let missing = 0;
  for await (const item of sorted) {
    const key = typeof item === 'string' ? item : item.key;
    while (!current.done && current.value < key) current = await iterator.next();
    if (current.done || current.value !== key) missing += typeof item === 'string' ? 1 : item.count;
  }
  return missing;
}
