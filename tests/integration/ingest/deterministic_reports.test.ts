import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@elastic/elasticsearch';
import type { ReportDocument } from '../../../common/documents';
import { indexNames } from '../../../common/indices';
import { demoIngestConfig } from '../../../common/source_mapping';
import { writeDemoFiles } from '../../../sidecar/src/demo/write_files';
import { ensureIndices } from '../../../sidecar/src/es/templates';
import { ingest } from '../../../sidecar/src/ingest/ingest';
import { runAnalyses } from '../../../sidecar/src/pipeline/run_analyses';
import { dropPrefix, testClient, testPrefix } from '../../helpers/es';

/** Every report document of one run, by report/type/dimension, without run id and timestamp. */
async function reportsOf(client: Client, index: string, runId: string) {
  const response = await client.search<ReportDocument>({
    index,
    size: 10_000,
    track_total_hits: true,
    query: { term: { run_id: runId } },
  });
  const total = response.hits.total as { value: number };
  expect(total.value).toBeLessThan(10_000);
  const byKey = new Map<string, Omit<ReportDocument, 'run_id' | 'created_at'>>();
  for (const hit of response.hits.hits) {
    const { run_id: _run, created_at: _created, ...rest } = hit._source!;
    byKey.set(`${rest.report}|${rest.type}|${rest.dimension}`, rest);
  }
  return byKey;
}

describe('the same ingest gives the same reports', () => {
  const prefix = testPrefix('ingest-determinism');
  const names = indexNames(prefix);
  const directory = mkdtempSync(join(tmpdir(), 'ingest-determinism-'));
  let client: Client;

  beforeAll(async () => {
    client = testClient();
    await ensureIndices(client, { prefix });
    await writeDemoFiles({ customers: 1_500, days: 90, seed: 11 }, directory);
    await ingest(client, names, demoIngestConfig(directory), {
      errorsFile: join(directory, 'errors.ndjson'),
    });
  });
  afterAll(async () => {
    await dropPrefix(client, prefix);
    await client.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it(
    'two runs write reports equal field by field except run id and timestamps',
    { timeout: 600_000 },
    async () => {
      const first = await runAnalyses(client, names);
      const second = await runAnalyses(client, names);
      expect(second.runId).not.toBe(first.runId);
      await client.indices.refresh({ index: names.reports });
      const a = await reportsOf(client, names.reports, first.runId);
      const b = await reportsOf(client, names.reports, second.runId);
      expect(a.size).toBeGreaterThan(20);
      // Money sums are among them (the case that differed in the last digit).
      const kpis = a.get('kpis|overall|all')!.data as Array<{ metric: string; total: number }>;
      expect(kpis.find((row) => row.metric === 'revenue')!.total).toBeGreaterThan(0);
      expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
      for (const [key, report] of a) expect(b.get(key), key).toStrictEqual(report);
    },
  );
});

describe('orders loaded before cents', () => {
  const prefix = testPrefix('ingest-no-cents');
  let client: Client;

  beforeAll(() => {
    client = testClient();
  });
  afterAll(async () => {
    await dropPrefix(client, prefix);
    await client.close();
  });

  it(
    'make the run fail with what to do, instead of summing to 0',
    { timeout: 300_000 },
    async () => {
      const names = await ensureIndices(client, { prefix });
      const order = (id: string, day: number) => ({
        session_id: id,
        client: 'c1',
        session_start: `2025-03-0${day}T10:00:00.000Z`,
        purchased: true,
        payment_amount: 12.5,
        discount_amount: 0,
        actions: { has_sessions: true, purchased: true },
      });
      await client.bulk({
        refresh: true,
        operations: [
          { index: { _index: names.orders, _id: 's1' } },
          order('s1', 1),
          { index: { _index: names.orders, _id: 's2' } },
          order('s2', 2),
          { index: { _index: names.downloads, _id: 'c1' } },
          { client: 'c1', download_date: '2025-02-01T00:00:00.000Z' },
        ],
      });
      await expect(runAnalyses(client, names)).rejects.toThrow(
        `2 of 2 orders in ${names.orders} have no payment_cents (loaded by an older version): run 'customer-analytics ingest' again, then the analyses`,
      );
    },
  );
});
