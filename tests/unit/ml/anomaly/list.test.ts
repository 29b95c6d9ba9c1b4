import { describe, expect, it } from 'vitest';
import type {
  AnomalyOrdersRow,
  AnomalyRfmRow,
  AnomalyVectorRow,
} from '../../../../common/reports/anomalies';
import { anomalyList } from '../../../../sidecar/src/ml/anomaly/reports';

const none = { influencer_kind: null, influencer: null };
const order = (date: string, score: number, anomalous: boolean): AnomalyOrdersRow => ({
  date,
  orders: 30,
  typical: 10,
  pct_change: 2,
  score,
  anomalous,
  influencer_kind: 'dimension',
  influencer: 'north',
});
const vector = (date: string, score: number, anomalous: boolean): AnomalyVectorRow => ({
  date,
  error: 1,
  score,
  anomalous,
  feature: 'purchased_rate',
  actual: 0.1,
  typical: 0.3,
  ...none,
});
const rfm: AnomalyRfmRow = {
  segment: 'Champions',
  metric: 'revenue',
  customers: 10,
  current: 200,
  predicted: 90,
  change_pct: -0.55,
  score: 70,
  anomalous: true,
};

describe('anomalies/list', () => {
  it('holds only anomalous points, highest score first, ties by date then series', () => {
    const list = anomalyList({
      orders: [order('2025-03-01', 80, true), order('2025-03-02', 40, false)],
      funnel: [vector('2025-02-27', 80, true), vector('2025-03-03', 95, true)],
      cohort: [vector('2025-03-01', 80, true)],
      rfm: [rfm, { ...rfm, segment: 'Lost', score: 10, anomalous: false }],
    });
    expect(list.map((r) => [r.date, r.series, r.score])).toEqual([
      ['2025-03-03', 'funnel', 95],
      ['2025-02-27', 'funnel', 80],
      ['2025-03-01', 'orders', 80],
      ['2025-03-01', 'cohort', 80],
      [null, 'rfm', 70],
    ]);
    expect(list[2]).toMatchObject({
      subject: 'orders',
      actual: 30,
      typical: 10,
      influencer: 'north',
    });
    expect(list[4]).toMatchObject({ subject: 'Champions: revenue', actual: 90, typical: 200 });
  });
});
