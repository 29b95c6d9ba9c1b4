import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countMissing, joinBaskets } from '../../../sidecar/src/ingest/basket_join';
import { ExternalSorter } from '../../../sidecar/src/ingest/external_sort';
import type { ProductRecord, SessionRecord } from '../../../sidecar/src/ingest/records';
import { detectDelimiter } from '../../../sidecar/src/sources/csv_source';

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const result: T[] = [];
  for await (const item of items) result.push(item);
  return result;
}

async function* from<T>(items: T[]): AsyncGenerator<T> {
  yield* items;
}

describe('external sort', () => {
  it('sorts in chunks on disk and keeps equal keys in input order (stable)', async () => {
    const sorter = new ExternalSorter<{ k: string; n: number }>(
      mkdtempSync(join(tmpdir(), 'sort-')),
      't',
      (r) => r.k,
      3,
    );
    const input = ['d', 'b', 'a', 'b', 'e', 'a', 'c', 'b'].map((k, n) => ({ k, n }));
    for (const record of input) await sorter.add(record);
    await sorter.finish();
    expect(sorter.wasSorted).toBe(false);
    expect((await collect(sorter.read())).map((r) => `${r.k}${r.n}`)).toEqual([
      'a2',
      'a5',
      'b1',
      'b3',
      'b7',
      'c6',
      'd0',
      'e4',
    ]);
  });

  it('matches a plain in-memory stable sort on random keys', async () => {
    const sorter = new ExternalSorter<{ k: string; n: number }>(
      mkdtempSync(join(tmpdir(), 'sort-')),
      't',
      (r) => r.k,
      17,
    );
    const input: Array<{ k: string; n: number }> = [];
    let seed = 12345;
    for (let n = 0; n < 500; n += 1) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      input.push({ k: `o${seed % 97}`, n });
    }
    for (const record of input) await sorter.add(record);
    await sorter.finish();
    const expected = [...input];
    // Insertion sort: independent of Array.prototype.sort.
    for (let i = 1; i < expected.length; i += 1) {
      const item = expected[i]!;
      let j = i - 1;
      while (j >= 0 && expected[j]!.k > item.k) {
        expected[j + 1] = expected[j]!;
        j -= 1;
      }
      expected[j + 1] = item;
    }
    expect(await collect(sorter.read())).toEqual(expected);
  });

  it('detects sorted input and reads the chunks back as they are', async () => {
    const sorter = new ExternalSorter<{ k: string }>(
      mkdtempSync(join(tmpdir(), 'sort-')),
      't',
      (r) => r.k,
      2,
    );
    for (const k of ['a', 'b', 'b', 'c', 'd']) await sorter.add({ k });
    await sorter.finish();
    expect(sorter.wasSorted).toBe(true);
    expect((await collect(sorter.read())).map((r) => r.k)).toEqual(['a', 'b', 'b', 'c', 'd']);
  });
});

const session = (order_id: string, line: number, client = 'c1'): SessionRecord => ({
  order_id,
  client,
  start: 0,
  end: null,
  purchased: true,
  amount: line,
  discount: 0,
  promotion_id: null,
  dimension: null,
  actions: [],
  line,
});
const product = (order_id: string, name: string, line: number): ProductRecord => ({
  order_id,
  product: name,
  category: 'x',
  price: 1,
  quantity: 1,
  line,
});

describe('basket merge join', () => {
  it('attaches each order its lines, keeps the last duplicate, reports unmatched lines', async () => {
    const duplicates: string[] = [];
    const unmatched: string[] = [];
    const joined = await collect(
      joinBaskets(
        from([session('a', 1), session('b', 2), session('b', 5), session('d', 3)]),
        from([
          product('a', 'p1', 10),
          product('a', 'p2', 11),
          product('c', 'p3', 12),
          product('d', 'p4', 13),
          product('e', 'p5', 14),
        ]),
        {
          duplicateSession: (old, winner) => void duplicates.push(`${old.line}->${winner.line}`),
          unmatchedProduct: (line) => void unmatched.push(`${line.order_id}:${line.line}`),
        },
      ),
    );
    expect(
      joined.map(
        ({ session: s, basket }) =>
          `${s.order_id}@${s.line}[${basket!.map((l) => l.product).join(',')}]`,
      ),
    ).toEqual(['a@1[p1,p2]', 'b@5[]', 'd@3[p4]']);
    expect(duplicates).toEqual(['2->5']);
    expect(unmatched).toEqual(['c:12', 'e:14']);
  });

  it('gives no basket at all when there is no products source', async () => {
    const joined = await collect(
      joinBaskets(from([session('a', 1)]), null, {
        duplicateSession: () => undefined,
        unmatchedProduct: () => undefined,
      }),
    );
    expect(joined[0]!.basket).toBeNull();
  });

  it('counts sorted keys missing from a sorted reference, per occurrence', async () => {
    expect(
      await countMissing(from(['a', 'b', 'b', 'd', 'f', 'f']), from(['a', 'c', 'd', 'e'])),
    ).toBe(4);
  });

  it('counts aggregation buckets by their document count', async () => {
    const buckets = [
      { key: 'a', count: 3 },
      { key: 'b', count: 5 },
      { key: 'd', count: 1 },
      { key: 'z', count: 2 },
    ];
    expect(await countMissing(from(buckets), from(['a', 'd']))).toBe(7);
  });

  it('stops reading both inputs when the consumer stops early', async () => {
    let closed = 0;
    async function* tracked<T>(items: T[]): AsyncGenerator<T> {
      try {
        yield* items;
      } finally {
        closed += 1;
      }
    }
    const orders = joinBaskets(
      tracked([session('a', 1), session('b', 2)]),
      tracked([product('a', 'p1', 3), product('b', 'p2', 4)]),
      { duplicateSession: () => undefined, unmatchedProduct: () => undefined },
    );
    for await (const order of orders) {
      expect(order.session.order_id).toBe('a');
      break;
    }
    expect(closed).toBe(2);
  });
});

describe('CSV delimiter detection', () => {
  it('picks the most frequent candidate outside quotes', () => {
    expect(detectDelimiter('a;b;c')).toBe(';');
    expect(detectDelimiter('"x;y",b,c')).toBe(',');
    expect(detectDelimiter('a\tb\tc')).toBe('\t');
    expect(detectDelimiter('single')).toBe(',');
  });
});
