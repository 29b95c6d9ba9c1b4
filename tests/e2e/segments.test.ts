import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { CustomerProfile } from '../../common/reports/segments';
import { screenshotDashboard as screenshot } from '../helpers/dashboard_screenshot';
import type { DemoStack } from '../helpers/demo_stack';
import { useDashboardSession, chartRendered, tableCell } from '../helpers/dashboard_session';

/**
 * The Segments dashboard in Chromium over a generated shop (demo-data → ingest → run → ui): the
 * treemap's data table holds the stored segment sizes in both schemes, every chart draws, the
 * top-customers table lists the segment's biggest spenders from `customers`, and the dimension
 * filter switches to that dimension's segments. Screenshots: artifacts/segments_dashboard_*.png.
 */
const DIMENSION = 'location_2';

const num = (value: number, decimals = 0) =>
  new Intl.NumberFormat('en-US', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(value);

describe('the Segments dashboard in Chromium', () => {
  let stack: DemoStack;
  let page: Page;

  useDashboardSession({ name: 'e2e-segments', customers: 300, days: 60, seed: 12 }, (session) => {
    ({ stack, page } = session);
  });

  it('shows the stored segments, charts, rules and the top customers of a segment', async () => {
    const sizes = await stack.read('segments/sizes', 'all');
    const kmeans = sizes.filter((r) => r.scheme === 'kmeans' && r.customers > 0);
    const biggest = [...kmeans].sort((a, b) => b.customers - a.customers)[0]!;

    await page.goto(`${stack.url}/app/customerAnalytics/segments`);
    await chartRendered(page, 'segmentsTreemap');
    for (const row of kmeans) {
      expect(await tableCell(page, 'segmentsTreemap', row.segment, 'customers')).toBe(
        num(row.customers),
      );
    }
    for (const chart of [
      'segmentsWeekly',
      'segmentsHistogram-recency',
      'segmentsHistogram-frequency',
      'segmentsHistogram-monetary',
      'segmentsScatter-recency_monetary',
    ]) {
      await chartRendered(page, chart);
    }
    expect(await page.textContent('[data-test-subj="segmentsRuleTable"]')).toContain(
      'r ≥ 4, f ≥ 4, m ≥ 4',
    );
    expect(
      await page.$$eval('[data-test-subj="segmentsQualityTable"] tbody tr', (r) => r.length),
    ).toBeGreaterThanOrEqual(4);

    const top = await stack.client.search<CustomerProfile>({
      index: stack.names.customers,
      size: 1,
      query: {
        bool: { filter: [{ term: { dimension: 'all' } }, { term: { segment: biggest.segment } }] },
      },
      sort: [{ total_spend: 'desc' }, { client: 'asc' }],
    });
    const topClient = top.hits.hits[0]!._source!.client;
    await page.selectOption('[data-test-subj="segmentsTopCustomersSegment"]', biggest.segment);
    await expect
      .poll(() => page.textContent('[data-test-subj="segmentsTopCustomersTable"] tbody tr'), {
        timeout: 30_000,
      })
      .toContain(topClient);
    await screenshot(page, 'segments_dashboard_all');

    await page.click('[data-test-subj="segmentsScheme-quintile"]');
    const quintile = sizes.find((r) => r.scheme === 'quintile' && r.customers > 0)!;
    await expect
      .poll(() => tableCell(page, 'segmentsTreemap', quintile.segment, 'customers'), {
        timeout: 30_000,
      })
      .toBe(num(quintile.customers));
    await page.click('[data-test-subj="segmentsScatterPair-frequency_monetary"]');
    await chartRendered(page, 'segmentsScatter-frequency_monetary');
  });

  it('switches to a dimension value’s segments', async () => {
    const sizes = await stack.read('segments/sizes', DIMENSION);
    const row = sizes.find((r) => r.scheme === 'kmeans' && r.customers > 0)!;
    await page.goto(`${stack.url}/app/customerAnalytics/segments?dimension=${DIMENSION}`);
    await chartRendered(page, 'segmentsTreemap');
    expect(await tableCell(page, 'segmentsTreemap', row.segment, 'customers')).toBe(
      num(row.customers),
    );
    await screenshot(page, `segments_dashboard_${DIMENSION}`);
  });
});
