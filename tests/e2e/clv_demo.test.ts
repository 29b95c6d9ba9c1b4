import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CLV_METHOD_LABELS, type ClvBacktestRow } from '../../common/reports/clv';
import { readLatestReport } from '../../sidecar/src/reports/report_store';
import { screenshotDashboard as screenshot } from '../helpers/dashboard_screenshot';
import type { DemoStack } from '../helpers/demo_stack';
import { chartRendered, useDashboardSession } from '../helpers/dashboard_session';

/**
 * The CLV dashboard end to end: a generated shop of 400 days (the backtest's 6-month horizon, its
 * naive window and history before) through demo-data → ingest → run → ui. The clv stage's own
 * reports reach the page: every chart draws, the backtest table and the verdict are the stored
 * ones, the headline is the stored prediction, and the dimension filter shows that dimension's.
 * Screenshots: artifacts/clv_dashboard_demo_*.png.
 */
const DIMENSION = 'location_2';

const num = (value: number, decimals = 0) =>
  new Intl.NumberFormat('en-US', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(value);
const signed = (value: number) =>
  value > 0 ? `+${num(value, 2)}` : value < 0 ? `−${num(-value, 2)}` : num(0, 2);

/** The table's visible text for a stored row: method, MAE, bias, daily MAE, ratio, chosen. */
const expectedCells = (row: ClvBacktestRow) => [
  CLV_METHOD_LABELS[row.method],
  num(row.customer_mae, 2),
  signed(row.customer_bias),
  num(row.daily_total_mae, 2),
  num(row.mae_ratio, 2),
  row.chosen ? 'chosen' : '',
];

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
const METHOD_ORDER = ['sequence', 'bg_nbd_gamma_gamma', 'naive'];

describe('the CLV dashboard over a generated shop in Chromium', () => {
  let stack: DemoStack;
  let page: Page;

  useDashboardSession({ name: 'e2e-clv-demo', customers: 500, days: 400, seed: 14 }, (session) => {
    ({ stack, page } = session);
  });

  async function expectStoredContext(dimension: string): Promise<void> {
    const backtest = await readLatestReport(
      stack.client,
      stack.names,
      'clv',
      'backtest',
      dimension,
    );
    const rows = (backtest!.data as ClvBacktestRow[]).sort(
      (a, b) => METHOD_ORDER.indexOf(a.method) - METHOD_ORDER.indexOf(b.method),
    );
    expect(rows.filter((r) => r.chosen)).toHaveLength(1);
    await expect
      .poll(() => page.textContent('[data-test-subj="clvVerdict"]'), { timeout: 30_000 })
      .toBe(backtest!.params.verdict);
    expect(await backtestCells(page)).toEqual(rows.map(expectedCells));
    const [summary] = await stack.read('clv/summary', dimension);
    await expect
      .poll(() => page.textContent('[data-test-subj="clvSummary-predicted"]'), { timeout: 30_000 })
      .toBe(num(summary!.predicted_revenue, 2));
    expect(await page.textContent('[data-test-subj="clvSummary-model"]')).toContain(
      CLV_METHOD_LABELS[summary!.method],
    );
    for (const chart of CHARTS) await chartRendered(page, chart, 60_000);
    const [top] = await stack.read('clv/top_customers', dimension);
    expect(
      await page.textContent('[data-test-subj="clvTopCustomersTable"] tbody tr:first-child'),
    ).toContain(top!.client);
  }

  it('shows the run’s backtest, verdict, prediction and charts for all', async () => {
    await page.goto(`${stack.url}/app/customerAnalytics/clv`);
    await expectStoredContext('all');
    await screenshot(page, 'clv_dashboard_demo_all');
  });

  it('switches to a dimension value’s prediction through the filter', async () => {
    await page.goto(`${stack.url}/app/customerAnalytics/clv`);
    await chartRendered(page, 'clvSegments', 60_000);
    await page.selectOption('[data-test-subj="dimensionFilter"]', DIMENSION);
    await expect.poll(() => page.url(), { timeout: 10_000 }).toContain(`dimension=${DIMENSION}`);
    await expectStoredContext(DIMENSION);
    await screenshot(page, `clv_dashboard_demo_${DIMENSION}`);
  });
});
