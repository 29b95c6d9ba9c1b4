/**
 * Baskets are joined to sessions without holding the products source in memory:
 *
 * 1. While reading, valid sessions and products are spooled through an ExternalSorter each, keyed
 *    by order_id (databases are asked to ORDER BY order_id, files that are already sorted — as
 *    the demo data is — are detected and not sorted again; anything else is sorted in chunks of
 *    bounded size on disk).
 * 2. Here, both sorted streams are walked side by side like a merge join: at any moment only
 *    one order's session rows and basket lines are in memory.
 * 3. Each session is then written once, complete with its basket, so no scripted or partial
 *    update is ever needed (the integ-test distribution has no painless anyway).
 *
 * Duplicate order_ids arrive adjacent and in source order: the last one wins and the earlier ones
 * are reported. Product lines whose order_id has no session are reported as unmatched.
 */
import { groupByKey } from './external_sort';
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

const orderIdOf = (record: { order_id: string }) => record.order_id;

export async function* joinBaskets(
  sessions: AsyncIterable<SessionRecord>,
  products: AsyncIterable<ProductRecord> | null,
  listener: JoinListener,
): AsyncGenerator<JoinedOrder> {
  const sessionGroups = groupByKey(sessions, orderIdOf);
  const productGroups = products ? groupByKey(products, orderIdOf) : null;
  let session = await sessionGroups.next();
  let product = productGroups ? await productGroups.next() : null;

  for (;;) {
    const s = session.done ? null : session.value;
    const p = product && !product.done ? product.value : null;
    if (!s && !p) return;
    if (p && (!s || p.key < s.key)) {
      for (const line of p.records) await listener.unmatchedProduct(line);
      product = await productGroups!.next();
      continue;
    }
    const winner = s!.records[s!.records.length - 1]!;
    for (const superseded of s!.records.slice(0, -1))
      await listener.duplicateSession(superseded, winner);
    if (p && p.key === s!.key) {
      yield { session: winner, basket: p.records };
      product = await productGroups!.next();
    } else {
      yield { session: winner, basket: productGroups ? [] : null };
    }
    session = await sessionGroups.next();
  }
}

/**
 * Counts the keys of `sorted` (e.g. clients of the written sessions, sorted) that are absent from
 * `reference` (the customers' clients, sorted): a merge of two sorted streams, bounded memory.
 */
export async function countMissing(
  sorted: AsyncIterable<string>,
  reference: AsyncIterable<string>,
): Promise<number> {
  const iterator = reference[Symbol.asyncIterator]();
  let current = await iterator.next();
  let missing = 0;
  for await (const key of sorted) {
    while (!current.done && current.value < key) current = await iterator.next();
    if (current.done || current.value !== key) missing += 1;
  }
  return missing;
}
