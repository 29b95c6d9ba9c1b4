import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@elastic/elasticsearch';
import type { IndexNames } from '../../../common/indices';
import type { AnomalyRfmRow } from '../../../common/reports/anomalies';
import type { ClvSegmentRow } from '../../../common/reports/clv';
import type { SegmentSizeRow } from '../../../common/reports/segments';
import { runAnalyses } from '../../../sidecar/src/pipeline/run_analyses';
import { readLatestReport } from '../../../sidecar/src/reports/report_store';
import { dropPrefix, testClient, testPrefix } from '../../helpers/es';
import { demoDocuments } from '../../helpers/demo_documents';
import { loadOrdersFixture } from '../../helpers/orders_fixture';

const CONTEXTS = ['all', 'location_1', 'location_2', 'location_3'];

describe('anomalies/rfm after the segments and clv stages of the same run', () => {
  const prefix = testPrefix('anomalies-rfm');
  // 400 days: the CLV stage's backtest needs a year before its horizon.
  const {
    orders,
    downloads,
    lastSessionDay: end,
  } = demoDocuments({ customers: 1_000, days: 400, seed: 5 });
  let client: Client;
  let names: IndexNames;

  const read = async <Row>(family: string, type: string, dimension: string) => {
    const report = await readLatestReport(client, names, family, type, dimension);
    expect(report, `${family}/${type} ${dimension}`).not.toBeNull();
    return report!.data as Row[];
  };

  beforeAll(async () => {
    client = testClient();
    names = await loadOrdersFixture(client, prefix, { orders, downloads });
    await runAnalyses(client, names, {
      now: new Date(`${end}T23:59:59Z`),
      only: ['segments/sizes', 'clv/segments', 'anomalies/rfm'],
    });
  }, 600_000);
  afterAll(async () => {
    await dropPrefix(client, prefix);
    await client.close();
  });

  it('has an orders and a revenue row for every k-means segment with customers', async () => {
    for (const context of CONTEXTS) {
      const sizes = await read<SegmentSizeRow>('segments', 'sizes', context);
      const present = sizes
        .filter((row) => row.scheme === 'kmeans' && row.customers > 0)
        .map((row) => row.segment)
        .sort();
      expect(present.length, context).toBeGreaterThanOrEqual(3);
      const rfm = await read<AnomalyRfmRow>('anomalies', 'rfm', context);
      for (const metric of ['orders', 'revenue']) {
        const segments = rfm.filter((row) => row.metric === metric).map((row) => row.segment);
        expect(segments, `${context} ${metric}`).toEqual(expect.arrayContaining(present));
      }
    }
  });

  it('current and predicted are the clv/segments totals per customer of the segment', async () => {
    for (const context of CONTEXTS) {
      const clv = await read<ClvSegmentRow>('clv', 'segments', context);
      const rfm = await read<AnomalyRfmRow>('anomalies', 'rfm', context);
      expect(rfm, context).toHaveLength(2 * clv.length);
      for (const segment of clv) {
        const perCustomer = (total: number) =>
          segment.customers > 0 ? total / segment.customers : 0;
        const row = (metric: string) =>
          rfm.find((r) => r.segment === segment.segment && r.metric === metric)!;
        expect(row('orders'), `${context} ${segment.segment}`).toMatchObject({
          customers: segment.customers,
          current: perCustomer(segment.current_orders),
          predicted: perCustomer(segment.expected_orders),
        });
        expect(row('revenue'), `${context} ${segment.segment}`).toMatchObject({
          customers: segment.customers,
          current: perCustomer(segment.current_revenue),
          predicted: perCustomer(segment.predicted_revenue),
        });
      }
    }
  });
});
