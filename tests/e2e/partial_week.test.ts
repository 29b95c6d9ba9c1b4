import { describe, expect, it } from 'vitest';
import type { TestBrowser } from '../helpers/browser';
import { screenshotDashboard } from '../helpers/dashboard_screenshot';
import { useSeededHost } from '../helpers/dashboard_session';
import { seedReportRun } from '../helpers/host';

/**
 * The Stats dashboard's weekly orders when the data ends on a Friday (4 Jul 2025): the last week
 * (w/c 30 Jun) holds 5 of its 7 days, so it is marked partial instead of reading as a drop; the
 * panel says which day the data runs up to.
 */
const PARAMS = { reference_time: '2025-07-04T18:23:00.000Z', from: '2025-06-02' };
const WEEKLY = [
  { period: '2025-06-02', orders: 140 },
  { period: '2025-06-09', orders: 152 },
  { period: '2025-06-16', orders: 147 },
  { period: '2025-06-23', orders: 150 },
  { period: '2025-06-30', orders: 98 },
];
const DAILY = [{ period: '2025-07-04', orders: 21 }];
const PANEL = '[data-test-subj="ordersPerPeriodPanel"]';
const TABLE = '[data-test-subj="ordersPerPeriodChart-data"]';

describe('a partial last week in Chromium', () => {
  let url: string;
  let browser: TestBrowser;

  useSeededHost(
    'e2e-partial-week',
    async (seedClient, seedNames) => {
      await seedReportRun(seedClient, seedNames, [
        { report: 'stats', type: 'orders_weekly', dimension: 'all', params: PARAMS, data: WEEKLY },
        { report: 'stats', type: 'orders_daily', dimension: 'all', params: PARAMS, data: DAILY },
      ]);
    },
    (session) => {
      ({ url, browser } = session);
    },
  );

  it('marks the last week partial with a note and says the data runs up to 4 Jul 2025', async () => {
    const { page } = browser;
    await page.goto(`${url}/app/customerAnalytics/stats`);
    await page.click('[data-test-subj="ordersPeriod-weekly"]', { timeout: 60_000 });
    await page.waitForSelector(`${TABLE} tr[data-key="2025-06-30"]`, {
      state: 'attached',
      timeout: 30_000,
    });
    await page.waitForSelector(`${PANEL} [data-ech-render-complete="true"]`, {
      state: 'attached',
      timeout: 30_000,
    });

    expect(
      (
        await page.textContent(`${PANEL} [data-test-subj="ordersPerPeriodChart-partialNote"]`)
      )?.trim(),
    ).toBe(
      'The last week (w/c 30 Jun 2025) is partial: the data ends on 4 Jul 2025, 5 of its 7 days.',
    );
    const labels = await page
      .locator(`${TABLE} tbody tr th`)
      .evaluateAll((cells) => cells.map((cell) => cell.textContent?.trim()));
    expect(labels).toEqual([
      'w/c 2 Jun 2025',
      'w/c 9 Jun 2025',
      'w/c 16 Jun 2025',
      'w/c 23 Jun 2025',
      'w/c 30 Jun 2025 (partial)',
    ]);
    expect(await page.textContent(`${PANEL} [data-test-subj="reportDataWindow"]`)).toMatch(
      /^data up to 4 Jul 2025, computed \d{1,2} \w{3} \d{4}, \d{2}:\d{2}$/,
    );
    await screenshotDashboard(page, 'stats_partial_week');

    // Daily bars have no partial period: no note.
    await page.click('[data-test-subj="ordersPeriod-daily"]');
    await page.waitForSelector(`${TABLE} tr[data-key="2025-07-04"]`, {
      state: 'attached',
      timeout: 30_000,
    });
    expect(
      await page.locator(`${PANEL} [data-test-subj="ordersPerPeriodChart-partialNote"]`).count(),
    ).toBe(0);
  });
});
