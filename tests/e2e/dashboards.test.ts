import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { COHORT_STEPS } from '../../common/reports/cohort';
import type { TestBrowser } from '../helpers/browser';
import { screenshotDashboard as screenshot } from '../helpers/dashboard_screenshot';
import type { DemoStack } from '../helpers/demo_stack';
import { useDashboardSession, chartRendered, tableCell } from '../helpers/dashboard_session';

/**
 * Every dashboard in Chromium over one generated shop (demo-data → ingest → run → ui): each shows
 * the numbers the stored reports hold (read here from Elasticsearch), read back from the charts'
 * data tables, KPI stats and tables; the dimension filter switches them to that dimension's
 * reports. Screenshots go to artifacts/<dashboard>_*.png.
 */
const DIMENSION = 'location_2';

/** Written out here rather than imported, so a formatting regression in the app shows up. */
function num(value: number, decimals = 0): string {
  return new Intl.NumberFormat('en-US', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(value);
}
const pct = (ratio: number | null, decimals = 1) =>
  ratio === null ? 'n/a' : `${num(ratio * 100, decimals)}%`;
const hours = (value: number) =>
  value >= 48 ? `${num(value, 1)} h (${num(value / 24, 1)} d)` : `${num(value, 1)} h`;

function first<T>(rows: readonly T[]): T {
  const row = rows[0];
  if (row === undefined) throw new Error('the report has no rows');
  return row;
}

async function rowKeys(page: Page, chart: string): Promise<string[]> {
  return page.$$eval(`[data-test-subj="${chart}-data"] tbody tr`, (rows) =>
    rows.map((row) => row.getAttribute('data-key') ?? ''),
  );
}

async function text(page: Page, testSubj: string): Promise<string> {
  return (
    (await page.textContent(`[data-test-subj="${testSubj}"]`, { timeout: 30_000 }))?.trim() ?? ''
  );
}

function eventually<T>(read: () => Promise<T>) {
  return expect.poll(read, { timeout: 30_000, interval: 100 });
}

describe('the dashboards in Chromium', () => {
  let stack: DemoStack;
  let browser: TestBrowser;
  let page: Page;

  const open = async (dashboard: string, waitFor: string) => {
    await page.goto(`${stack.url}/app/customerAnalytics/${dashboard}`);
    await chartRendered(page, waitFor);
  };
  const selectDimension = async (dimension: string) => {
    await page.selectOption('[data-test-subj="dimensionFilter"]', dimension);
    expect(new URL(page.url()).searchParams.get('dimension')).toBe(dimension);
  };

  useDashboardSession({ name: 'e2e-dashboards', customers: 300, days: 60, seed: 11 }, (session) => {
    ({ stack, browser, page } = session);
  });

  it('Overview: journey, churn, weekly churn and the top 10 products and categories', async () => {
    const journey = await stack.read('journey/average', 'all');
    const churn = first(await stack.read('churn/overall', 'all'));
    const weeklyChurn = await stack.read('churn/weekly', 'all');
    const products = await stack.read('products/top_products', 'all');
    const categories = await stack.read('products/top_categories', 'all');
    const downloadToFirst = journey.find((r) => r.metric === 'hours_download_to_first_order');
    const amounts = journey.filter((r) => r.metric === 'order_amount');

    await open('overview', 'topCategoriesChart');
    expect(await text(page, 'journey-download-first')).toBe(hours(downloadToFirst!.value!));
    expect(await tableCell(page, 'journeyAmounts', '1', 'value')).toBe(num(amounts[0]!.value!, 2));
    expect(await text(page, 'churn-rate')).toBe(pct(churn.churn_rate));
    expect(await text(page, 'churn-customers')).toBe(num(churn.customers));
    const week = first(weeklyChurn);
    expect(await tableCell(page, 'weeklyChurnChart', week.period!, 'churn_rate')).toBe(
      pct(week.churn_rate),
    );
    expect(await rowKeys(page, 'topProductsChart')).toEqual(
      products.slice(0, 10).map((row) => row.name),
    );
    expect(await tableCell(page, 'topProductsChart', first(products).name, 'value')).toBe(
      num(first(products).orders),
    );
    expect(await tableCell(page, 'topCategoriesChart', first(categories).name, 'value')).toBe(
      num(first(categories).orders),
    );
    await screenshot(page, 'overview_dashboard_all');

    const churnDimension = first(await stack.read('churn/overall', DIMENSION));
    expect(churnDimension.customers).not.toBe(churn.customers);
    await selectDimension(DIMENSION);
    await eventually(() => text(page, 'churn-customers')).toBe(num(churnDimension.customers));
    expect(await text(page, 'churn-rate')).toBe(pct(churnDimension.churn_rate));
    await chartRendered(page, 'topProductsChart');
    await screenshot(page, `overview_dashboard_${DIMENSION}`);
    expect(browser.errors).toEqual([]);
  });

  it('Customers: payment bins, customers by order count, download cohort, daily funnel', async () => {
    const bins = await stack.read('stats/payment_distribution', 'all');
    const byCount = await stack.read('stats/customers_by_order_count', 'all');
    const weekly = await stack.read('cohort/download_first_weekly', 'all');
    const daily = await stack.read('cohort/download_first_daily', 'all');
    const funnel = await stack.read('funnel/customer_daily', 'all');

    await open('customers', 'customersFunnelChart');
    const bin = first(bins);
    expect(bins).toHaveLength(20);
    expect(await tableCell(page, 'customersPaymentsChart', '0', 'value')).toBe(num(bin.orders));
    expect(
      await page.textContent('[data-test-subj="customersPaymentsChart-data"] tr[data-key="0"] th'),
    ).toBe(`${num(bin.lower, 2)}–${num(bin.upper, 2)}`);
    const ones = byCount.find((row) => row.order_count === 1)!;
    expect(await tableCell(page, 'customersByOrderCountChart', '1', 'value')).toBe(
      num(ones.customers),
    );
    const cohort = first(weekly);
    expect(await tableCell(page, 'customersCohortChart', cohort.period, 'size')).toBe(
      num(cohort.cohort_size),
    );
    expect(await tableCell(page, 'customersCohortChart', cohort.period, '1')).toBe(
      num(cohort.counts[1]!),
    );
    const day = first(funnel);
    expect(await tableCell(page, 'customersFunnelChart', day.period, 'download')).toBe(
      num(day.counts.download!),
    );
    await screenshot(page, 'customers_all');

    await page.click('[data-test-subj="customersCohortMode-percent"]');
    await eventually(() => tableCell(page, 'customersCohortChart', cohort.period, '0')).toBe(
      `${num((cohort.counts[0]! / cohort.cohort_size) * 100, 1)}%`,
    );
    await page.click('[data-test-subj="customersCohortPeriod-day"]');
    await eventually(() => rowKeys(page, 'customersCohortChart')).toEqual(
      daily.map((row) => row.period),
    );

    const binsDimension = await stack.read('stats/payment_distribution', DIMENSION);
    expect(first(binsDimension).orders).not.toBe(bin.orders);
    await selectDimension(DIMENSION);
    await eventually(() => tableCell(page, 'customersPaymentsChart', '0', 'value')).toBe(
      num(first(binsDimension).orders),
    );
    await chartRendered(page, 'customersCohortChart');
    await screenshot(page, `customers_${DIMENSION}_daily_cohort_percent`);
    expect(browser.errors).toEqual([]);
  });

  it('Funnels: session and customer funnels for each period of the switch', async () => {
    const sessionsDaily = await stack.read('funnel/session_daily', 'all');
    const customersDaily = await stack.read('funnel/customer_daily', 'all');
    const sessionsWeekly = await stack.read('funnel/session_weekly', 'all');
    const sessionsHourly = await stack.read('funnel/session_hourly', 'all');
    const total = (rows: Array<{ counts: Record<string, number> }>, step: string) => {
      let sum = 0;
      for (const row of rows) sum += row.counts[step] ?? 0;
      return sum;
    };

    await open('funnels', 'customerFunnel-series');
    expect(await tableCell(page, 'sessionFunnel-totals', 'has_sessions', 'value')).toBe(
      num(total(sessionsDaily, 'has_sessions')),
    );
    expect(await tableCell(page, 'sessionFunnel-totals', 'purchased', 'value')).toBe(
      num(total(sessionsDaily, 'purchased')),
    );
    expect(await tableCell(page, 'customerFunnel-totals', 'first_order', 'value')).toBe(
      num(total(customersDaily, 'first_order')),
    );
    const day = sessionsDaily[10]!;
    expect(await tableCell(page, 'sessionFunnel-series', day.period, 'purchased')).toBe(
      num(day.counts.purchased!),
    );
    await screenshot(page, 'funnels_daily_all');

    await page.click('[data-test-subj="funnelsPeriod-weekly"]');
    await eventually(() => rowKeys(page, 'sessionFunnel-series')).toEqual(
      sessionsWeekly.map((row) => row.period),
    );
    const week = first(sessionsWeekly);
    expect(await tableCell(page, 'sessionFunnel-series', week.period, 'has_basket')).toBe(
      num(week.counts.has_basket!),
    );

    await page.click('[data-test-subj="funnelsPeriod-hourly"]');
    const noon = sessionsHourly.find((row) => row.hour === 12)!;
    await eventually(() => tableCell(page, 'sessionFunnel-series', '12', 'has_sessions')).toBe(
      num(noon.counts.has_sessions!, 2),
    );
    expect(await tableCell(page, 'sessionFunnel-totals', 'has_sessions', 'value')).toBe(
      num(total(sessionsHourly, 'has_sessions'), 2),
    );

    const hourlyDimension = await stack.read('funnel/session_hourly', DIMENSION);
    await selectDimension(DIMENSION);
    await eventually(() => tableCell(page, 'sessionFunnel-totals', 'has_sessions', 'value')).toBe(
      num(total(hourlyDimension, 'has_sessions'), 2),
    );
    await chartRendered(page, 'customerFunnel-series');
    await screenshot(page, `funnels_hourly_${DIMENSION}`);
    expect(browser.errors).toEqual([]);
  });

  it('Cohorts: the four weekly and four daily tables, counts or % of cohort size', async () => {
    await open('cohorts', 'cohortChart-third_fourth');
    for (const step of COHORT_STEPS) {
      const rows = await stack.read(`cohort/${step}_weekly`, 'all');
      expect(await rowKeys(page, `cohortChart-${step}`)).toEqual(rows.map((row) => row.period));
      const row = rows.find((r) => r.cohort_size > 0)!;
      expect(await tableCell(page, `cohortChart-${step}`, row.period, 'size')).toBe(
        num(row.cohort_size),
      );
      expect(await tableCell(page, `cohortChart-${step}`, row.period, '0')).toBe(
        num(row.counts[0]!),
      );
    }
    await screenshot(page, 'cohorts_weekly_all');

    await page.click('[data-test-subj="cohortsGranularity-daily"]');
    await page.click('[data-test-subj="cohortsMode-percent"]');
    for (const step of COHORT_STEPS) {
      const rows = await stack.read(`cohort/${step}_daily`, 'all');
      await eventually(() => rowKeys(page, `cohortChart-${step}`)).toEqual(
        rows.map((row) => row.period),
      );
      const row = rows.find((r) => r.counts[1]! > 0)!;
      expect(await tableCell(page, `cohortChart-${step}`, row.period, '1')).toBe(
        `${num((row.counts[1]! / row.cohort_size) * 100, 1)}%`,
      );
    }

    const dimensionRows = await stack.read('cohort/first_second_daily', DIMENSION);
    const row = dimensionRows.find((r) => r.cohort_size > 0)!;
    await selectDimension(DIMENSION);
    await eventually(() => tableCell(page, 'cohortChart-first_second', row.period, 'size')).toBe(
      num(row.cohort_size),
    );
    await chartRendered(page, 'cohortChart-third_fourth');
    await screenshot(page, `cohorts_daily_percent_${DIMENSION}`);
    expect(browser.errors).toEqual([]);
  });

  it('Stats: orders per period, weekly means per customer, payments', async () => {
    const daily = await stack.read('stats/orders_daily', 'all');
    const monthly = await stack.read('stats/orders_monthly', 'all');
    const hourly = await stack.read('stats/orders_hourly', 'all');
    const sessionsPer = await stack.read('stats/sessions_per_customer_weekly', 'all');
    const ordersPer = await stack.read('stats/orders_per_customer_weekly', 'all');
    const meanPayment = await stack.read('stats/payment_mean_weekly', 'all');
    const bins = await stack.read('stats/payment_distribution', 'all');

    await open('stats', 'statsPaymentsChart');
    const day = daily[20]!;
    expect(await tableCell(page, 'ordersPerPeriodChart', day.period, 'orders')).toBe(
      num(day.orders),
    );
    const week = sessionsPer[2]!;
    expect(await tableCell(page, 'perCustomerChart', week.period, 'sessions')).toBe(
      num(week.mean!, 2),
    );
    const orderWeek = ordersPer.find((row) => row.period === week.period)!;
    await eventually(() => tableCell(page, 'perCustomerChart', week.period, 'orders')).toBe(
      num(orderWeek.mean!, 2),
    );
    const paymentWeek = meanPayment[2]!;
    expect(await tableCell(page, 'meanPaymentChart', paymentWeek.period, 'mean_payment')).toBe(
      num(paymentWeek.mean_payment!, 2),
    );
    expect(await tableCell(page, 'statsPaymentsChart', '1', 'value')).toBe(num(bins[1]!.orders));
    await screenshot(page, 'stats_all');

    await page.click('[data-test-subj="ordersPeriod-monthly"]');
    await eventually(() => rowKeys(page, 'ordersPerPeriodChart')).toEqual(
      monthly.map((row) => row.period),
    );
    expect(await tableCell(page, 'ordersPerPeriodChart', first(monthly).period, 'orders')).toBe(
      num(first(monthly).orders),
    );
    await page.click('[data-test-subj="ordersPeriod-hourly"]');
    const evening = hourly.find((row) => row.hour === 20)!;
    await eventually(() => tableCell(page, 'ordersPerPeriodChart', '20', 'orders')).toBe(
      num(evening.orders, 2),
    );

    const hourlyDimension = await stack.read('stats/orders_hourly', DIMENSION);
    await selectDimension(DIMENSION);
    await eventually(() => tableCell(page, 'ordersPerPeriodChart', '20', 'orders')).toBe(
      num(hourlyDimension.find((row) => row.hour === 20)!.orders, 2),
    );
    await chartRendered(page, 'ordersPerPeriodChart');
    await screenshot(page, `stats_hourly_${DIMENSION}`);
    expect(browser.errors).toEqual([]);
  });

  it('Products: most combined pairs, top products and categories, daily product revenue', async () => {
    const pairs = await stack.read('products/top_pairs', 'all');
    const products = await stack.read('products/top_products', 'all');
    const categories = await stack.read('products/top_categories', 'all');
    const revenue = await stack.read('products/daily_revenue', 'all');

    await open('products', 'productRevenueChart');
    const pair = first(pairs);
    expect(await tableCell(page, 'topPairsChart', `${pair.first}|${pair.second}`, 'value')).toBe(
      num(pair.orders),
    );
    expect(await rowKeys(page, 'topPairsChart')).toHaveLength(Math.min(15, pairs.length));
    expect(await rowKeys(page, 'productsTopProductsChart')).toEqual(
      products.slice(0, 20).map((row) => row.name),
    );
    expect(
      await tableCell(page, 'productsTopCategoriesChart', first(categories).name, 'value'),
    ).toBe(num(first(categories).orders));
    const day = revenue[30]!;
    expect(await tableCell(page, 'productRevenueChart', day.period, 'revenue')).toBe(
      num(day.revenue, 2),
    );
    await screenshot(page, 'products_all');

    const pairsDimension = await stack.read('products/top_pairs', DIMENSION);
    const top = first(pairsDimension);
    await selectDimension(DIMENSION);
    await eventually(() => rowKeys(page, 'topPairsChart')).toEqual(
      pairsDimension.slice(0, 15).map((row) => `${row.first}|${row.second}`),
    );
    expect(await tableCell(page, 'topPairsChart', `${top.first}|${top.second}`, 'value')).toBe(
      num(top.orders),
    );
    await chartRendered(page, 'productRevenueChart');
    await screenshot(page, `products_${DIMENSION}`);
    expect(browser.errors).toEqual([]);
  });

  it('Promotions: per-promotion KPIs, daily inorganic ratio, revenue and discount per day', async () => {
    const kpis = await stack.read('promotions/kpis', 'all');
    const ratio = await stack.read('promotions/inorganic_ratio_daily', 'all');
    const daily = await stack.read('promotions/daily', 'all');
    const kpiCell = (promotion: string, field: string) =>
      page.innerText(
        `[data-test-subj="promotionRow-${promotion}"] [data-test-subj="promotionCell-${field}"] .euiTableCellContent`,
        { timeout: 30_000 },
      );

    await open('promotions', 'promotionDiscountChart');
    expect(kpis.length).toBeGreaterThan(1);
    for (const row of kpis) {
      expect(await kpiCell(row.promotion, 'orders')).toBe(num(row.orders));
      expect(await kpiCell(row.promotion, 'revenue')).toBe(num(row.revenue, 2));
      expect(await kpiCell(row.promotion, 'discount')).toBe(num(row.discount, 2));
      expect(await kpiCell(row.promotion, 'customers')).toBe(num(row.customers));
    }
    const day = ratio.find((row) => row.ratio !== null && row.ratio > 0)!;
    expect(await tableCell(page, 'inorganicRatioChart', day.period, 'ratio')).toBe(pct(day.ratio));
    const promoDay = daily.find((row) => row.revenue > 0)!;
    expect(
      await tableCell(page, 'promotionRevenueChart', promoDay.period, promoDay.promotion),
    ).toBe(num(promoDay.revenue, 2));
    expect(
      await tableCell(page, 'promotionDiscountChart', promoDay.period, promoDay.promotion),
    ).toBe(num(promoDay.discount, 2));
    await screenshot(page, 'promotions_all');

    const kpisDimension = await stack.read('promotions/kpis', DIMENSION);
    const promotion = first(kpisDimension);
    expect(promotion.orders).not.toBe(
      kpis.find((r) => r.promotion === promotion.promotion)?.orders,
    );
    await selectDimension(DIMENSION);
    await eventually(() => kpiCell(promotion.promotion, 'orders')).toBe(num(promotion.orders));
    await chartRendered(page, 'promotionDiscountChart');
    await screenshot(page, `promotions_${DIMENSION}`);
    expect(browser.errors).toEqual([]);
  });
});
