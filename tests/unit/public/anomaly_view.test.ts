import { describe, expect, it } from 'vitest';
import type {
  AnomalyListRow,
  AnomalyOrdersRow,
  AnomalyVectorRow,
} from '../../../common/reports/anomalies';
import {
  anomalyMarkers,
  dayLocation,
  formatInfluencer,
  formatValue,
  ordersPoints,
  parseDay,
  rowsAroundDay,
  vectorPoints,
} from '../../../public/apps/anomalies/anomaly_view';

const listRow = (over: Partial<AnomalyListRow>): AnomalyListRow => ({
  date: '2025-03-04',
  series: 'orders',
  subject: 'orders',
  score: 80,
  actual: 12,
  typical: 40,
  influencer_kind: 'dimension',
  influencer: 'North',
  ...over,
});

describe('the Anomalies dashboard view models', () => {
  it('gives one marker per anomalous day, highest score first, and none to undated RFM rows', () => {
    const markers = anomalyMarkers([
      listRow({ date: '2025-03-10', score: 61.4, series: 'funnel', subject: 'add_to_basket' }),
      listRow({ date: '2025-03-04', score: 70.2, actual: 0.125, typical: 0.31 }),
      listRow({ date: '2025-03-04', score: 93.6, influencer_kind: null, influencer: null }),
      listRow({ date: null, series: 'rfm', subject: 'Champions' }),
    ]);
    expect(markers).toEqual([
      {
        dataValue: Date.UTC(2025, 2, 4),
        header: 'Anomaly · 4 Mar 2025 · score 94 · 2 anomalies',
        details:
          'Daily orders · orders: score 94, actual 12 vs typical 40, influencer –\n' +
          'Daily orders · orders: score 70, actual 0.125 vs typical 0.31, influencer dimension North',
      },
      {
        dataValue: Date.UTC(2025, 2, 10),
        header: 'Anomaly · 10 Mar 2025 · score 61',
        details:
          'Daily funnel · add_to_basket: score 61, actual 12 vs typical 40, influencer dimension North',
      },
    ]);
  });

  it('shows values with the decimals that tell them apart and no trailing zeros', () => {
    expect([2410, 35.5, 1234.56, 0.01, 0.1234, -0.5].map(formatValue)).toEqual([
      '2,410',
      '35.5',
      '1,234.6',
      '0.01',
      '0.123',
      '-0.5',
    ]);
  });

  it('names the influencer with its kind, and a dash when nothing stood out', () => {
    expect(formatInfluencer('promotion', 'SPRING')).toBe('promotion SPRING');
    expect(formatInfluencer(null, null)).toBe('–');
  });

  it('links a date to the Overview on that day, keeping a dimension other than all', () => {
    expect(dayLocation('2025-03-04', 'all')).toEqual({
      pathname: '/overview',
      search: '?day=2025-03-04',
    });
    expect(dayLocation('2025-03-04', 'North East')).toEqual({
      pathname: '/overview',
      search: '?dimension=North+East&day=2025-03-04',
    });
  });

  it('accepts only real UTC days from the URL', () => {
    expect(parseDay('2024-02-29')).toBe('2024-02-29');
    expect(parseDay('2025-02-29')).toBeNull();
    expect(parseDay('2025-3-4')).toBeNull();
    expect(parseDay(null)).toBeNull();
  });

  it('keeps the daily rows within the radius of the focused day, across a month end', () => {
    const rows = ['2025-02-25', '2025-02-26', '2025-03-01', '2025-03-04', '2025-03-05'].map(
      (period) => ({ period, orders: 1 }),
    );
    expect(rowsAroundDay(rows, '2025-03-01', 3).map((r) => r.period)).toEqual([
      '2025-02-26',
      '2025-03-01',
      '2025-03-04',
    ]);
  });

  it('plots orders as % change from the typical weekday (fractions → percent), or as counts', () => {
    const rows: AnomalyOrdersRow[] = [
      {
        date: '2025-03-04',
        orders: 30,
        typical: 40,
        pct_change: -0.25,
        score: 72,
        anomalous: true,
        influencer_kind: 'category',
        influencer: 'Shoes',
      },
      {
        date: '2025-01-02',
        orders: 9,
        typical: null,
        pct_change: null,
        score: 0,
        anomalous: false,
        influencer_kind: null,
        influencer: null,
      },
    ];
    const pct = ordersPoints(rows, 'pct');
    expect(pct.map((p) => [p.date, p.value, p.typical])).toEqual([
      ['2025-01-02', null, null],
      ['2025-03-04', -25, null],
    ]);
    expect(pct[1]!.detail).toBe('30 orders vs typical 40.0 (−25.0%)');
    expect(pct[1]!.influencer).toBe('category Shoes');
    expect(pct[0]!.detail).toBe('9 orders; no typical value yet (first 4 weeks)');
    expect(ordersPoints(rows, 'orders').map((p) => [p.value, p.typical])).toEqual([
      [9, null],
      [30, 40],
    ]);
  });

  it('plots a vector series by its error, naming the feature that contributed most', () => {
    const row: AnomalyVectorRow = {
      date: '2025-03-04',
      error: 0.42,
      score: 88,
      anomalous: true,
      feature: 'ratio_purchased',
      actual: 0.05,
      typical: 0.2,
      influencer_kind: 'dimension',
      influencer: 'North',
    };
    expect(vectorPoints([row])).toEqual([
      {
        date: '2025-03-04',
        value: 0.42,
        typical: null,
        score: 88,
        anomalous: true,
        influencer: 'dimension North',
        detail: 'ratio_purchased: actual 0.05 vs typical 0.2',
      },
    ]);
  });
});
