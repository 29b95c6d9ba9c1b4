import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { TestBrowser } from '../helpers/browser';
import { screenshotDashboard } from '../helpers/dashboard_screenshot';
import type { DemoStack } from '../helpers/demo_stack';
import { useDashboardSession, chartRendered } from '../helpers/dashboard_session';

/**
 * Kibana's dark mode in the standalone host over a generated shop: the page served with
 * `?theme=dark` loads Elastic Charts' dark CSS, the app (mounted in Kibana's render context)
 * draws EUI and its charts dark, the header switch re-themes it live, and the choice outlives a
 * reload. Screenshots: artifacts/dark_mode_<dashboard>.png.
 */

/** Relative luminance (0 black … 1 white) of a computed, opaque `rgb(r, g, b)` colour. */
function luminance(rgb: string): number {
  const channels = /^rgb\((\d+), (\d+), (\d+)\)$/.exec(rgb)?.slice(1).map(Number);
  if (!channels || channels.length !== 3) throw new Error(`not an opaque rgb() colour: '${rgb}'`);
  const [r, g, b] = channels.map((c) => {
    const v = c / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

interface PageColours {
  chartsCss: string;
  page: number;
  panel: number;
  panelText: number;
  chartBackground: string;
}

/**
 * What the eye would check: the page (EUI's global styles colour `html`), a report panel and its
 * title, and a chart's own background (transparent, so the panel shows through).
 */
async function colours(page: Page): Promise<PageColours> {
  const raw = await page.evaluate(() => {
    const style = (selector: string) => {
      const element = document.querySelector(selector);
      if (!element) throw new Error(`nothing matches ${selector}`);
      return getComputedStyle(element);
    };
    const panel = '[data-test-subj="dailyOrdersPanel"]';
    return {
      chartsCss: document.getElementById('host-charts-theme')?.getAttribute('href') ?? '',
      page: style('html').backgroundColor,
      panel: style(panel).backgroundColor,
      panelText: style(`${panel} h2, ${panel} h3`).color,
      chartBackground: style(`${panel} .echChartBackground`).backgroundColor,
    };
  });
  return {
    chartsCss: raw.chartsCss.split('/').pop() ?? '',
    page: luminance(raw.page),
    panel: luminance(raw.panel),
    panelText: luminance(raw.panelText),
    chartBackground: raw.chartBackground,
  };
}

describe('dark mode in Chromium', () => {
  let stack: DemoStack;
  let browser: TestBrowser;
  let page: Page;

  useDashboardSession({ name: 'e2e-dark-mode', customers: 200, days: 60, seed: 21 }, (session) => {
    ({ stack, browser, page } = session);
  });

  it('?theme=dark: dark charts CSS, dark page, panels and chart backgrounds, light text', async () => {
    await page.goto(`${stack.url}/app/customerAnalytics/overview?theme=dark`);
    await chartRendered(page, 'topCategoriesChart', 60_000);
    const dark = await colours(page);
    expect(dark.chartsCss).toBe('theme_only_dark.css');
    expect(dark.page).toBeLessThan(0.1);
    expect(dark.panel).toBeLessThan(0.1);
    expect(dark.chartBackground).toBe('rgba(0, 0, 0, 0)');
    expect(dark.panelText).toBeGreaterThan(0.6);
    await screenshotDashboard(page, 'dark_mode_overview');

    await page.click('[data-test-subj="hostNav-customerAnalytics-cohorts"]');
    await chartRendered(page, 'cohortChart-third_fourth', 60_000);
    await screenshotDashboard(page, 'dark_mode_cohorts');
    expect(browser.errors).toEqual([]);
  });

  it('the header switch re-themes the mounted app live, and a reload keeps the choice', async () => {
    await page.goto(`${stack.url}/app/customerAnalytics/overview?theme=dark`);
    await chartRendered(page, 'dailyOrdersChart', 60_000);
    // The header's thirteen links outgrow the window: they scroll, and the switch stays in view.
    const toggle = await page.locator('[data-test-subj="hostThemeToggle"]').boundingBox();
    expect(toggle!.x + toggle!.width).toBeLessThanOrEqual(page.viewportSize()!.width);
    await page.click('[data-test-subj="hostThemeToggle"]');
    await expect
      .poll(async () => (await colours(page)).panel, { timeout: 10_000 })
      .toBeGreaterThan(0.9);
    const light = await colours(page);
    expect(light.chartsCss).toBe('theme_only_light.css');
    expect(light.page).toBeGreaterThan(0.8);
    expect(light.chartBackground).toBe('rgba(0, 0, 0, 0)');
    expect(light.panelText).toBeLessThan(0.2);

    // The switch is remembered (as Kibana remembers the colour mode setting): no query needed.
    await page.goto(`${stack.url}/app/customerAnalytics/overview`);
    await chartRendered(page, 'dailyOrdersChart', 60_000);
    expect((await colours(page)).chartsCss).toBe('theme_only_light.css');
    await page.click('[data-test-subj="hostThemeToggle"]');
    await page.reload();
    await chartRendered(page, 'dailyOrdersChart', 60_000);
    const again = await colours(page);
    expect(again.chartsCss).toBe('theme_only_dark.css');
    expect(again.panel).toBeLessThan(0.1);
    expect(browser.errors).toEqual([]);
  });
});
