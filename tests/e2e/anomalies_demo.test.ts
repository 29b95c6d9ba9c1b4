import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { AnomalyListRow } from '../../common/reports/anomalies';
import { generateDemo } from '../../sidecar/src/demo';
import { screenshotDashboard } from '../helpers/dashboard_screenshot';
import type { DemoStack } from '../helpers/demo_stack';
import { chartRendered, tableCell, useDashboardSession } from '../helpers/dashboard_session';

/**
 * The Anomalies dashboard end to end: a generated shop (100 days, 1,500 customers: enough days for
 * the autoencoders and 15 downloads a day for the cohort series; the demo plants a spike and an
 * outage day) through demo-data → ingest → run → ui. What the anomalies stage stored reaches the
 * page: each series with rows draws with its anomalous days marked (the planted spike and outage
 * among the orders'), the table is the stored list, and the Overview carries a marker per day with
 * an anomaly. Screenshots: anomalies_dashboard_demo.png, anomalies_dashboard_demo_overview.png.
 */
const SHOP = { name: 'e2e-anomalies-demo', customers: 1_500, days: 100, seed: 3 };
const SERIES_TEXT: Record<AnomalyListRow['series'], string> = {
  funnel: 'Daily funnel',
  cohort: 'Cohort',
  orders: 'Daily orders',
  rfm: 'RFM by segment',
};

const dayText = (day: string) =>
  new Date(`${day}T00:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });

/** A displayed number back to a number (`2,410`, `−3.5`), to compare with the stored value. */
const parseShown = (text: string) => Number(text.replace(/,/g, '').replace('−', '-'));

async function tableRows(page: Page): Promise<string[][]> {
  return page
    .locator('[data-test-subj="anomaliesTable"] tbody tr[data-test-subj="anomalyRow"]')
    .evaluateAll((rows) =>
      rows.map((row) =>
        [...row.querySelectorAll('td .euiTableCellContent')].map((cell) =>
          (cell as HTMLElement).innerText.trim(),
        ),
      ),
    );
}

const PANELS = [
  ['anomalies/orders', 'anomaliesOrdersPanel', 'anomaliesOrdersChart'],
  ['anomalies/funnel', 'anomaliesFunnelPanel', 'anomaliesFunnelChart'],
  ['anomalies/cohort', 'anomaliesCohortPanel', 'anomaliesCohortChart'],
] as const;

describe('the Anomalies dashboard over a generated shop in Chromium', () => {
  let stack: DemoStack;
  let page: Page;

  useDashboardSession(SHOP, (session) => {
    ({ stack, page } = session);
  });

  it('shows the stored series, their anomalous days and the stored list', async () => {
    await page.goto(`${stack.url}/app/customerAnalytics/anomalies`);
    for (const [id, panel, chart] of PANELS) {
      const rows = await stack.read(id, 'all');
      expect(rows.length, `${id} has rows`).toBeGreaterThan(0);
      await chartRendered(page, chart, 60_000);
      expect(await page.getAttribute(`[data-test-subj="${panel}"]`, 'data-state')).toBe('ready');
      const anomalous = rows
        .filter((row) => row.anomalous)
        .map((row) => row.date)
        .sort();
      expect(await page.getAttribute(`[data-test-subj="${chart}"]`, 'data-anomalous-days')).toBe(
        anomalous.join(' '),
      );
    }
    // The demo's planted days (the generator's own calendar, day index = orders row index).
    const orders = await stack.read('anomalies/orders', 'all');
    const { spikeDay, outageDay } = generateDemo(SHOP).world.calendar;
    const marked = (await page.getAttribute(
      '[data-test-subj="anomaliesOrdersChart"]',
      'data-anomalous-days',
    ))!.split(' ');
    for (const planted of [orders[spikeDay]!, orders[outageDay]!]) {
      expect(marked).toContain(planted.date);
      expect(await tableCell(page, 'anomaliesOrdersChart', planted.date, 'score')).toBe(
        String(Math.round(planted.score)),
      );
    }

    const list = await stack.read('anomalies/list', 'all');
    const shown = await tableRows(page);
    const pageRows = list.slice(0, 25);
    expect(shown).toHaveLength(pageRows.length);
    pageRows.forEach((row, i) => {
      const [date, series, subject, score, actual, typical] = shown[i]!;
      expect(date).toBe(row.date === null ? '–' : dayText(row.date));
      expect(series).toBe(SERIES_TEXT[row.series]);
      expect(subject).toBe(row.subject);
      expect(score).toBe(String(Math.round(row.score)));
      expect(parseShown(actual!)).toBeCloseTo(row.actual, 0);
      expect(parseShown(typical!)).toBeCloseTo(row.typical, 0);
    });
    await screenshotDashboard(page, 'anomalies_dashboard_demo');

    await page.goto(`${stack.url}/app/customerAnalytics/overview`);
    await chartRendered(page, 'dailyOrdersChart', 60_000);
    const days = new Set(list.flatMap((row) => (row.date === null ? [] : [row.date])));
    const markers = page.locator(
      '[data-test-subj="dailyOrdersPanel"] [data-test-subj="anomalyMarker"]',
    );
    await expect.poll(() => markers.count(), { timeout: 30_000 }).toBe(days.size);
    await screenshotDashboard(page, 'anomalies_dashboard_demo_overview');
  });
});
