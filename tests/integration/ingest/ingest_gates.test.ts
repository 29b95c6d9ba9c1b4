import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Client } from '@elastic/elasticsearch';
import { indexNames } from '../../../common/indices';
import type { IngestConfigInput } from '../../../common/source_mapping';
import { ensureIndices } from '../../../sidecar/src/es/templates';
import { ingest, IngestError } from '../../../sidecar/src/ingest/ingest';
import { dropPrefix, testClient, testPrefix } from '../../helpers/es';

const directories: string[] = [];
afterAll(() => {
  for (const directory of directories) rmSync(directory, { recursive: true, force: true });
});

const pad = (n: number) => String(n).padStart(5, '0');
const session = (i: number, client = `c${i % 50}`) =>
  `s${pad(i)},${client},2025-03-01T10:00:00Z,12.50,true,`;
const customer = (i: number) => `c${i},2025-02-01T09:00:00Z`;
const line = (i: number, product = 'tea') => `s${pad(i)},${product},drinks,2.50`;
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** Writes the three CSVs (sessions with a dimension column) into a fresh directory. */
function files(sessions: string[], customers: string[], lines: string[]): IngestConfigInput {
  const dir = mkdtempSync(join(tmpdir(), 'ingest-gates-'));
  directories.push(dir);
  const write = (name: string, header: string, rows: string[]) =>
    writeFileSync(join(dir, name), [header, ...rows].join('\n') + '\n');
  write('sessions.csv', 'order_id,client,session_start,payment_amount,purchased,region', sessions);
  write('customers.csv', 'client,download_date', customers);
  write('products.csv', 'order_id,product,category,price', lines);
  return {
    sessions: {
      source: { type: 'csv', path: join(dir, 'sessions.csv') },
      columns: { dimension: 'region' },
    },
    customers: { source: { type: 'csv', path: join(dir, 'customers.csv') } },
    products: { source: { type: 'csv', path: join(dir, 'products.csv') } },
    max_error_rate: 0.01,
  };
}

const CLEAN = () =>
  files(
    range(100).map((i) => session(i)),
    range(50).map(customer),
    range(100).map((i) => line(i)),
  );

describe('ingest gates: empty sources, shrinking, per-source budgets, oversized values', () => {
  const prefix = testPrefix('ingest-gates');
  const names = indexNames(prefix);
  const work = mkdtempSync(join(tmpdir(), 'ingest-gates-errors-'));
  directories.push(work);
  let client: Client;
  const errorsFile = join(work, 'errors.ndjson');
  const count = async (index: string) => (await client.count({ index })).count;

  beforeAll(async () => {
    client = testClient();
    await ensureIndices(client, { prefix });
  });
  beforeEach(async () => {
    // Every case starts from the same live data: 100 orders, 50 customers.
    await ingest(client, names, CLEAN(), { errorsFile });
  });
  afterAll(async () => {
    await dropPrefix(client, prefix);
    await client.close();
  });

  it('a header-only sessions file fails, names the source and file, and leaves live data as it was', async () => {
    const config = files(
      [],
      range(50).map(customer),
      range(100).map((i) => line(i)),
    );
    const failure = await ingest(client, names, config, { errorsFile }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(IngestError);
    expect((failure as Error).message).toContain(
      'sessions source sessions.csv has no valid rows (0 read, 0 rejected)',
    );
    expect(await count(names.orders)).toBe(100);
    expect(await count(names.downloads)).toBe(50);
  });

  it('a reload that shrinks a live index by more than half is refused unless allowed', async () => {
    const smaller = () =>
      files(
        range(40).map((i) => session(i, `c${i % 40}`)),
        range(40).map(customer),
        range(40).map((i) => line(i)),
      );
    const failure = await ingest(client, names, smaller(), { errorsFile }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(IngestError);
    expect((failure as Error).message).toContain('orders would go from 100 to 40 documents');
    expect((failure as Error).message).toContain('--allow-shrink');
    expect(await count(names.orders)).toBe(100);

    const summary = await ingest(client, names, smaller(), { errorsFile, allowShrink: true });
    expect(summary.indexed).toEqual({ orders: 40, downloads: 40 });
    expect(await count(names.orders)).toBe(40);
    // The config says the same as the option.
    await ingest(client, names, CLEAN(), { errorsFile });
    await ingest(client, names, { ...smaller(), allow_shrink: true }, { errorsFile });
    expect(await count(names.orders)).toBe(40);
  });

  it('2 % bad sessions are refused at a 1 % limit however large the clean customers and lines are', async () => {
    const sessions = range(100).map((i) =>
      i < 2 ? `s${pad(i)},c1,not a date,1,true,` : session(i),
    );
    const config = files(
      sessions,
      range(5_000).map(customer),
      range(5_000).map((i) => line(2 + (i % 98))),
    );
    const failure = await ingest(client, names, config, { errorsFile }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(IngestError);
    const error = failure as IngestError;
    expect(error.message).toContain(
      'sessions source sessions.csv: 2 of 100 rows were rejected (2.00 %), above the maximum error rate of 1.00 %',
    );
    // Over all rows it would have been 2 / 10,100 = 0.02 %.
    expect(error.summary.sources.map((row) => [row.source, row.rejected, row.verdict])).toEqual([
      ['customers', 0, 'ok'],
      ['sessions', 2, 'over_limit'],
      ['products', 0, 'ok'],
    ]);
    expect(await count(names.orders)).toBe(100);
  });

  it('a lines file whose lines all match no session is refused (a mapping mistake)', async () => {
    const config = files(
      range(100).map((i) => session(i)),
      range(50).map(customer),
      range(100).map((i) => `x${pad(i)},tea,drinks,2.50`),
    );
    const failure = await ingest(client, names, config, { errorsFile }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(IngestError);
    expect((failure as Error).message).toContain(
      'products source products.csv has no valid rows (100 read, 100 rejected)',
    );
    expect((failure as IngestError).summary.rejected.by_reason).toEqual({ unmatched_product: 100 });
    expect(await count(names.orders)).toBe(100);
  });

  it('a 40 kB keyword is rejected with its line before sending; the rest loads; error lines stay small', async () => {
    const huge = 'é'.repeat(20_000); // 40,000 bytes of UTF-8
    const sessions = range(100).map((i) => (i === 7 ? `${session(i)}${huge}` : session(i)));
    const config = files(sessions, range(50).map(customer), []);
    const withoutLines = { ...config, products: undefined, max_error_rate: 0.05 };
    const summary = await ingest(client, names, withoutLines, { errorsFile });
    expect(summary.indexed.orders).toBe(99);
    expect(summary.sources.find((row) => row.source === 'sessions')).toMatchObject({
      read: 100,
      loaded: 99,
      rejected: 1,
    });
    const lines = readFileSync(errorsFile, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(1);
    for (const text of lines) expect(Buffer.byteLength(text)).toBeLessThan(4096);
    const entry = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(entry).toMatchObject({
      source: 'sessions',
      line: 9, // header + s00000..s00006 on lines 2..8
      field: 'dimension',
      column: 'region',
      reason: 'value_too_long',
      value_length: 20_000,
    });
    expect((entry.value as string).length).toBe(201); // 200 characters and an ellipsis
    expect(entry.message).toBe(
      "dimension (column region) is 40000 bytes long (UTF-8), above Lucene's term limit of 32766 bytes",
    );
  });
});
