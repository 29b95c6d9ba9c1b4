import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@elastic/elasticsearch';
import { indexNames } from '../../../common/indices';
import type { IngestConfigInput } from '../../../common/source_mapping';
import { ensureIndices } from '../../../sidecar/src/es/templates';
import { ingest, IngestError } from '../../../sidecar/src/ingest/ingest';
import { removeDeadStaging, UNRECORDED_AGE_MS } from '../../../sidecar/src/ingest/staging_cleanup';
import { dropPrefix, testClient, testPrefix } from '../../helpers/es';

const SESSIONS_HEADER = 'order_id,client,session_start,payment_amount,purchased';

const directories: string[] = [];
afterAll(() => {
  for (const directory of directories) rmSync(directory, { recursive: true, force: true });
});

/** Writes sessions/customers/products CSVs into a fresh directory; returns the config. */
function files(
  sessions: string[],
  customers: string[],
  products: string[] | null,
  maxErrorRate = 0.01,
): IngestConfigInput {
  const dir = mkdtempSync(join(tmpdir(), 'staging-'));
  directories.push(dir);
  writeFileSync(join(dir, 'sessions.csv'), [SESSIONS_HEADER, ...sessions].join('\n') + '\n');
  writeFileSync(
    join(dir, 'customers.csv'),
    ['client,download_date', ...customers].join('\n') + '\n',
  );
  if (products) {
    writeFileSync(
      join(dir, 'products.csv'),
      ['order_id,product,category,price', ...products].join('\n') + '\n',
    );
  }
  return {
    sessions: { source: { type: 'csv', path: join(dir, 'sessions.csv') } },
    customers: { source: { type: 'csv', path: join(dir, 'customers.csv') } },
    ...(products ? { products: { source: { type: 'csv', path: join(dir, 'products.csv') } } } : {}),
    max_error_rate: maxErrorRate,
  };
}

const CUSTOMERS = ['c1,2025-03-01T09:00:00Z', 'c2,2025-03-01T09:30:00Z'];

/** Concrete indices under `${alias}-*` and the one the alias points at. */
async function physical(client: Client, alias: string) {
  const all = await client.indices.get({ index: `${alias}-*`, expand_wildcards: 'all' });
  const target = await client.indices.getAlias({ name: alias });
  return { all: Object.keys(all).sort(), target: Object.keys(target) };
}

describe('staging indices and the alias swap', () => {
  const prefix = testPrefix('ingest-staging');
  const names = indexNames(prefix);
  const work = mkdtempSync(join(tmpdir(), 'staging-errors-'));
  directories.push(work);
  let client: Client;

  beforeAll(async () => {
    client = testClient();
    await ensureIndices(client, { prefix });
  });
  afterAll(async () => {
    await dropPrefix(client, prefix);
    await client.close();
  });

  it('re-ingesting replaces the data: a removed row disappears, a changed row is overwritten', async () => {
    const first = await ingest(
      client,
      names,
      files(
        [
          's1,c1,2025-03-01T10:00:00Z,10,true',
          's2,c1,2025-03-02T10:00:00Z,20,true',
          's3,c2,2025-03-03T10:00:00Z,30,true',
        ],
        CUSTOMERS,
        null,
      ),
      { errorsFile: join(work, 'first.ndjson') },
    );
    expect(first.indexed).toEqual({ orders: 3, downloads: 2 });
    const before = await physical(client, names.orders);
    expect(before.all).toEqual(before.target);

    const second = await ingest(
      client,
      names,
      files(
        ['s1,c1,2025-03-01T10:00:00Z,15,true', 's3,c2,2025-03-03T10:00:00Z,30,true'],
        CUSTOMERS,
        null,
      ),
      { errorsFile: join(work, 'second.ndjson') },
    );
    expect(second.indexed).toEqual({ orders: 2, downloads: 2 });
    expect((await client.count({ index: names.orders })).count).toBe(2);
    expect((await client.get({ index: names.orders, id: 's2' }, { ignore: [404] })).found).toBe(
      false,
    );
    const s1 = await client.get<{ payment_amount: number }>({ index: names.orders, id: 's1' });
    expect(s1._source!.payment_amount).toBe(15);
    // The previous physical index was deleted in the same alias change; no copy is left.
    const after = await physical(client, names.orders);
    expect(after.all).toEqual(after.target);
    expect(after.target).not.toEqual(before.target);
    expect(after.target).toEqual([`${names.orders}-${second.run_id.toLowerCase()}`]);
  });

  it('a refused ingest (error rate above the limit) leaves the previous orders readable and no staging index', async () => {
    const before = await physical(client, names.orders);
    const failure = await ingest(
      client,
      names,
      files(
        [
          's7,c1,2025-03-01T10:00:00Z,10,true',
          's8,c1,not a date,20,true',
          's9,,2025-03-03T10:00:00Z,30,true',
        ],
        CUSTOMERS,
        null,
        0.1,
      ),
      { errorsFile: join(work, 'refused.ndjson') },
    ).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(IngestError);
    expect((failure as Error).message).toContain(
      // Per source: 2 of the 3 sessions (the 2 customers are clean).
      'sessions source sessions.csv: 2 of 3 rows were rejected (66.67 %), above the maximum error rate of 10.00 %',
    );
    // What users see is the previous ingest's data, untouched.
    expect((await client.count({ index: names.orders })).count).toBe(2);
    expect((await client.get({ index: names.orders, id: 's7' }, { ignore: [404] })).found).toBe(
      false,
    );
    const s1 = await client.get<{ payment_amount: number }>({ index: names.orders, id: 's1' });
    expect(s1._source!.payment_amount).toBe(15);
    expect(await physical(client, names.orders)).toEqual(before);
    expect((await physical(client, names.downloads)).all).toHaveLength(1);
  });

  it('unsorted sessions and products still join into the right baskets (external sort)', async () => {
    // 300 orders with 0–3 lines each, ids not in file order, a duplicate session, both shuffled.
    let seed = 11;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return Math.floor(seed / 65_536) % n;
    };
    const shuffle = <T>(items: T[]) => {
      for (let i = items.length - 1; i > 0; i -= 1) {
        const j = random(i + 1);
        [items[i], items[j]] = [items[j]!, items[i]!];
      }
      return items;
    };
    const sessions: string[] = [];
    const products: string[] = [];
    const expected = new Map<string, { amount: number; basket: string[] }>();
    for (let i = 0; i < 300; i += 1) {
      const id = `o${(i * 7919) % 1000}`;
      sessions.push(`${id},c${1 + (i % 2)},2025-03-01T10:00:00Z,${i},true`);
      const basket: string[] = [];
      for (let line = 0; line < random(4); line += 1) {
        basket.push(`p${i}-${line}`);
        products.push(`${id},p${i}-${line},cat,1.5`);
      }
      expected.set(id, { amount: i, basket });
    }
    shuffle(sessions);
    shuffle(products);
    // The same order again, later in the file: this row wins.
    sessions.push('o0,c2,2025-03-09T10:00:00Z,999,true');
    expected.set('o0', { amount: 999, basket: expected.get('o0')!.basket });

    const summary = await ingest(client, names, files(sessions, CUSTOMERS, products), {
      errorsFile: join(work, 'unsorted.ndjson'),
      chunkRecords: 17,
    });
    expect(summary.input_sorted).toEqual({ customers: true, sessions: false, products: false });
    expect(summary.duplicates.sessions).toBe(1);
    expect(summary.unmatched_products).toBe(0);
    expect(summary.indexed.orders).toBe(300);

    const found = await client.mget<{ payment_amount: number; basket: Array<{ product: string }> }>(
      { index: names.orders, ids: [...expected.keys()] },
    );
    for (const doc of found.docs) {
      const want = expected.get(doc._id)!;
      const source = '_source' in doc ? doc._source! : null;
      expect(source?.payment_amount, doc._id).toBe(want.amount);
      const products = source!.basket.map((line) => line.product).sort();
      expect(products, doc._id).toEqual([...want.basket].sort());
    }
  });
});

describe('an older install, and leftovers of killed ingests', () => {
  const prefix = testPrefix('ingest-migrate');
  const names = indexNames(prefix);
  const work = mkdtempSync(join(tmpdir(), 'staging-migrate-'));
  directories.push(work);
  let client: Client;

  beforeAll(async () => {
    client = testClient();
  });
  afterAll(async () => {
    await dropPrefix(client, prefix);
    await client.close();
  });

  it('replaces a concrete orders index by the alias on the first ingest', async () => {
    await client.indices.create({ index: names.orders });
    await client.index({ index: names.orders, id: 'old', document: { x: 1 }, refresh: true });
    await ensureIndices(client, { prefix });
    expect(await client.indices.existsAlias({ name: names.orders })).toBe(false);

    const summary = await ingest(
      client,
      names,
      files(['s1,c1,2025-03-01T10:00:00Z,10,true'], CUSTOMERS, null),
      { errorsFile: join(work, 'errors.ndjson') },
    );
    expect(await client.indices.existsAlias({ name: names.orders })).toBe(true);
    expect((await physical(client, names.orders)).target).toEqual([
      `${names.orders}-${summary.run_id.toLowerCase()}`,
    ]);
    expect((await client.count({ index: names.orders })).count).toBe(1);
    expect((await client.get({ index: names.orders, id: 'old' }, { ignore: [404] })).found).toBe(
      false,
    );
  });

  it('removes a staging index no run recorded once it is a day old, never the live ones', async () => {
    const leftover = `${names.orders}-20200101t000000z-dead00`;
    await client.indices.create({ index: leftover });
    const live = await physical(client, names.orders);
    expect(await removeDeadStaging(client, names)).toEqual([]);
    const later = new Date(Date.now() + UNRECORDED_AGE_MS + 60_000);
    const removed = await removeDeadStaging(client, names, { now: later });
    expect(removed.map((r) => r.index)).toEqual([leftover]);
    expect(await physical(client, names.orders)).toEqual({ all: live.target, target: live.target });
  });
});
