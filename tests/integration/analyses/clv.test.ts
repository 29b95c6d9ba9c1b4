import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@elastic/elasticsearch';
import type { ReportDocument, RunDocument } from '../../../common/documents';
import { reportDocumentId } from '../../../common/report_reading';
import type { IndexNames } from '../../../common/indices';
import { REPORT_CATALOGUE, type ReportId } from '../../../common/reports/catalogue';
import type {
  ClvBacktestRow,
  ClvDailyRow,
  ClvSummaryRow,
  ClvTopCustomerRow,
} from '../../../common/reports/clv';
import { runAnalyses } from '../../../sidecar/src/pipeline/run_analyses';
import { dropPrefix, testClient, testPrefix } from '../../helpers/es';
import { demoDocuments } from '../../helpers/demo_documents';
import { loadOrdersFixture } from '../../helpers/orders_fixture';

const CLV_IDS = Object.keys(REPORT_CATALOGUE).filter((id) => id.startsWith('clv/')) as ReportId[];

describe('the clv stage: backtest, forward prediction, weekly refresh, profiles', () => {
  const prefix = testPrefix('clv');
  // 400 days of the demo shop: the backtest's horizon, its naive window and history before.
  const {
    orders,
    downloads,
    lastSessionDay: end,
  } = demoDocuments({ customers: 1_500, days: 400, seed: 11 });
  const now = new Date(`${end}T23:59:59Z`);
  const dimensions = [...new Set(orders.map((o) => o.dimension!).filter(Boolean))].sort();
  let client: Client;
  let names: IndexNames;
  const runIds: string[] = [];

  const report = async (runId: string, id: ReportId, dimension = 'all') => {
    const response = await client.get<ReportDocument>(
      {
        index: names.reports,
        id: reportDocumentId(runId, ...(id.split('/') as [string, string]), dimension),
      },
      { ignore: [404] },
    );
    return response.found ? response._source! : null;
  };
  const clvReports = async (runId: string) =>
    Promise.all(
      ['all', ...dimensions].flatMap((d) =>
        CLV_IDS.map(async (id) => (await report(runId, id, d))?.data),
      ),
    );
  const runLog = async (runId: string) =>
    (await client.get<RunDocument>({ index: names.runs, id: runId }))._source!.logs.map(
      (line) => line.message,
    );

  beforeAll(async () => {
    client = testClient();
    names = await loadOrdersFixture(client, prefix, { orders, downloads });
    runIds.push((await runAnalyses(client, names, { now })).runId);
    runIds.push((await runAnalyses(client, names, { now })).runId);
    runIds.push((await runAnalyses(client, names, { now, force: true })).runId);
  }, 600_000);
  afterAll(async () => {
    await dropPrefix(client, prefix);
    await client.close();
  });

  it('writes every clv report for all and every dimension value, rows as the contract says', async () => {
    expect(dimensions.length).toBeGreaterThan(0);
    for (const dimension of ['all', ...dimensions]) {
      for (const id of CLV_IDS) {
        const doc = await report(runIds[0]!, id, dimension);
        expect(doc, `${id} ${dimension}`).not.toBeNull();
        expect(doc!.data.length, `${id} ${dimension}`).toBeGreaterThan(0);
        for (const row of doc!.data) REPORT_CATALOGUE[id].row.parse(row);
      }
    }
  });

  it('the chosen method beats repeating the previous 6 months by 10 % or more', async () => {
    const rows = (await report(runIds[0]!, 'clv/backtest'))!.data as ClvBacktestRow[];
    const chosen = rows.filter((row) => row.chosen);
    expect(chosen).toHaveLength(1);
    expect(chosen[0]!.method).not.toBe('naive');
    expect(chosen[0]!.mae_ratio).toBeLessThanOrEqual(0.9);
    const params = (await report(runIds[0]!, 'clv/backtest'))!.params as Record<string, unknown>;
    for (const key of ['r', 'alpha', 'a', 'b', 'p', 'q', 'v'])
      expect(params[key]).toBeGreaterThan(0);
    expect(params.time_unit).toBe('days');
    expect(params.verdict).toMatch(/predicted the backtest's 6 months best/);
  });

  it('the sequence models are fitted once on all and applied to every dimension value', async () => {
    type Training = {
      trainedOn: string;
      customers: number;
      trainingCustomers: number;
      gapLosses: number[];
    };
    const trainingOf = async (dimension: string) => {
      const params = (await report(runIds[0]!, 'clv/backtest', dimension))!.params as {
        sequence_training: { backtest: Training | null };
        sequence_models: string;
      };
      expect(params.sequence_models).toMatch(/^fitted once per cutoff on all's orders/);
      return params.sequence_training.backtest!;
    };
    const all = await trainingOf('all');
    expect(all).toMatchObject({ trainedOn: 'all', trainingCustomers: all.customers });
    for (const dimension of dimensions) {
      const value = await trainingOf(dimension);
      expect(value.trainedOn, dimension).toBe('all');
      expect(value.trainingCustomers, dimension).toBe(all.customers);
      expect(value.customers, dimension).toBeLessThan(all.customers);
      // The same fit: its losses, not a refit on the value's orders.
      expect(value.gapLosses, dimension).toEqual(all.gapLosses);
    }
  });

  it('daily actual totals are the sum of purchased orders per UTC day; forecasts start after now', async () => {
    const byDay = new Map<string, number>();
    for (const order of orders) {
      if (!order.purchased) continue;
      const day = order.session_start.slice(0, 10);
      byDay.set(day, (byDay.get(day) ?? 0) + order.payment_amount);
    }
    const rows = (await report(runIds[0]!, 'clv/daily'))!.data as ClvDailyRow[];
    const backtest = rows.filter((row) => row.kind === 'backtest');
    expect(backtest.length).toBeGreaterThan(0);
    for (const row of backtest)
      expect(row.actual, row.date).toBeCloseTo(byDay.get(row.date) ?? 0, 2);
    const forecast = rows.filter((row) => row.kind === 'forecast');
    expect(forecast).toHaveLength(182);
    expect(forecast[0]!.date).toBe(new Date(now.getTime() + 86_400_000).toISOString().slice(0, 10));
    expect(forecast.every((row) => row.actual === null && row.made_on === end)).toBe(true);
    expect(backtest.at(-1)!.date).toBe(end);
  });

  it('the same data and seed give the same clv reports (run 1 and the forced run 3)', async () => {
    expect(await clvReports(runIds[2]!)).toEqual(await clvReports(runIds[0]!));
  });

  it('a run within 7 days skips the stage, says why, and carries the reports forward', async () => {
    expect(await clvReports(runIds[1]!)).toEqual(await clvReports(runIds[0]!));
    const log = await runLog(runIds[1]!);
    expect(log.some((line) => /^clv: skipped: the prediction of .* under 7/.test(line))).toBe(true);
    const forced = await runLog(runIds[2]!);
    expect(forced.some((line) => /--force refits/.test(line))).toBe(true);
    // Which TensorFlow.js backend fitted the models (WASM unless tfjs-node is installed).
    expect(
      forced.some((line) => /^clv: TensorFlow\.js backend (wasm|tensorflow)\b/.test(line)),
    ).toBe(true);
    expect(log.some((line) => line.startsWith('clv: TensorFlow.js backend'))).toBe(false);
  });

  it('profiles carry the clv fields, equal to the top customers report', async () => {
    const summary = ((await report(runIds[2]!, 'clv/summary'))!.data as ClvSummaryRow[])[0]!;
    const top = ((await report(runIds[2]!, 'clv/top_customers'))!.data as ClvTopCustomerRow[])[0]!;
    const response = await client.search<Record<string, unknown>>({
      index: names.customers,
      size: 0,
      track_total_hits: true,
      query: {
        bool: { filter: [{ term: { dimension: 'all' } }, { exists: { field: 'clv_made_on' } }] },
      },
    });
    expect((response.hits.total as { value: number }).value).toBe(summary.customers);
    const profile = (
      await client.get<Record<string, unknown>>({ index: names.customers, id: `all:${top.client}` })
    )._source!;
    expect(profile).toMatchObject({
      clv_predicted_value: top.predicted_value,
      clv_model: summary.method,
      clv_made_on: summary.made_on,
      clv_p_alive: top.p_alive,
    });
  });
});
