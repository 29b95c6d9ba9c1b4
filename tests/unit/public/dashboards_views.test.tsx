import { describe, expect, it } from 'vitest';
import type { CohortRow } from '../../../common/reports/cohort';
import type { FunnelHourRow, FunnelRow } from '../../../common/reports/funnel';
import { promotionSeries } from '../../../public/apps/promotions/promotion_series';
import { strongColorsFirst } from '../../../public/components/charts/chart_theme';
import {
  cohortBands,
  cohortCells,
  cohortPercent,
} from '../../../public/components/charts/cohort_view';
import {
  funnelSeries,
  funnelStepLabel,
  funnelSteps,
  funnelTotals,
} from '../../../public/components/charts/funnel_view';
import {
  formatAmount,
  formatHourOfDay,
  formatHours,
  formatMonth,
  formatOrdinal,
  formatPeriod,
  formatRatio,
} from '../../../public/components/format';

const zeros = () => Array.from({ length: 16 }, () => 0);
const withCounts = (values: Record<number, number>) => {
  const counts = zeros();
  for (const [column, count] of Object.entries(values)) counts[Number(column)] = count;
  return counts;
};

describe('dashboard formatting of amounts, ratios, durations and periods', () => {
  it('shows amounts with 2 decimals and no currency, ratios as percentages', () => {
    expect(formatAmount(1234.5)).toBe('1,234.50');
    expect(formatRatio(0.5863636)).toBe('58.6%');
    expect(formatRatio(0.25, 0)).toBe('25%');
    expect(formatRatio(null)).toBe('n/a');
  });

  it('shows hours, adding days from two days on', () => {
    expect(formatHours(36)).toBe('36.0 h');
    expect(formatHours(118.894)).toBe('118.9 h (5.0 d)');
    expect(formatHours(null)).toBe('n/a');
  });

  it('labels days, weeks (by their Monday), months and hours of day', () => {
    expect(formatPeriod('2025-01-06', 'day')).toBe('6 Jan 2025');
    expect(formatPeriod('2025-01-06', 'week')).toBe('w/c 6 Jan 2025');
    expect(formatPeriod('2025-02-01', 'month')).toBe('Feb 2025');
    expect(formatMonth('2025-12-01')).toBe('Dec 2025');
    expect(formatPeriod(7, 'hour')).toBe('07:00');
    expect(formatHourOfDay(23)).toBe('23:00');
  });

  it('writes ordinals the English way, teens included', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111].map(formatOrdinal)).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '101st',
      '111th',
    ]);
  });
});

describe('cohort heatmap cells and colour bands', () => {
  const rows: CohortRow[] = [
    { period: '2025-01-06', cohort_size: 4, counts: withCounts({ 0: 2, 3: 1 }) },
    { period: '2025-01-13', cohort_size: 0, counts: zeros() },
  ];

  it('keeps the whole grid, with zero counts blank (null) and % of the cohort size', () => {
    const cells = cohortCells(rows, 'percent');
    expect(cells).toHaveLength(32);
    expect(cells[0]).toEqual({
      period: '2025-01-06',
      column: 0,
      count: 2,
      percent: 50,
      value: 50,
    });
    expect(cells[3]).toMatchObject({ column: 3, count: 1, value: 25 });
    expect(cells[1]).toMatchObject({ column: 1, count: 0, value: null });
    // An empty cohort keeps its row, but has no % to show.
    expect(cells[16]).toMatchObject({ period: '2025-01-13', percent: null, value: null });
    expect(cohortCells(rows, 'count')[0]!.value).toBe(2);
  });

  it('has no % for an empty cohort', () => {
    expect(cohortPercent(3, 12)).toBe(25);
    expect(cohortPercent(0, 0)).toBeNull();
  });

  it('gives small counts one band per value and large ones integer ranges up to the max', () => {
    const colors = ['c1', 'c2', 'c3', 'c4', 'c5', 'c6'];
    expect(cohortBands('count', 3, colors)).toEqual([
      { start: 1, end: 2, color: 'c1', label: '1' },
      { start: 2, end: 3, color: 'c4', label: '2' },
      { start: 3, end: Infinity, color: 'c6', label: '3' },
    ]);
    const bands = cohortBands('count', 100, colors);
    expect(bands.map((band) => band.label)).toEqual([
      // Edges at round(1 + k × 100/6): 18, 34, 51, 68, 84.
      '1–17',
      '18–33',
      '34–50',
      '51–67',
      '68–83',
      '84–100',
    ]);
    expect(bands.map((band) => band.color)).toEqual(colors);
  });

  it('uses fixed % bands, finer at the low end', () => {
    const bands = cohortBands('percent', 80, ['a', 'b', 'c', 'd', 'e', 'f']);
    expect(bands.map((band) => band.label)).toEqual([
      '0–5%',
      '5–10%',
      '10–20%',
      '20–30%',
      '30–50%',
      '50–100%',
    ]);
    expect(bands[5]!.end).toBe(Infinity);
  });
});

describe('funnel totals and series', () => {
  const rows: FunnelRow[] = [
    { period: '2025-01-06', counts: { has_sessions: 10, add_to_cart: 4, purchased: 2 } },
    { period: '2025-01-07', counts: { has_sessions: 6, add_to_cart: 4, purchased: 2 } },
  ];

  it('takes the steps in the order the report lists them', () => {
    expect(funnelSteps({ steps: ['has_sessions', 'add_to_cart', 'purchased'] }, rows)).toEqual([
      'has_sessions',
      'add_to_cart',
      'purchased',
    ]);
    expect(funnelSteps({}, rows)).toEqual(['has_sessions', 'add_to_cart', 'purchased']);
  });

  it('sums each step over the periods, with its share of the first step', () => {
    expect(funnelTotals(rows, ['has_sessions', 'add_to_cart', 'purchased'])).toEqual([
      { step: 'has_sessions', total: 16, shareOfFirst: 1 },
      { step: 'add_to_cart', total: 8, shareOfFirst: 0.5 },
      { step: 'purchased', total: 4, shareOfFirst: 0.25 },
    ]);
    expect(funnelTotals([], ['has_sessions'])).toEqual([
      { step: 'has_sessions', total: 0, shareOfFirst: null },
    ]);
  });

  it('names known steps and humanises configured actions', () => {
    expect(funnelStepLabel('has_basket')).toBe('With a basket');
    expect(funnelStepLabel('first_order')).toBe('First order');
    expect(funnelStepLabel('add_to_cart')).toBe('Add to cart');
  });

  it('makes one series per step, over hours for hourly reports', () => {
    const hourly: FunnelHourRow[] = [{ hour: 20, counts: { has_sessions: 1.5 } }];
    expect(funnelSeries(hourly, ['has_sessions', 'purchased'])).toEqual([
      { id: 'has_sessions', name: 'Sessions', points: [{ period: 20, value: 1.5 }] },
      { id: 'purchased', name: 'Purchased', points: [{ period: 20, value: 0 }] },
    ]);
  });
});

describe('promotion series and chart colours', () => {
  it('splits promotions/daily into one series per promotion', () => {
    const series = promotionSeries(
      [
        { promotion: 'a', period: '2025-01-06', orders: 1, revenue: 10, discount: 1 },
        { promotion: 'b', period: '2025-01-06', orders: 2, revenue: 30, discount: 3 },
        { promotion: 'a', period: '2025-01-07', orders: 0, revenue: 0, discount: 0 },
      ],
      'discount',
    );
    expect(series).toEqual([
      {
        id: 'a',
        name: 'a',
        points: [
          { period: '2025-01-06', value: 1 },
          { period: '2025-01-07', value: 0 },
        ],
      },
      { id: 'b', name: 'b', points: [{ period: '2025-01-06', value: 3 }] },
    ]);
  });

  it('puts the strong hues of the palette before their pale tints', () => {
    const palette = [
      'teal',
      'paleTeal',
      'blue',
      'paleBlue',
      'pink',
      'palePink',
      'coral',
      'paleCoral',
      'yellow',
      'paleYellow',
    ];
    expect(strongColorsFirst(palette).slice(0, 6)).toEqual([
      'teal',
      'blue',
      'yellow',
      'coral',
      'paleBlue',
      'pink',
    ]);
    expect(new Set(strongColorsFirst(palette))).toEqual(new Set(palette));
  });
});
