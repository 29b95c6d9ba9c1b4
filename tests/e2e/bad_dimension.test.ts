import { describe, expect, it } from 'vitest';
import type { TestBrowser } from '../helpers/browser';
import { screenshotDashboard } from '../helpers/dashboard_screenshot';
import { useSeededHost } from '../helpers/dashboard_session';
import { seedReportRun } from '../helpers/host';

/**
 * A link naming a dimension the latest run does not have (`?dimension=nope`): one callout, the
 * dashboard for `all`, the filter unchanged, comments that load, and no internal run id anywhere.
 */
const DAILY_ALL = Array.from({ length: 14 }, (_, i) => ({
  period: `2025-02-${String(i + 1).padStart(2, '0')}`,
  orders: 20 + (i % 5),
}));
const KPIS = [
  { metric: 'orders', total: 308, last7: 160, previous7: 148, change: 12, change_pct: 8.1 },
];
const DAILY = '[data-test-subj="dailyOrdersPanel"]';

describe('a dimension in the URL that the latest run does not have, in Chromium', () => {
  let url: string;
  let runId: string;
  let browser: TestBrowser;

  useSeededHost(
    'e2e-bad-dimension',
    async (seedClient, seedNames) => {
      runId = await seedReportRun(seedClient, seedNames, [
        { report: 'stats', type: 'orders_daily', dimension: 'all', data: DAILY_ALL },
        { report: 'kpis', type: 'overall', dimension: 'all', data: KPIS },
      ]);
    },
    (session) => {
      ({ url, browser } = session);
    },
  );

  it('shows one callout and the dashboard for all, never adds the value to the filter, never shows the run id', async () => {
    const { page } = browser;
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    await page.goto(`${url}/app/customerAnalytics/overview?dimension=nope`);

    const callout = page.locator('[data-test-subj="unknownDimensionCallout"]');
    await callout.waitFor({ timeout: 60_000 });
    expect((await callout.textContent())?.trim()).toBe(
      "No dimension 'nope' in the latest run — showing all",
    );
    expect(await page.locator('[data-test-subj="unknownDimensionCallout"]').count()).toBe(1);

    // The panels show dimension all: the daily orders of all, drawn.
    await page.waitForSelector(`${DAILY} [data-ech-render-complete="true"]`, {
      state: 'attached',
      timeout: 60_000,
    });
    expect(
      await page.textContent(
        `${DAILY} [data-test-subj="dailyOrdersChart-data"] tr[data-key="2025-02-03"] td[data-column="orders"]`,
      ),
    ).toBe('22');
    expect(await page.textContent('[data-test-subj="kpi-orders-total"]')).toBe('308');

    // The filter offers exactly what the API lists, shows all, and never 'nope'.
    const listed = (await (await fetch(`${url}/api/customer_analytics/dimensions`)).json()) as {
      dimensions: string[];
    };
    const filter = page.locator('[data-test-subj="dimensionFilter"]');
    expect(await filter.inputValue()).toBe('all');
    const options = await filter
      .locator('option')
      .evaluateAll((elements) => elements.map((e) => (e as HTMLOptionElement).value));
    expect(options).toEqual(listed.dimensions);
    expect(options).not.toContain('nope');

    // The comments of the panel load (for all) instead of waiting forever.
    await expect
      .poll(() => page.locator(`${DAILY} [data-test-subj="chartCommentsToggle"]`).textContent(), {
        timeout: 20_000,
      })
      .toBe('Comments (0)');

    // No report was asked for the unknown value, and nothing on the page names the run.
    expect(requested.filter((r) => r.includes('/reports/') && r.includes('nope'))).toEqual([]);
    const pageText = (await page.textContent('body')) ?? '';
    expect(pageText).not.toContain(runId);
    expect(pageText).not.toMatch(/FST_|index_not_found|no such index/);

    const shot = await screenshotDashboard(page, 'overview_unknown_dimension');
    expect(shot).toMatch(/overview_unknown_dimension\.png$/);
    // Only the reports this run lacks (seeded: two) answer 404, and all of them for `all`.
    const unexpected = browser.errors.filter(
      (error) => !/^HTTP 404: .*\/api\/customer_analytics\/reports\//.test(error),
    );
    expect(unexpected).toEqual([]);
    expect(browser.errors.filter((error) => error.includes('nope'))).toEqual([]);

    // Picking a value from the filter leaves the bad one behind.
    await filter.selectOption('all');
    expect(new URL(page.url()).searchParams.get('dimension')).toBeNull();
    await expect.poll(() => callout.count(), { timeout: 10_000 }).toBe(0);
  });
});
