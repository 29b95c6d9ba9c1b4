import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { PromotionPairRow, PromotionTestRow } from '../../common/reports/abtests';
import { screenshotDashboard as screenshot } from '../helpers/dashboard_screenshot';
import type { DemoStack } from '../helpers/demo_stack';
import { useDashboardSession, chartRendered } from '../helpers/dashboard_session';

/**
 * The A/B tests dashboard in Chromium over a generated shop (demo-data → ingest → run → ui): every
 * chart draws, the planted promo_lift appears among significant amount increases, the pair table
 * holds the stored comparisons, and the products switch and dimension filter reload the charts.
 * Screenshots: artifacts/abtests_dashboard_*.png.
 */
const DIMENSION = 'location_2';

describe('the A/B tests dashboard in Chromium', () => {
  let stack: DemoStack;
  let page: Page;

  useDashboardSession({ name: 'e2e-abtests', customers: 3_000, days: 90, seed: 5 }, (session) => {
    ({ stack, page } = session);
  });

  it('draws the promotion charts, the pair heat map and segment change, with the planted lift', async () => {
    const promotions = (await stack.read('abtests/promotions', 'all')) as PromotionTestRow[];
    const lift = promotions.find((r) => r.promotion === 'promo_lift' && r.metric === 'amount')!;
    expect(lift.q!).toBeLessThan(0.05);
    const pairs = (await stack.read('abtests/promotion_pairs', 'all')) as PromotionPairRow[];

    await page.goto(`${stack.url}/app/customerAnalytics/abtests`);
    for (const chart of [
      'abtestsOriginalView-promotions',
      'abtestsDifferences-promotions',
      'abtestsSignificant-promotions-amount-increase',
      'abtestsPairs',
      'abtestsSegmentChangeChart-amount',
      'abtestsSegmentChangeChart-count',
    ]) {
      await chartRendered(page, chart);
    }
    expect(await page.textContent('[data-test-subj="abtestsExplanation"]')).toContain(
      'Benjamini–Hochberg',
    );
    const pair = pairs[0]!;
    const pairCell = await page.textContent(
      `[data-test-subj="abtestsPairs-data"] tr[data-key="${pair.promotion_a}|${pair.promotion_b}"] td[data-column="result"]`,
    );
    expect(pairCell).toContain(`n = ${pair.n}`);
    await screenshot(page, 'abtests_dashboard_all');

    await page.click('[data-test-subj="abtestsEntity-products"]');
    await chartRendered(page, 'abtestsOriginalView-products');
    await chartRendered(page, 'abtestsDifferences-products');
  });

  it('switches to a dimension value’s tests', async () => {
    await page.goto(`${stack.url}/app/customerAnalytics/abtests?dimension=${DIMENSION}`);
    await chartRendered(page, 'abtestsOriginalView-promotions');
    await chartRendered(page, 'abtestsPairs');
    await screenshot(page, `abtests_dashboard_${DIMENSION}`);
  });
});
