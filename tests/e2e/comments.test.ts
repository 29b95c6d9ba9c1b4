import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Client } from '@elastic/elasticsearch';
import type { AnnotationDocument } from '../../common/annotations';
import type { IndexNames } from '../../common/indices';
import { ARTIFACTS_DIR, type TestBrowser } from '../helpers/browser';
import { useSeededHost } from '../helpers/dashboard_session';
import { seedReportRun } from '../helpers/host';

/**
 * Chart comments in Chromium on the Overview's daily orders chart: the standalone host (default
 * user 'local') over a hand-written February 2025 of daily orders with a spike on the 20th.
 */
const DAILY_FEBRUARY = Array.from({ length: 28 }, (_, i) => ({
  period: `2025-02-${String(i + 1).padStart(2, '0')}`,
  orders: i + 1 === 20 ? 60 : 20 + (i % 7),
}));
const KPIS = [
  { metric: 'orders', total: 692, last7: 200, previous7: 150, change: 50, change_pct: 33.3 },
];
const SOMEONE_ELSES: AnnotationDocument = {
  chart_id: 'overview.daily_orders',
  dimension: 'all',
  author: 'someone-else',
  created_at: '2025-03-01T09:00:00.000Z',
  anchor_date: '2025-02-10',
  message: 'Newsletter went out',
};
const PANEL = '[data-test-subj="dailyOrdersPanel"]';
const MARKERS = `${PANEL} [data-test-subj="dailyOrdersChart"] [data-test-subj="commentMarker"]`;
const MARKUP = '<b>bold</b><script>window.__commentXss = 1</script>';

/** UI updates wait on Elasticsearch refreshes (about a second): poll longer than vitest's 1 s. */
function eventually<T>(read: () => T | Promise<T>) {
  return expect.poll(read, { timeout: 20_000, interval: 100 });
}

describe('chart comments on the Overview daily orders chart in Chromium', () => {
  let client: Client;
  let names: IndexNames;
  let url: string;
  let browser: TestBrowser;

  useSeededHost(
    'e2e-comments',
    async (seedClient, seedNames) => {
      await seedReportRun(seedClient, seedNames, [
        { report: 'stats', type: 'orders_daily', dimension: 'all', data: DAILY_FEBRUARY },
        { report: 'kpis', type: 'overall', dimension: 'all', data: KPIS },
      ]);
      await seedClient.index({
        index: seedNames.annotations,
        document: SOMEONE_ELSES,
        refresh: true,
      });
    },
    (session) => {
      ({ client, names, url, browser } = session);
    },
  );

  async function commentTexts(): Promise<string[]> {
    return browser.page.locator(`${PANEL} [data-test-subj="commentMessage"]`).allTextContents();
  }

  it('adds a dated comment, lists it, marks the day on the chart, shows markup as text, deletes it', async () => {
    const { page } = browser;
    await page.goto(`${url}/app/customerAnalytics/overview`);
    await page.waitForSelector(`${PANEL} [data-ech-render-complete="true"]`, {
      state: 'attached',
      timeout: 60_000,
    });
    const toggle = page.locator(`${PANEL} [data-test-subj="chartCommentsToggle"]`);
    await eventually(() => toggle.textContent()).toBe('Comments (1)');
    // The other user's comment already has its marker before the list is opened.
    await eventually(() => page.locator(MARKERS).count()).toBe(1);

    await toggle.click();
    expect(await commentTexts()).toEqual(['Newsletter went out']);
    expect(await page.locator(`${PANEL} [data-test-subj="deleteComment"]`).count()).toBe(0);

    await page.fill(
      `${PANEL} [data-test-subj="commentMessageInput"]`,
      'Spike on 20 Feb: TV campaign',
    );
    await page.fill(`${PANEL} [data-test-subj="commentDateInput"]`, '2025-02-20');
    await page.click(`${PANEL} [data-test-subj="addCommentButton"]`);
    await eventually(commentTexts).toEqual(['Spike on 20 Feb: TV campaign', 'Newsletter went out']);
    expect(await toggle.textContent()).toBe('Comments (2)');
    expect(
      await page.locator(`${PANEL} [data-test-subj="commentAuthor"]`).allTextContents(),
    ).toEqual(['local', 'someone-else']);
    expect(
      await page.locator(`${PANEL} [data-test-subj="commentAnchorDate"]`).allTextContents(),
    ).toEqual(['20 Feb 2025', '10 Feb 2025']);
    await eventually(() => page.locator(MARKERS).count()).toBe(2);
    // Only the caller's own comment can be deleted.
    expect(await page.locator(`${PANEL} [data-test-subj="deleteComment"]`).count()).toBe(1);

    // Hovering the new marker shows the comment in the chart's annotation tooltip.
    const markerBoxes = await page
      .locator(MARKERS)
      .evaluateAll((elements) => elements.map((element) => element.getBoundingClientRect().x));
    expect(markerBoxes[0]!).toBeLessThan(markerBoxes[1]!);
    await page.locator(MARKERS).nth(1).hover();
    // The tooltip is portalled to the document body, outside the panel.
    await eventually(() => page.locator('.echAnnotation__details').first().textContent()).toBe(
      'Spike on 20 Feb: TV campaign',
    );
    // A viewport screenshot around the marker: an element screenshot would miss the tooltip,
    // which is portalled to the body.
    const markerBox = (await page.locator(MARKERS).nth(1).boundingBox())!;
    const panelBox = (await page.locator(PANEL).boundingBox())!;
    const top = Math.max(0, markerBox.y - 320);
    await page.screenshot({
      path: join(ARTIFACTS_DIR, 'comments_marker_tooltip.png'),
      clip: { x: panelBox.x, y: top, width: panelBox.width, height: markerBox.y + 60 - top },
    });

    await page.fill(`${PANEL} [data-test-subj="commentMessageInput"]`, MARKUP);
    await page.click(`${PANEL} [data-test-subj="addCommentButton"]`);
    await eventually(commentTexts).toEqual([
      MARKUP,
      'Spike on 20 Feb: TV campaign',
      'Newsletter went out',
    ]);
    const first = page.locator(`${PANEL} [data-test-subj="commentMessage"]`).first();
    expect(await first.locator('b, script').count()).toBe(0);
    expect(await page.evaluate(() => (window as { __commentXss?: number }).__commentXss)).toBe(
      undefined,
    );
    // Not anchored to a day: listed, but no third marker.
    expect(await page.locator(MARKERS).count()).toBe(2);

    await page.mouse.move(0, 0);
    await page
      .locator(PANEL)
      .screenshot({ path: join(ARTIFACTS_DIR, 'comments.png'), animations: 'disabled' });

    // Delete both own comments, the dated one first.
    await page
      .locator(`${PANEL} [data-test-subj="chartComment"]`, { hasText: 'TV campaign' })
      .locator('[data-test-subj="deleteComment"]')
      .click();
    await eventually(commentTexts).toEqual([MARKUP, 'Newsletter went out']);
    await eventually(() => page.locator(MARKERS).count()).toBe(1);
    await page.locator(`${PANEL} [data-test-subj="deleteComment"]`).click();
    await eventually(commentTexts).toEqual(['Newsletter went out']);
    expect(await toggle.textContent()).toBe('Comments (1)');

    const stored = await client.search<AnnotationDocument>({
      index: names.annotations,
      query: { match_all: {} },
    });
    expect(stored.hits.hits.map((hit) => hit._source?.message)).toEqual(['Newsletter went out']);

    // The other Overview reports were not seeded: their 404s are expected "no data" answers.
    const unexpected = browser.errors.filter(
      (error) => !/^HTTP 404: .*\/api\/customer_analytics\/reports\//.test(error),
    );
    expect(unexpected).toEqual([]);
  });
});
