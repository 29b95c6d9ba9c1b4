import { afterAll, beforeAll, inject } from 'vitest';
import type { Client } from '@elastic/elasticsearch';
import type { FastifyInstance } from 'fastify';
import type { Page } from 'playwright-core';
import { indexNames, type IndexNames } from '../../common/indices';
import { createHostServer } from '../../plugin/host/host_server';
import { ensureIndices } from '../../sidecar/src/es/templates';
import { launchBrowser, type TestBrowser } from './browser';
import { startDemoStack, type DemoStack } from './demo_stack';
import { dropPrefix, testClient, testPrefix } from './es';
import { memoryLogger } from './host';

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

export interface SeededHostSession {
  client: Client;
  names: IndexNames;
  /** Base URL of the standalone host. */
  url: string;
  browser: TestBrowser;
}

/**
 * One e2e file's hand-written reports (`seed` writes them under the file's own prefix, indices
 * created first), the standalone host in-process over them, and Chromium: started before the
 * file's tests, all closed and the prefix dropped after them.
 */
export function useSeededHost(
  name: string,
  seed: (client: Client, names: IndexNames) => Promise<void>,
  onStarted: (session: SeededHostSession) => void,
): void {
  const prefix = testPrefix(name);
  const names = indexNames(prefix);
  const client = testClient();
  let app: FastifyInstance | undefined;
  let browser: TestBrowser | undefined;
  beforeAll(async () => {
    await ensureIndices(client, { prefix });
    await seed(client, names);
    app = await createHostServer({
      client,
      pluginConfig: { indexPrefix: prefix },
      logger: memoryLogger(),
    });
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchBrowser();
    onStarted({ client, names, url, browser });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await dropPrefix(client, prefix);
    await client.close();
  });
}
