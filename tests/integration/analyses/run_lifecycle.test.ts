import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@elastic/elasticsearch';
import type { RunDocument } from '../../../common/documents';
import type { IndexNames } from '../../../common/indices';
import { latestCompleteRunId, readLatestReport } from '../../../sidecar/src/reports/report_store';
import { runAnalyses } from '../../../sidecar/src/pipeline/run_analyses';
import { dropPrefix, testClient, testPrefix } from '../../helpers/es';
import { loadOrdersFixture } from '../../helpers/orders_fixture';
import { randomFixture } from './fixture_data';

describe('an analyses run: complete only at the end, failures leave the previous run readable', () => {
  const prefix = testPrefix('analyses-lifecycle');
  let client: Client;
  let names: IndexNames;
  let firstRunId: string;

  const run = async (id: string) =>
    (await client.get<RunDocument>({ index: names.runs, id }))._source!;
  const reportRunIds = async () => {
    await client.indices.refresh({ index: names.reports });
    const response = await client.search({
      index: names.reports,
      size: 0,
      aggs: { runs: { terms: { field: 'run_id', size: 20 } } },
    });
    const runs = response.aggregations!.runs as { buckets: Array<{ key: string }> };
    return runs.buckets.map((b) => b.key).sort();
  };

  beforeAll(async () => {
    client = testClient();
    names = await loadOrdersFixture(client, prefix, randomFixture(11));
    firstRunId = (await runAnalyses(client, names)).runId;
  });
  afterAll(async () => {
    await dropPrefix(client, prefix);
    await client.close();
  });

  it('records every stage as complete with a message', async () => {
    const record = await run(firstRunId);
    expect(record.status).toBe('complete');
    expect(record.kind).toBe('analyses');
    expect(record.stages.map((s) => [s.name, s.status])).toEqual([
      ['discover', 'complete'],
      ['customers', 'complete'],
      ['order_pass', 'complete'],
      ['reports', 'complete'],
    ]);
    expect(record.stages.find((s) => s.name === 'reports')!.done).toBe(5);
  });

  it('a run that fails after writing part of its reports is marked failed; readers keep the previous run', async () => {
    const before = await readLatestReport(client, names, 'stats', 'orders_daily', 'all');
    await expect(
      runAnalyses(client, names, {
        onProgress: (event) => {
          // Two of five dimension values written, then the "crash".
          if (event.kind === 'progress' && event.stage === 'reports' && event.done === 2) {
            throw new Error('injected failure after 2 dimension values');
          }
        },
      }),
    ).rejects.toThrow('injected failure');
    const runs = await client.search<RunDocument>({
      index: names.runs,
      query: { term: { status: 'failed' } },
    });
    const failed = runs.hits.hits[0]!._source!;
    expect(failed.error).toBe('injected failure after 2 dimension values');
    expect(failed.stages.find((s) => s.name === 'reports')!.status).toBe('failed');
    expect(await reportRunIds()).toContain(failed.run_id); // it did write some reports …
    expect(await latestCompleteRunId(client, names)).toBe(firstRunId); // … nobody reads them
    const after = await readLatestReport(client, names, 'stats', 'orders_daily', 'all');
    expect(after!.run_id).toBe(firstRunId);
    expect(after!.data).toEqual(before!.data);
  });

  it('a failure before any report (injected at a stage start) also keeps the previous run', async () => {
    await expect(
      runAnalyses(client, names, {
        beforeStage: (stage) => {
          if (stage === 'order_pass') throw new Error('pass refused');
        },
      }),
    ).rejects.toThrow('pass refused');
    expect(await latestCompleteRunId(client, names)).toBe(firstRunId);
  });

  it('--only recomputes the named reports and carries the others forward from the previous run', async () => {
    const result = await runAnalyses(client, names, { only: ['kpis'], keep: 5 });
    expect(result.orderScans).toBe(0); // KPIs are aggregations only: no pass over orders
    expect(result.reports).toBe(5);
    expect(await latestCompleteRunId(client, names)).toBe(result.runId);
    const cohort = await readLatestReport(client, names, 'cohort', 'first_second_weekly', 'north');
    const original = await client.get<{ data: unknown }>({
      index: names.reports,
      id: `${firstRunId}:cohort:first_second_weekly:north`,
    });
    expect(cohort!.run_id).toBe(result.runId);
    expect(cohort!.data).toEqual(original._source!.data);
    await expect(runAnalyses(client, names, { only: ['nonsense'] })).rejects.toThrow(
      /--only 'nonsense' names no report/,
    );
  });

  it('keeps the reports of the newest N complete runs and drops failed runs’ reports', async () => {
    const latest = await runAnalyses(client, names, { keep: 1 });
    expect(await reportRunIds()).toEqual([latest.runId]);
    expect((await readLatestReport(client, names, 'kpis', 'overall', 'south'))!.run_id).toBe(
      latest.runId,
    );
  });
});
