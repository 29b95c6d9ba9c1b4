import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IngestConfig } from '../../../common/source_mapping';
import type { BulkWriter } from '../../../sidecar/src/ingest/bulk_writer';
import { ErrorReport } from '../../../sidecar/src/ingest/error_report';
import { withRestarts, type LoadContext } from '../../../sidecar/src/ingest/load_context';
import { ClientCoverage } from '../../../sidecar/src/ingest/missing_clients';
import { PendingNotices } from '../../../sidecar/src/ingest/pending_notices';
import {
  OutOfOrder,
  ReadState,
  recordsInKeyOrder,
  recordsOf,
  validRecords,
  type SourceStream,
} from '../../../sidecar/src/ingest/record_streams';
import type { RowProblem } from '../../../sidecar/src/ingest/records';
import type { RawRow, RowSource } from '../../../sidecar/src/sources/types';

/** A source of rows `{key}`; a key 'bad' makes the row invalid. */
function source(keys: string[]): RowSource & { reads: number } {
  return {
    label: 'keys.csv',
    reads: 0,
    columns: async () => ['key'],
    sample: async () => [],
    async *rows() {
      this.reads += 1;
      for (let i = 0; i < keys.length; i += 1) yield { line: i + 2, values: { key: keys[i]! } };
    },
  };
}

const problem = (value: string): RowProblem => ({
  field: 'key',
  column: 'key',
  value,
  reason: 'missing_value',
  message: `bad ${value}`,
});

function stream(keys: string[]): SourceStream<{ key: string; line: number }> {
  return {
    role: 'sessions',
    source: source(keys),
    orderBy: 'key',
    validate: (row: RawRow) => {
      const key = String(row.values.key);
      return key.startsWith('bad')
        ? { problems: [problem(key)] }
        : { record: { key, line: row.line } };
    },
    keyOf: (record) => record.key,
  };
}

function work() {
  const dir = mkdtempSync(join(tmpdir(), 'streams-'));
  const report = new ErrorReport(join(dir, 'errors.ndjson'));
  return { dir, report, state: new ReadState(), tempDir: dir, chunkRecords: 2 };
}

const reportLines = (file: string) =>
  readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { line: number; value: string; reason: string });

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const result: T[] = [];
  for await (const item of items) result.push(item);
  return result;
}

describe('validated record streams', () => {
  it('stops at the first key smaller than the one before (OutOfOrder names source and line)', async () => {
    const context = work();
    const error = await collect(
      validRecords(stream(['a', 'bad1', 'c', 'b', 'd']), context, {
        checkOrder: true,
        stage: 'write',
      }),
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OutOfOrder);
    expect((error as OutOfOrder).role).toBe('sessions');
    expect((error as OutOfOrder).line).toBe(5);
    expect((error as Error).message).toBe("sessions line 5: key 'b' comes after 'c'");
  });

  it('reports each bad row once although the source is read again, and counts the last read', async () => {
    const context = work();
    const keys = ['a', 'bad1', 'c', 'b', 'bad2', 'd'];
    await collect(validRecords(stream(keys), context, { checkOrder: true, stage: 'write' })).catch(
      () => undefined,
    );
    // The second read (sorted) sees every row again: only bad2 is new.
    const sorted = await recordsInKeyOrder(stream(keys), context, true);
    expect((await collect(recordsOf(sorted.batches))).map((record) => record.key)).toEqual([
      'a',
      'b',
      'c',
      'd',
    ]);
    expect(sorted.inputSorted()).toBe(false);
    await context.report.close();
    expect(reportLines(join(context.dir, 'errors.ndjson')).map((entry) => entry.value)).toEqual([
      'bad1',
      'bad2',
    ]);
    expect(context.report.rejected).toBe(2);
    expect(context.state.rowsRead).toEqual({ sessions: 6 });
  });

  it('streams sorted input as it comes and says it was sorted', async () => {
    const context = work();
    const streamed = await recordsInKeyOrder(stream(['a', 'a', 'b']), context, false);
    expect((await collect(recordsOf(streamed.batches))).map((record) => record.key)).toEqual([
      'a',
      'a',
      'b',
    ]);
    expect(streamed.inputSorted()).toBe(true);
  });
});

describe('pending notices', () => {
  it('reach the report in order on commit, also beyond what is kept in memory', async () => {
    const context = work();
    const notices = new PendingNotices(context.report, join(context.dir, 'pending.ndjson'));
    for (let i = 1; i <= 12_000; i += 1)
      await notices.add('products', 'p.csv', i, [problem(`n${i}`)]);
    await notices.commit();
    await context.report.close();
    const lines = reportLines(join(context.dir, 'errors.ndjson'));
    expect(lines).toHaveLength(12_000);
    expect(lines[0]!.line).toBe(1);
    expect(lines[11_999]!.line).toBe(12_000);
    expect(lines.every((entry, i) => entry.line === i + 1)).toBe(true);
  });

  it('are dropped on discard', async () => {
    const context = work();
    const notices = new PendingNotices(context.report, join(context.dir, 'pending.ndjson'));
    for (let i = 1; i <= 6_000; i += 1) await notices.add('products', 'p.csv', i, [problem('x')]);
    await notices.discard();
    await context.report.close();
    expect(readFileSync(join(context.dir, 'errors.ndjson'), 'utf8')).toBe('');
  });
});

describe('load attempts', () => {
  it('restart once, sorted, after disorder; the first attempt’s notices are dropped', async () => {
    const base = work();
    let flushes = 0;
    const context: LoadContext = {
      ...base,
      config: {} as IngestConfig,
      sources: {},
      staging: { orders: 'o', downloads: 'd' },
      writer: { flush: async () => void (flushes += 1) } as unknown as BulkWriter,
      notices: { current: base.report },
      refused: {},
      coverage: null,
      queued: { count: 0 },
      log: () => undefined,
    };
    const keys = ['a', 'c', 'b'];
    const attempts: boolean[] = [];
    const result = await withRestarts(context, 'o', async (sort, notices) => {
      attempts.push(sort);
      const ordered = await recordsInKeyOrder(stream(keys), context, sort);
      const seen: string[] = [];
      for await (const record of recordsOf(ordered.batches)) {
        seen.push(record.key);
        await notices.add('sessions', 'keys.csv', record.line, [problem(`seen ${record.key}`)]);
      }
      return seen;
    });
    expect(attempts).toEqual([false, true]);
    expect(result).toEqual(['a', 'b', 'c']);
    expect(flushes).toBe(2);
    await base.report.close();
    expect(reportLines(join(base.dir, 'errors.ndjson')).map((entry) => entry.value)).toEqual([
      'seen a',
      'seen b',
      'seen c',
    ]);
  });

  it('do not retry other errors', async () => {
    const base = work();
    const context = {
      ...base,
      writer: { flush: async () => undefined },
      notices: { current: base.report },
      refused: {},
    } as unknown as LoadContext;
    let attempts = 0;
    await expect(
      withRestarts(context, 'o', async () => {
        attempts += 1;
        throw new Error('Elasticsearch refused a bulk request');
      }),
    ).rejects.toThrow('Elasticsearch refused a bulk request');
    expect(attempts).toBe(1);
  });
});

describe('sessions whose client is not a customer', () => {
  it('are counted per session, whatever order the sessions come in', async () => {
    const coverage = new ClientCoverage(work().dir, 3);
    coverage.startCustomers();
    for (const client of ['a', 'c', 'd', 'f']) await coverage.addCustomer(client);
    coverage.startSessions();
    // Runs of the same client, in no particular client order: b ×3 and e ×2 are missing.
    for (const client of ['d', 'd', 'b', 'a', 'b', 'b', 'e', 'f', 'e', 'c', 'c'])
      await coverage.addSession(client);
    expect(await coverage.count()).toBe(5);
  });

  it('start over with a restarted load', async () => {
    const coverage = new ClientCoverage(work().dir, 3);
    coverage.startCustomers();
    await coverage.addCustomer('a');
    coverage.startSessions();
    for (const client of ['x', 'x', 'y']) await coverage.addSession(client);
    coverage.startSessions();
    for (const client of ['a', 'z']) await coverage.addSession(client);
    expect(await coverage.count()).toBe(1);
  });
});
