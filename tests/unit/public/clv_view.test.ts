import { describe, expect, it } from 'vitest';
import type { ClvBacktestRow, ClvDailyRow } from '../../../common/reports/clv';
import {
  backtestFailures,
  backtestLines,
  backtestVerdict,
  chosenMethod,
  forecastLines,
  latestSummary,
  modelDetails,
  orderedBacktest,
  pAliveBars,
  segmentsByPrediction,
} from '../../../public/apps/clv/clv_view';

const daily = (
  kind: 'backtest' | 'forecast',
  made_on: string,
  method: ClvDailyRow['method'],
  date: string,
  predicted: number,
  actual: number | null,
): ClvDailyRow => ({ kind, made_on, method, date, predicted, actual });

const score = (
  method: ClvBacktestRow['method'],
  customer_mae: number,
  mae_ratio: number,
  chosen: boolean,
): ClvBacktestRow => ({
  method,
  customers: 40,
  customer_mae,
  customer_bias: -1.5,
  daily_total_mae: 12,
  mae_ratio,
  chosen,
});

describe('the CLV dashboard’s daily lines', () => {
  const rows: ClvDailyRow[] = [
    daily('backtest', '2025-07-01', 'naive', '2025-01-02', 90, 100),
    daily('backtest', '2025-07-01', 'naive', '2025-01-01', 80, 110),
    daily('backtest', '2025-07-01', 'bg_nbd_gamma_gamma', '2025-01-01', 105, 110),
    daily('backtest', '2025-07-01', 'bg_nbd_gamma_gamma', '2025-01-02', 98, 100),
    daily('forecast', '2025-06-24', 'naive', '2025-06-25', 70, 75),
    daily('forecast', '2025-06-24', 'naive', '2025-07-02', 71, null),
    daily('forecast', '2025-07-01', 'bg_nbd_gamma_gamma', '2025-07-02', 101, null),
  ];

  it('takes the chosen method from the newest refresh’s forecast', () => {
    expect(chosenMethod(rows)).toBe('bg_nbd_gamma_gamma');
    expect(chosenMethod(rows.filter((r) => r.kind === 'backtest'))).toBeNull();
  });

  it('draws the backtest as actual plus one line per method, days ascending, chosen emphasised', () => {
    expect(backtestLines(rows)).toEqual([
      {
        id: 'actual',
        name: 'Actual',
        role: 'actual',
        emphasised: false,
        points: [
          { date: '2025-01-01', value: 110 },
          { date: '2025-01-02', value: 100 },
        ],
      },
      {
        id: 'bg_nbd_gamma_gamma',
        name: 'BG/NBD + Gamma-Gamma (chosen)',
        role: 'bg_nbd_gamma_gamma',
        emphasised: true,
        points: [
          { date: '2025-01-01', value: 105 },
          { date: '2025-01-02', value: 98 },
        ],
      },
      {
        id: 'naive',
        name: 'Naive (repeat the previous 6 months)',
        role: 'naive',
        emphasised: false,
        points: [
          { date: '2025-01-01', value: 80 },
          { date: '2025-01-02', value: 90 },
        ],
      },
    ]);
  });

  it('keeps each refresh’s forecast its own line, newest first, with actual only where known', () => {
    const { lines, hidden } = forecastLines(rows);
    expect(hidden).toBe(0);
    expect(lines.map((l) => [l.id, l.name, l.emphasised, l.points.length])).toEqual([
      ['forecast-2025-07-01', 'Made 1 Jul 2025 (BG/NBD + Gamma-Gamma)', true, 1],
      ['forecast-2025-06-24', 'Made 24 Jun 2025 (Naive (repeat the previous 6 months))', false, 2],
      ['actual', 'Actual', false, 1],
    ]);
    expect(lines[2]!.points).toEqual([{ date: '2025-06-25', value: 75 }]);
  });

  it('draws the newest 6 refreshes and counts the older ones left out', () => {
    const weekly = Array.from({ length: 8 }, (_, i) =>
      daily(
        'forecast',
        `2025-05-${String(i + 10).padStart(2, '0')}`,
        'naive',
        '2025-08-01',
        i,
        null,
      ),
    );
    const { lines, hidden } = forecastLines(weekly);
    expect(hidden).toBe(2);
    expect(lines.map((l) => l.id)).toEqual([
      'forecast-2025-05-17',
      'forecast-2025-05-16',
      'forecast-2025-05-15',
      'forecast-2025-05-14',
      'forecast-2025-05-13',
      'forecast-2025-05-12',
    ]);
  });
});

describe('the CLV backtest verdict', () => {
  it('uses the verdict the stage stored', () => {
    expect(backtestVerdict([], { verdict: 'BG/NBD won by a mile.' })).toBe('BG/NBD won by a mile.');
  });

  it('phrases a model’s win as its error below the naive baseline’s', () => {
    const rows = [score('naive', 20, 1, false), score('bg_nbd_gamma_gamma', 15, 0.75, true)];
    expect(backtestVerdict(rows, {})).toBe(
      'BG/NBD + Gamma-Gamma won: per-customer error 25.0 % lower than the naive baseline (per-customer MAE 15.00 vs 20.00).',
    );
  });

  it('phrases the naive baseline’s win with the best model’s excess error', () => {
    const rows = [
      score('sequence', 26, 1.3, false),
      score('bg_nbd_gamma_gamma', 22, 1.1, false),
      score('naive', 20, 1, true),
    ];
    expect(backtestVerdict(rows, undefined)).toBe(
      "The naive baseline won: BG/NBD + Gamma-Gamma's per-customer error is 10.0 % higher (per-customer MAE 22.00 vs 20.00).",
    );
  });

  it('has no verdict without a chosen row or a naive row', () => {
    expect(
      backtestVerdict([score('sequence', 1, 0.5, false), score('naive', 2, 1, false)], {}),
    ).toBeNull();
    expect(backtestVerdict([score('sequence', 1, 0.5, true)], {})).toBeNull();
  });

  it('describes the stored fit and leaves out what the stage did not store', () => {
    expect(
      modelDetails({
        cutoff: '2025-01-03',
        r: 0.2431,
        alpha: 4.414,
        a: 0.7932,
        b: 2.426,
        p: 6.25,
        q: 3.74,
        v: 15.44,
        log_likelihoods: { bg_nbd: -9582.44, gamma_gamma: -4120.73 },
        time_unit: 'days',
        tf_backend: 'wasm',
      }),
    ).toEqual([
      'fitted up to 3 Jan 2025',
      'BG/NBD: r = 0.243, α = 4.41, a = 0.793, b = 2.43',
      'Gamma-Gamma: p = 6.25, q = 3.74, v = 15.4',
      'log-likelihoods -9,582.4 (BG/NBD), -4,120.7 (Gamma-Gamma)',
      'time unit: days',
      'tfjs backend: wasm',
    ]);
    // A partial fit (a failed Gamma-Gamma) and no log-likelihoods: only what is whole.
    expect(modelDetails({ r: 1, alpha: 2, a: 3, b: 4, p: 5, log_likelihoods: null })).toEqual([
      'BG/NBD: r = 1.00, α = 2.00, a = 3.00, b = 4.00',
    ]);
    expect(modelDetails(undefined)).toEqual([]);
  });

  it('names the methods the backtest could not score, with the stage’s reason', () => {
    expect(
      backtestFailures({
        failures: [
          { method: 'sequence', reason: 'training diverged (loss NaN at epoch 3)' },
          { method: 'unknown_model', reason: 'x' },
          { reason: 'no method' },
        ],
      }),
    ).toEqual([
      { method: 'LSTM sequence models', reason: 'training diverged (loss NaN at epoch 3)' },
      { method: 'unknown_model', reason: 'x' },
    ]);
    expect(backtestFailures({ failures: [] })).toEqual([]);
    expect(backtestFailures(undefined)).toEqual([]);
  });

  it('lists models in the contract’s order, the naive baseline last', () => {
    const rows = [
      score('naive', 20, 1, false),
      score('bg_nbd_gamma_gamma', 15, 0.75, true),
      score('sequence', 18, 0.9, false),
    ];
    expect(orderedBacktest(rows).map((r) => r.method)).toEqual([
      'sequence',
      'bg_nbd_gamma_gamma',
      'naive',
    ]);
  });
});

describe('the CLV summary, segments and P(alive) bins', () => {
  it('shows the newest refresh’s summary', () => {
    const row = (made_on: string) => ({
      made_on,
      horizon_days: 182,
      method: 'naive' as const,
      customers: 1,
      predicted_revenue: 1,
      known_customers_revenue: 1,
      newcomers_revenue: 0,
      expected_orders: 1,
      mean_p_alive: null,
    });
    expect(latestSummary([row('2025-06-24'), row('2025-07-01'), row('2025-06-17')])?.made_on).toBe(
      '2025-07-01',
    );
    expect(latestSummary([])).toBeNull();
  });

  it('orders segments by predicted revenue, ties by name', () => {
    const seg = (segment: string, predicted_revenue: number) => ({
      segment,
      customers: 1,
      predicted_revenue,
      share: 0,
      expected_orders: 0,
      current_revenue: 0,
      current_orders: 0,
    });
    expect(
      segmentsByPrediction([seg('Lost', 5), seg('Loyal', 90), seg('At risk', 5)]).map(
        (s) => s.segment,
      ),
    ).toEqual(['Loyal', 'At risk', 'Lost']);
  });

  it('keys P(alive) bins by their lower edge and labels their range, left to right', () => {
    expect(
      pAliveBars([
        { from: 0.95, to: 1, customers: 7 },
        { from: 0, to: 0.05, customers: 3 },
      ]),
    ).toEqual([
      { key: '0.00', label: '0.00–0.05', value: 3 },
      { key: '0.95', label: '0.95–1.00', value: 7 },
    ]);
  });
});
