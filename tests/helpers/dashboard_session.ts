import { afterAll, beforeAll, inject } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, type TestBrowser } from './browser';
import { startDemoStack, type DemoStack } from './demo_stack';
import { testPrefix } from './es';

export interface DashboardSession {
  stack: DemoStack;
  browser: TestBrowser;
  page: Page;
}

/**
 * One e2e file's generated shop (demo-data → ingest → run → ui under its own prefix) and its
 * Chromium: started before the file's tests, both closed after them. `onStarted` hands them to
 * the file's variables.
 */
export function useDashboardSession(
  shop: { name: string; customers: number; days: number; seed: number },
  onStarted: (session: DashboardSession) => void,
): void {
  let stack: DemoStack | undefined;
  let browser: TestBrowser | undefined;
  beforeAll(async () => {
    stack = await startDemoStack({
      esUrl: inject('esUrl'),
      prefix: testPrefix(shop.name),
      customers: shop.customers,
      days: shop.days,
      seed: shop.seed,
    });
    browser = await launchBrowser();
    onStarted({ stack, browser, page: browser.page });
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });
}

/** Waits until the chart under `data-test-subj=chart` has drawn. */
export async function chartRendered(page: Page, chart: string, timeoutMs = 30_000): Promise<void> {
  await page.waitForSelector(`[data-test-subj="${chart}"] [data-ech-render-complete="true"]`, {
    state: 'attached',
    timeout: timeoutMs,
  });
}

/** The text of one cell of a chart's screen-reader data table. */
export async function tableCell(
  page: Page,
  chart: string,
  rowKey: string,
  column: string,
): Promise<string> {
  const selector = `[data-test-subj="${chart}-data"] tr[data-key="${rowKey}"] td[data-column="${column}"]`;
  return (await page.textContent(selector, { timeout: 30_000 }))?.trim() ?? '';
}
