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
  try {
    yield* mergeGroups(sessionGroups, productGroups, listener);
  } finally {
    // Stopped early (a source out of order, a failed write): close both reads, files included.
    await sessionGroups.return(undefined);
    await productGroups?.return(undefined);
  }
}

type Groups<T> = AsyncGenerator<{ key: string; records: T[] }>;

async function* mergeGroups(
  sessionGroups: Groups<SessionRecord>,
  productGroups: Groups<ProductRecord> | null,
  listener: JoinListener,
): AsyncGenerator<JoinedOrder> {
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

/** JS string order (UTF-16 code units), as the external sort uses. */
export const compareCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Unicode code point order, which is UTF-8 byte order: how Elasticsearch sorts keyword terms.
 * It differs from JS `<` only between characters above U+FFFF (surrogate pairs) and U+E000–FFFF.
 */
export function compareCodePoints(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i += 1) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const fix = (c: number) => (c >= 0xe000 ? c - 0x800 : c >= 0xd800 ? c + 0x2000 : c);
    return fix(x) - fix(y);
  }
  return a.length - b.length;
}

/**
 * Counts the keys of `sorted` (e.g. clients of the written sessions, sorted) that are absent from
 * `reference` (the customers' clients, sorted): a merge of two sorted streams, bounded memory.
 * A key given as `{ key, count }` stands for `count` occurrences (an aggregation bucket).
 */
export async function countMissing(
  sorted: AsyncIterable<string | { key: string; count: number }>,
  reference: AsyncIterable<string>,
  compare: (a: string, b: string) => number = compareCodeUnits,
): Promise<number> {
  const iterator = reference[Symbol.asyncIterator]();
  let current = await iterator.next();
  let missing = 0;
  for await (const item of sorted) {
    const key = typeof item === 'string' ? item : item.key;
    while (!current.done && compare(current.value, key) < 0) current = await iterator.next();
    if (current.done || current.value !== key) missing += typeof item === 'string' ? 1 : item.count;
  }
  return missing;
}
