import { describe, expect, it } from 'vitest';
import type { Client } from '@elastic/elasticsearch';
import type { Page } from 'playwright-core';
import type { IndexNames } from '../../common/indices';
import {
  clvBacktestRowSchema,
  clvDailyRowSchema,
  clvPAliveRowSchema,
  clvSegmentRowSchema,
  clvSummaryRowSchema,
  clvTopCustomerRowSchema,
  type ClvDailyRow,
  type ClvMethod,
} from '../../common/reports/clv';
import { writeReports, type ReportToWrite } from '../../sidecar/src/reports/report_store';
import { RunRecorder } from '../../sidecar/src/runs/run_recorder';
import type { TestBrowser } from '../helpers/browser';
import { screenshotDashboard as screenshot } from '../helpers/dashboard_screenshot';
import { chartRendered, tableCell, useSeededHost } from '../helpers/dashboard_session';

/**
 * The CLV dashboard in Chromium over hand-written `clv/*` reports (schema-parsed, so they satisfy
 * the contract) for `all` and `location_2`: every chart draws, the backtest table shows the stored
 * rows, the verdict is the stored one (all) or phrased from the rows (location_2, no stored
 * verdict), and the dimension filter switches to location_2's numbers.
 * Screenshots: artifacts/clv_dashboard_*.png.
 */
const REFERENCE_TIME = '2025-07-01T09:00:00.000Z';
const MADE_ON = '2025-07-01';
const CUTOFF = '2024-12-31';
const REFRESHES = ['2025-06-17', '2025-06-24', MADE_ON];
const DAY_MS = 86_400_000;
const STORED_VERDICT =
  "BG/NBD + Gamma-Gamma is better: its per-customer error is 30.0 % lower than repeating each customer's previous 6 months (MAE 27.30 vs 39.00, bias -2.10 vs 4.80; daily-total MAE 55.40 vs 81.20).";

/** What the stage stores beside the verdict: the fit, its log-likelihoods and the time unit. */
const FIT = {
  cutoff: CUTOFF,
  ...{ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426, p: 6.25, q: 3.74, v: 15.44 },
  log_likelihoods: { bg_nbd: -9582.4, gamma_gamma: -4120.73 },
  time_unit: 'days',
};

const plusDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
/** A weekly rhythm on a slow rise, scaled per dimension; cents-rounded like the stage's money. */
const revenueOn = (i: number, scale: number) =>
  Math.round((400 + 2 * i + 90 * Math.sin((2 * Math.PI * i) / 7)) * scale * 100) / 100;

function dailyRows(scale: number, chosen: ClvMethod): ClvDailyRow[] {
  const rows: ClvDailyRow[] = [];
  for (let i = 0; i < 182; i++) {
    const date = plusDays(CUTOFF, i);
    const actual = revenueOn(i, scale);
    const predicted: Record<ClvMethod, number> = {
      sequence: revenueOn(i, scale) * 0.9 + 30 * scale,
      bg_nbd_gamma_gamma: (400 + 2 * i) * scale,
      naive: revenueOn(i + 3, scale) * 0.8,
    };
    for (const method of ['sequence', 'bg_nbd_gamma_gamma', 'naive'] as const) {
      rows.push({
        date,
        made_on: MADE_ON,
        kind: 'backtest',
        method,
        predicted: predicted[method],
        actual,
      });
    }
  }
  REFRESHES.forEach((madeOn, r) => {
    for (let i = 0; i < 182; i++) {
      const date = plusDays(madeOn, i);
      const known = date < MADE_ON;
      rows.push({
        date,
        made_on: madeOn,
        kind: 'forecast',
        method: r === REFRESHES.length - 1 ? chosen : 'naive',
        predicted: (760 + 4 * i - 25 * r) * scale,
        actual: known ? revenueOn(182 + i - 14 + 7 * r, scale) : null,
      });
    }
  });
  return clvDailyRowSchema.array().parse(rows);
}

const backtest = (rows: Array<[ClvMethod, number, number, number, number, boolean]>) =>
  clvBacktestRowSchema.array().parse(
    rows.map(([method, customer_mae, customer_bias, daily_total_mae, mae_ratio, chosen]) => ({
      method,
      customers: 1_200,
      customer_mae,
      customer_bias,
      daily_total_mae,
      mae_ratio,
      chosen,
    })),
  );

const SEGMENTS = ['Champions', 'Loyal', 'Promising', 'At risk', 'Lost', 'Newcomers'];

function contextReports(dimension: string, scale: number, chosen: ClvMethod): ReportToWrite[] {
  const params = { reference_time: REFERENCE_TIME, made_on: MADE_ON };
  const predicted = SEGMENTS.map((_, i) => Math.round(48_000 * scale * 0.55 ** i));
  const total = predicted.reduce((a, b) => a + b, 0);
  const reports: Record<string, { data: unknown[]; params?: Record<string, unknown> }> = {
    daily: { data: dailyRows(scale, chosen) },
    backtest: {
      data:
        dimension === 'all'
          ? backtest([
              ['sequence', 31.2, 3.4, 60.1, 0.8, false],
              ['bg_nbd_gamma_gamma', 27.3, -2.1, 55.4, 0.7, true],
              ['naive', 39, 4.8, 81.2, 1, false],
            ])
          : backtest([
              ['sequence', 9, -0.4, 20.5, 0.75, true],
              ['bg_nbd_gamma_gamma', 10.8, 1.25, 22, 0.9, false],
              ['naive', 12, 2, 30, 1, false],
            ]),
      params: dimension === 'all' ? { ...params, ...FIT, verdict: STORED_VERDICT } : params,
    },
    summary: {
      data: clvSummaryRowSchema.array().parse([
        {
          made_on: MADE_ON,
          horizon_days: 182,
          method: chosen,
          customers: Math.round(1_200 * scale),
          predicted_revenue: Math.round(total * 1.25 * 100) / 100,
          known_customers_revenue: total,
          newcomers_revenue: Math.round(total * 0.25 * 100) / 100,
          expected_orders: Math.round(2_150 * scale),
          mean_p_alive: 0.62,
        },
      ]),
    },
    segments: {
      data: clvSegmentRowSchema.array().parse(
        SEGMENTS.map((segment, i) => ({
          segment,
          customers: Math.round((120 + 40 * i) * scale),
          predicted_revenue: predicted[i]!,
          share: predicted[i]! / total,
          expected_orders: (300 - 40 * i) * scale,
          current_revenue: Math.round(predicted[i]! * (1.1 - 0.08 * i)),
          current_orders: Math.round((320 - 45 * i) * scale),
        })),
      ),
    },
    top_customers: {
      data: clvTopCustomerRowSchema.array().parse(
        Array.from({ length: 30 }, (_, i) => ({
          client: `${dimension === 'all' ? 'c' : 'l2'}-${String(1000 + i * 37)}`,
          predicted_value: Math.round((2_400 - 55 * i) * scale * 100) / 100,
          expected_orders: 9.5 - i * 0.2,
          p_alive: i % 7 === 3 ? null : 0.99 - i * 0.01,
          segment: SEGMENTS[i % 3]!,
          orders: 20 - Math.floor(i / 3),
          total_spend: Math.round((5_100 - 90 * i) * scale * 100) / 100,
        })),
      ),
    },
    p_alive: {
      data: clvPAliveRowSchema.array().parse(
        Array.from({ length: 20 }, (_, i) => ({
          from: i / 20,
          to: (i + 1) / 20,
          customers: Math.round((i < 4 ? 140 - 30 * i : 10 + 6 * i) * scale),
        })),
      ),
    },
  };
  return Object.entries(reports).map(([type, report]) => ({
    report: 'clv',
    type,
    dimension,
    params: report.params ?? params,
    data: report.data as Array<Record<string, unknown>>,
  }));
}

/** One complete run holding both contexts, with the dimensions the filter lists. */
async function seedClv(client: Client, names: IndexNames): Promise<void> {
  const recorder = await RunRecorder.start(client, names.runs, 'analyses', ['reports']);
  await writeReports(client, names, recorder.runId, [
    ...contextReports('all', 1, 'bg_nbd_gamma_gamma'),
    ...contextReports('location_2', 0.3, 'sequence'),
  ]);
  await client.indices.refresh({ index: names.reports });
  await recorder.complete({ dimensions: ['all', 'location_2'] });
}

/** Each backtest row's visible cells, method order as the table shows them. */
function backtestCells(page: Page): Promise<string[][]> {
  return page.$$eval('[data-test-subj="clvBacktestTable"] tbody tr', (rows) =>
    rows.map((row) =>
      [...row.querySelectorAll('td .euiTableCellContent')].map((cell) =>
        (cell as HTMLElement).innerText.trim(),
      ),
    ),
  );
}

const CHARTS = ['clvBacktestDaily', 'clvForecastDaily', 'clvSegments', 'clvPAlive'];

describe('the CLV dashboard in Chromium', () => {
  let url: string;
  let browser: TestBrowser;

  useSeededHost('e2e-clv', seedClv, (session) => {
    ({ url, browser } = session);
  });

  it('draws every chart, the stored backtest with its verdict, the headline and top customers', async () => {
    const { page } = browser;
    await page.goto(`${url}/app/customerAnalytics/clv`);
    for (const chart of CHARTS) await chartRendered(page, chart, 60_000);

    expect((await page.textContent('[data-test-subj="clvVerdict"]'))?.trim()).toBe(STORED_VERDICT);
    expect((await page.textContent('[data-test-subj="clvModelDetails"]'))?.trim()).toBe(
      'fitted up to 31 Dec 2024 · BG/NBD: r = 0.243, α = 4.41, a = 0.793, b = 2.43 · ' +
        'Gamma-Gamma: p = 6.25, q = 3.74, v = 15.4 · ' +
        'log-likelihoods -9,582.4 (BG/NBD), -4,120.7 (Gamma-Gamma) · time unit: days',
    );
    expect(await backtestCells(page)).toEqual([
      ['LSTM sequence models', '31.20', '+3.40', '60.10', '0.80', ''],
      ['BG/NBD + Gamma-Gamma', '27.30', '−2.10', '55.40', '0.70', 'chosen'],
      ['Naive (repeat the previous 6 months)', '39.00', '+4.80', '81.20', '1.00', ''],
    ]);

    // 6 segments: 48,000 × 0.55^i rounded (48,000 + 26,400 + 14,520 + 7,986 + 4,392 + 2,416 =
    // 103,714) from known customers, a quarter of that from newcomers.
    expect(await page.textContent('[data-test-subj="clvSummary-predicted"]')).toBe('129,642.50');
    expect(await page.textContent('[data-test-subj="clvSummary-known"]')).toBe('103,714.00');
    expect(await page.textContent('[data-test-subj="clvSummary-newcomers"]')).toBe('25,928.50');
    expect(await page.textContent('[data-test-subj="clvSummary-orders"]')).toBe('2,150');
    expect(await page.textContent('[data-test-subj="clvSummary-model"]')).toContain(
      'Made on 1 Jul 2025 by BG/NBD + Gamma-Gamma',
    );

    expect(await tableCell(page, 'clvSegments', 'Champions', 'predicted')).toBe('48,000.00');
    expect(await tableCell(page, 'clvSegments', 'Champions', 'share')).toBe('46.3%');
    expect(await tableCell(page, 'clvPAlive', '0.00', 'value')).toBe('140');
    // Backtest day 0 (31 Dec 2024): actual 400.00; naive is day 3's 445.05 × 0.8.
    expect(await tableCell(page, 'clvBacktestDaily', CUTOFF, 'actual')).toBe('400.00');
    expect(await tableCell(page, 'clvBacktestDaily', CUTOFF, 'naive')).toBe('356.04');
    // 24 Jun 2025: the 17 Jun refresh's day 7 and the 24 Jun refresh's day 0, both with actual.
    expect(await tableCell(page, 'clvForecastDaily', '2025-06-24', 'forecast-2025-06-17')).toBe(
      '788.00',
    );
    expect(await tableCell(page, 'clvForecastDaily', '2025-06-24', 'forecast-2025-06-24')).toBe(
      '735.00',
    );
    expect(await tableCell(page, 'clvForecastDaily', '2025-07-02', 'actual')).toBe('–');
    expect(
      await page.textContent('[data-test-subj="clvTopCustomersTable"] tbody tr:first-child'),
    ).toContain('c-1000');
    await screenshot(page, 'clv_dashboard_all');
  });

  it('switches to location_2 through the dimension filter, its verdict phrased from the rows', async () => {
    const { page } = browser;
    await page.goto(`${url}/app/customerAnalytics/clv`);
    await chartRendered(page, 'clvSegments', 60_000);
    await page.selectOption('[data-test-subj="dimensionFilter"]', 'location_2');
    await expect
      .poll(() => page.textContent('[data-test-subj="clvVerdict"]'), { timeout: 30_000 })
      .toBe(
        'LSTM sequence models won: per-customer error 25.0 % lower than the naive baseline (per-customer MAE 9.00 vs 12.00).',
      );
    expect(page.url()).toContain('dimension=location_2');
    for (const chart of CHARTS) await chartRendered(page, chart);
    expect(await backtestCells(page)).toEqual([
      ['LSTM sequence models', '9.00', '−0.40', '20.50', '0.75', 'chosen'],
      ['BG/NBD + Gamma-Gamma', '10.80', '+1.25', '22.00', '0.90', ''],
      ['Naive (repeat the previous 6 months)', '12.00', '+2.00', '30.00', '1.00', ''],
    ]);
    expect(await page.textContent('[data-test-subj="clvSummary-model"]')).toContain(
      'by LSTM sequence models',
    );
    expect(await tableCell(page, 'clvSegments', 'Champions', 'predicted')).toBe('14,400.00');
    await screenshot(page, 'clv_dashboard_location_2');
  });

  it('reads in dark mode', async () => {
    const { page } = browser;
    await page.goto(`${url}/app/customerAnalytics/clv?theme=dark`);
    for (const chart of CHARTS) await chartRendered(page, chart, 60_000);
    await screenshot(page, 'clv_dashboard_dark');
  });
});
