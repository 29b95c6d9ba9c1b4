import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  anomalyListRowSchema,
  anomalyOrdersRowSchema,
  anomalyRfmRowSchema,
  anomalyVectorRowSchema,
  type AnomalyListRow,
} from '../../common/reports/anomalies';
import { ARTIFACTS_DIR, type TestBrowser } from '../helpers/browser';
import { screenshotDashboard } from '../helpers/dashboard_screenshot';
import { chartRendered, tableCell, useSeededHost } from '../helpers/dashboard_session';
import { seedReportRun } from '../helpers/host';

/**
 * The Anomalies dashboard over hand-written reports that satisfy the contract (each row parsed by
 * its schema before it is stored): 8 weeks of days (5 May – 29 Jun 2025) with a planted spike on
 * Tue 10 Jun and an outage on Tue 17 Jun, an anomalous cohort (20 May) and one anomalous segment.
 * Screenshots: artifacts/anomalies_dashboard_{light,dark,overview,marker_tooltip}.png.
 */
const PARAMS = { reference_time: '2025-06-29T20:00:00.000Z', from: '2025-05-05' };
const DAYS = Array.from({ length: 56 }, (_, i) =>
  new Date(Date.UTC(2025, 4, 5 + i)).toISOString().slice(0, 10),
);
const SPIKE = '2025-06-10';
const OUTAGE = '2025-06-17';
const COHORT_DAY = '2025-05-20';

/** Weekends sell 120 and weekdays 100, except the two planted days. */
function ordersOn(day: string): number {
  if (day === SPIKE) return 260;
  if (day === OUTAGE) return 8;
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6 ? 120 : 100;
}

const ORDERS = DAYS.map((date, i) => {
  const orders = ordersOn(date);
  const typical =
    i < 28 ? null : [7, 14, 21, 28].reduce((s, k) => s + ordersOn(DAYS[i - k]!), 0) / 4;
  const planted = date === SPIKE ? 91.3 : date === OUTAGE ? 97.8 : null;
  return anomalyOrdersRowSchema.parse({
    date,
    orders,
    typical,
    pct_change: typical === null ? null : (orders - typical) / typical,
    score: planted ?? (i * 7) % 23,
    anomalous: planted !== null,
    influencer_kind: date === SPIKE ? 'promotion' : date === OUTAGE ? 'dimension' : null,
    influencer: date === SPIKE ? 'SUMMER10' : date === OUTAGE ? 'North' : null,
  });
});

const FUNNEL = DAYS.map((date, i) => {
  const outage = date === OUTAGE;
  const spike = date === SPIKE;
  return anomalyVectorRowSchema.parse({
    date,
    error: outage ? 0.61 : spike ? 0.35 : 0.02 + (i % 5) * 0.003,
    score: outage ? 98.1 : spike ? 84 : (i * 5) % 19,
    anomalous: outage || spike,
    feature: spike ? 'count_add_to_basket' : 'ratio_purchased',
    actual: outage ? 0.01 : spike ? 2410 : 0.21,
    typical: outage ? 0.22 : spike ? 980 : 0.22,
    influencer_kind: outage ? 'dimension' : spike ? 'promotion' : null,
    influencer: outage ? 'North' : spike ? 'SUMMER10' : null,
  });
});

const COHORT = DAYS.slice(0, 42).map((date, i) => {
  const planted = date === COHORT_DAY;
  return anomalyVectorRowSchema.parse({
    date,
    error: planted ? 0.4 : 0.05 + (i % 4) * 0.01,
    score: planted ? 76.5 : (i * 3) % 17,
    anomalous: planted,
    feature: 'first_order_within_7d',
    actual: planted ? 0.05 : 0.18,
    typical: 0.19,
    influencer_kind: planted ? 'category' : null,
    influencer: planted ? 'Shoes' : null,
  });
});

const RFM = [
  ['Champions', 'orders', 120, 3.1, 3.0, 3.3, 4.2],
  ['Champions', 'revenue', 120, 310.5, 298, 4.2, 6.8],
  ['Loyal Customers', 'orders', 340, 1.8, 1.9, -5.3, 8.1],
  ['Loyal Customers', 'revenue', 340, 150.2, 161, -6.7, 9.9],
  ['At Risk', 'orders', 210, 0.6, 0.9, -33.3, 44.0],
  ['At Risk', 'revenue', 210, 35.5, 61, -41.8, 71.2],
].map(([segment, metric, customers, current, predicted, change, score]) =>
  anomalyRfmRowSchema.parse({
    segment,
    metric,
    customers,
    current,
    predicted,
    change_pct: change,
    score,
    anomalous: (score as number) > 50,
  }),
);

const LIST: AnomalyListRow[] = [
  [OUTAGE, 'funnel', 'ratio_purchased', 98.1, 0.01, 0.22, 'dimension', 'North'],
  [OUTAGE, 'orders', 'orders', 97.8, 8, 140, 'dimension', 'North'],
  [SPIKE, 'orders', 'orders', 91.3, 260, 100, 'promotion', 'SUMMER10'],
  [SPIKE, 'funnel', 'count_add_to_basket', 84, 2410, 980, 'promotion', 'SUMMER10'],
  [COHORT_DAY, 'cohort', 'first_order_within_7d', 76.5, 0.05, 0.19, 'category', 'Shoes'],
  [null, 'rfm', 'At Risk · revenue', 71.2, 35.5, 61, null, null],
].map(([date, series, subject, score, actual, typical, kind, influencer]) =>
  anomalyListRowSchema.parse({
    date,
    series,
    subject,
    score,
    actual,
    typical,
    influencer_kind: kind,
    influencer,
  }),
);

/** What the table must show for LIST, written out: date, series, subject, score, values, cause. */
const EXPECTED_TABLE = [
  ['17 Jun 2025', 'Daily funnel', 'ratio_purchased', '98', '0.01', '0.22', 'dimension North'],
  ['17 Jun 2025', 'Daily orders', 'orders', '98', '8', '140', 'dimension North'],
  ['10 Jun 2025', 'Daily orders', 'orders', '91', '260', '100', 'promotion SUMMER10'],
  [
    '10 Jun 2025',
    'Daily funnel',
    'count_add_to_basket',
    '84',
    '2,410',
    '980',
    'promotion SUMMER10',
  ],
  ['20 May 2025', 'Cohort', 'first_order_within_7d', '77', '0.05', '0.19', 'category Shoes'],
  ['–', 'RFM by segment', 'At Risk · revenue', '71', '35.5', '61', '–'],
];

const DAILY = DAYS.map((period) => ({ period, orders: ordersOn(period) }));

const CHARTS = [
  'anomaliesOrdersChart',
  'anomaliesFunnelChart',
  'anomaliesCohortChart',
  'anomaliesRfm-orders',
  'anomaliesRfm-revenue',
];

async function tableRows(page: Page): Promise<string[][]> {
  return page
    .locator('[data-test-subj="anomaliesTable"] tbody tr[data-test-subj="anomalyRow"]')
    .evaluateAll((rows) =>
      rows.map((row) =>
        [...row.querySelectorAll('td')].map((cell) =>
          // The cell's content without EUI's mobile-only header (hidden on a desktop viewport).
          (
            (cell.querySelector('.euiTableCellContent') as HTMLElement | null) ?? cell
          ).innerText.trim(),
        ),
      ),
    );
}

describe('the Anomalies dashboard in Chromium', () => {
  let url: string;
  let browser: TestBrowser;

  useSeededHost(
    'e2e-anomalies',
    async (client, names) => {
      const report = (type: string, data: Array<Record<string, unknown>>) => ({
        report: 'anomalies',
        type,
        dimension: 'all',
        params: PARAMS,
        data,
      });
      await seedReportRun(client, names, [
        report('orders', ORDERS),
        report('funnel', FUNNEL),
        report('cohort', COHORT),
        report('rfm', RFM),
        report('list', LIST),
        { report: 'stats', type: 'orders_daily', dimension: 'all', params: PARAMS, data: DAILY },
      ]);
    },
    (session) => {
      ({ url, browser } = session);
    },
  );

  it('draws every chart, marks the planted days, and the table shows the stored rows', async () => {
    const { page } = browser;
    await page.goto(`${url}/app/customerAnalytics/anomalies`);
    for (const chart of CHARTS) await chartRendered(page, chart, 60_000);

    const anomalousDays = (chart: string) =>
      page.getAttribute(`[data-test-subj="${chart}"]`, 'data-anomalous-days');
    expect(await anomalousDays('anomaliesOrdersChart')).toBe(`${SPIKE} ${OUTAGE}`);
    expect(await anomalousDays('anomaliesFunnelChart')).toBe(`${SPIKE} ${OUTAGE}`);
    expect(await anomalousDays('anomaliesCohortChart')).toBe(COHORT_DAY);
    expect(
      await page.getAttribute('[data-test-subj="anomaliesRfm-revenue"]', 'data-anomalous-segments'),
    ).toBe('At Risk');
    // The outage's % change: (8 − 140) / 140 = −94.3 %, with its score and influencer.
    expect(await tableCell(page, 'anomaliesOrdersChart', OUTAGE, 'value')).toBe('−94.3%');
    expect(await tableCell(page, 'anomaliesOrdersChart', OUTAGE, 'score')).toBe('98');
    expect(await tableCell(page, 'anomaliesOrdersChart', OUTAGE, 'influencer')).toBe(
      'dimension North',
    );
    expect(await tableCell(page, 'anomaliesRfm-revenue', 'At Risk', 'change')).toBe('−41.8%');

    expect(await tableRows(page)).toEqual(EXPECTED_TABLE);

    // Switching the orders view re-renders the whole page while the other charts' drawings stay
    // the same: each must still report it has drawn (the funnel and cohort charts stayed
    // "drawing" for good when a re-render left their drawing unchanged).
    const outageValue = () => tableCell(page, 'anomaliesOrdersChart', OUTAGE, 'value');
    await page.click('[data-test-subj="anomaliesOrdersView-orders"]');
    await expect.poll(outageValue, { timeout: 10_000 }).toBe('8');
    await page.click('[data-test-subj="anomaliesOrdersView-pct"]');
    await expect.poll(outageValue, { timeout: 10_000 }).toBe('−94.3%');
    for (const chart of CHARTS) await chartRendered(page, chart, 10_000);
    expect(
      await page.textContent(
        '[data-test-subj="anomaliesListPanel"] [data-test-subj="reportDataWindow"]',
      ),
    ).toMatch(/^data up to 29 Jun 2025, computed /);
    await screenshotDashboard(page, 'anomalies_dashboard_light');
    expect(browser.errors).toEqual([]);
  });

  it('a date link opens the Overview on that day, with the anomaly markers', async () => {
    const { page } = browser;
    await page.goto(`${url}/app/customerAnalytics/anomalies`);
    await page.locator('[data-test-subj="anomalyDayLink"]').first().click({ timeout: 60_000 });
    await page.waitForURL(/\/overview\?day=2025-06-17$/);
    await chartRendered(page, 'dailyOrdersChart');
    expect(
      await page.textContent('[data-test-subj="focusedDayCallout"] .euiCallOutHeader__title'),
    ).toBe('17 Jun 2025 (shaded), with 14 days either side');
    const days = await page
      .locator('[data-test-subj="dailyOrdersChart-data"] tbody tr')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-key')));
    expect(days[0]).toBe('2025-06-03');
    expect(days.at(-1)).toBe('2025-06-29');
    expect(days).toHaveLength(27);

    // Both planted days are in the window; the cohort day (20 May) is not.
    const markers = page.locator(
      '[data-test-subj="dailyOrdersPanel"] [data-test-subj="anomalyMarker"]',
    );
    await markers.first().waitFor({ timeout: 30_000 });
    expect(await markers.count()).toBe(2);
    await markers.last().hover();
    // The tooltip is portalled to the document body, outside the panel.
    const tooltip = page.locator('.echAnnotation').filter({ hasText: 'Anomaly · 17 Jun 2025' });
    await tooltip.first().waitFor({ timeout: 10_000 });
    expect(await tooltip.first().innerText()).toContain(
      'Daily funnel · ratio_purchased: score 98, actual 0.01 vs typical 0.22, influencer dimension North',
    );
    const markerBox = (await markers.last().boundingBox())!;
    const panelBox = (await page.locator('[data-test-subj="dailyOrdersPanel"]').boundingBox())!;
    const top = Math.max(0, markerBox.y - 320);
    await page.screenshot({
      path: join(ARTIFACTS_DIR, 'anomalies_dashboard_marker_tooltip.png'),
      clip: { x: panelBox.x, y: top, width: panelBox.width, height: markerBox.y + 60 - top },
    });
    await page.mouse.move(0, 0);
    await screenshotDashboard(page, 'anomalies_dashboard_overview');

    await page.click('[data-test-subj="focusedDayClear"]');
    await page.waitForURL(/\/overview$/);
    expect(await page.locator('[data-test-subj="focusedDayCallout"]').count()).toBe(0);
    // Every day again: the cohort day's marker is back too.
    await chartRendered(page, 'dailyOrdersChart');
    await expect.poll(() => markers.count(), { timeout: 10_000 }).toBe(3);
    // Only the Overview panels this file seeds no report for may answer 404 ("No data").
    const unseeded = /^HTTP 404: .*\/reports\/(kpis|journey|churn|products)\//;
    expect(browser.errors.filter((error) => !unseeded.test(error))).toEqual([]);
  });

  it('reads in dark mode', async () => {
    const { page } = browser;
    await page.goto(`${url}/app/customerAnalytics/anomalies?theme=dark`);
    for (const chart of CHARTS) await chartRendered(page, chart, 60_000);
    await screenshotDashboard(page, 'anomalies_dashboard_dark');
    expect(browser.errors.filter((error) => !error.startsWith('HTTP 404: '))).toEqual([]);
  });
});
