import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { SearchType } from '../../common/search';
import { screenshotDashboard as screenshot } from '../helpers/dashboard_screenshot';
import type { DemoStack } from '../helpers/demo_stack';
import { useDashboardSession } from '../helpers/dashboard_session';

/**
 * The Search app in Chromium over a generated shop (demo-data → ingest → run → ui): a mistyped
 * product name, client id and promotion code each find their value, and picking it opens its view
 * with the orders counted straight from `orders`. Screenshots: artifacts/search_*.png.
 */

/** Two neighbouring characters swapped in the middle: a typo, not a prefix. */
function mistype(value: string): string {
  const at = Math.floor(value.length / 2) - 1;
  return value.slice(0, at) + value[at + 1] + value[at] + value.slice(at + 2);
}

const num = (value: number) => new Intl.NumberFormat('en-US').format(value);

describe('the Search app in Chromium', () => {
  let stack: DemoStack;
  let page: Page;

  useDashboardSession({ name: 'e2e-search', customers: 200, days: 30, seed: 16 }, (session) => {
    ({ stack, page } = session);
  });

  /** The value of `field` on the most orders, and how many orders hold it (brute force count). */
  async function busiest(
    field: string,
    nested: boolean,
  ): Promise<{ value: string; orders: number }> {
    const terms = { terms: { field, size: 1 } };
    const response = await stack.client.search({
      index: stack.names.orders,
      size: 0,
      query: { term: { purchased: true } },
      aggs: nested
        ? {
            lines: {
              nested: { path: 'basket' },
              aggs: { top: { ...terms, aggs: { orders: { reverse_nested: {} } } } },
            },
          }
        : { top: terms },
    });
    interface Top {
      buckets: Array<{ key: string; doc_count: number; orders?: { doc_count: number } }>;
    }
    const aggs = response.aggregations as unknown as { top?: Top; lines?: { top: Top } };
    const bucket = (nested ? aggs.lines!.top : aggs.top!).buckets[0]!;
    return {
      value: String(bucket.key),
      orders: nested ? bucket.orders!.doc_count : bucket.doc_count,
    };
  }

  async function searchAndOpen(type: SearchType, value: string, shot: string): Promise<void> {
    await page.goto(`${stack.url}/app/customerAnalytics/search`);
    await page.fill('[data-test-subj="searchField"]', mistype(value));
    const hit = page.locator(`[data-test-subj="searchHit-${type}"]`, {
      has: page.locator('[data-test-subj="searchHitValue"]', { hasText: value }),
    });
    await hit.first().waitFor({ timeout: 30_000 });
    const first = page
      .locator('[data-test-subj="searchHits"] [data-test-subj="searchHitValue"]')
      .first();
    expect(await first.textContent()).toBe(value);
    await screenshot(page, `search_${shot}_hits`);
    await hit.first().click();
    await page.waitForSelector('[data-test-subj="entityView"]', { timeout: 30_000 });
  }

  it('a mistyped product name finds the product; its view counts its orders', async () => {
    const product = await busiest('basket.product', true);
    await searchAndOpen('product', product.value, 'product');
    expect(page.url()).toContain(`/search/product/${encodeURIComponent(product.value)}`);
    const orders = await page.textContent('[data-test-subj="entityKpi-orders"] .euiStat__title');
    expect(orders?.trim()).toBe(num(product.orders));
    for (const chart of ['daily_orders', 'daily_units', 'daily_revenue']) {
      await page.waitForSelector(
        `[data-test-subj="entityChart-${chart}"] [data-ech-render-complete="true"]`,
        { state: 'attached', timeout: 30_000 },
      );
    }
    await screenshot(page, 'search_product_view');
  });

  it('a mistyped client id and promotion code find theirs', async () => {
    const client = await busiest('client', false);
    await searchAndOpen('client', client.value, 'client');
    expect(
      (await page.textContent('[data-test-subj="entityKpi-orders"] .euiStat__title'))?.trim(),
    ).toBe(num(client.orders));
    await page.waitForSelector('[data-test-subj="entityHistory"]');
    await screenshot(page, 'search_client_view');

    const promotion = await busiest('promotion_id', false);
    await searchAndOpen('promotion', promotion.value, 'promotion');
    expect(
      (await page.textContent('[data-test-subj="entityKpi-orders"] .euiStat__title'))?.trim(),
    ).toBe(num(promotion.orders));
    await screenshot(page, 'search_promotion_view');
  });
  it('the search bar in a dashboard header opens the hit with the keyboard, keeping the dimension', async () => {
    const product = await busiest('basket.product', true);
    await page.goto(`${stack.url}/app/customerAnalytics/overview?dimension=all`);
    await page.fill('[data-test-subj="headerSearchField"]', mistype(product.value));
    const hit = page.locator('[data-test-subj="searchHit-product"]', {
      has: page.locator('[data-test-subj="searchHitValue"]', { hasText: product.value }),
    });
    await hit.first().waitFor({ timeout: 30_000 });
    await screenshot(page, 'search_header_hits');
    await page.press('[data-test-subj="headerSearchField"]', 'Enter');
    await page.waitForSelector('[data-test-subj="entityView"]', { timeout: 30_000 });
    expect(page.url()).toContain(`/search/product/${encodeURIComponent(product.value)}`);
    expect(page.url()).toContain('dimension=all');
    expect(
      (await page.textContent('[data-test-subj="entityKpi-orders"] .euiStat__title'))?.trim(),
    ).toBe(num(product.orders));
  });
});
