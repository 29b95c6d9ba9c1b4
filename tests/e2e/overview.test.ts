import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Client } from '@elastic/elasticsearch';
import { indexNames } from '../../common/indices';
import type { KpiRow } from '../../common/reports/kpis';
import type { PeriodCountRow } from '../../common/reports/stats';
import { readLatestReport } from '../../sidecar/src/reports/report_store';
import {
  countPaintedPixels,
  launchBrowser,
  screenshot,
  type TestBrowser,
} from '../helpers/browser';
import { dropPrefix, testClient, testPrefix } from '../helpers/es';

/**
 * The whole path: a small generated shop → `customer-analytics ingest` → `customer-analytics run`
 * → `customer-analytics ui` (the built bundle in the standalone host, server routes over the same
 * Elasticsearch) → Chromium. The page must show the numbers the stored reports hold.
 */
const DIMENSION = 'location_2';
const DECIMALS: Record<KpiRow['metric'], number> = {
  orders: 0,
  revenue: 2,
  visitors: 0,
  discount: 2,
};

/** Written out here rather than imported, so a formatting regression in the app shows up. */
function expectedText(value: number, decimals: number): string {
  return new Intl.NumberFormat('en-US', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(value);
}

function cli(args: string[], env: NodeJS.ProcessEnv): string {
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'sidecar/src/cli/main.ts', ...args],
    {
      env,
      encoding: 'utf8',
    },
  );
  if (result.status !== 0) {
    throw new Error(
      `customer-analytics ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`,
    );
  }
  return result.stdout;
}

function startUi(
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'sidecar/src/cli/main.ts', 'ui', ...args],
    {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /UI at (http:\/\/\S+?)\/app\/customerAnalytics/.exec(output);
      if (match?.[1]) resolve({ child, url: match[1] });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) =>
      reject(new Error(`customer-analytics ui exited (${code}):\n${output}`)),
    );
  });
}

async function kpiText(
  browser: TestBrowser,
  metric: string,
  field: 'total' | 'last7',
): Promise<string> {
  return (await browser.page.textContent(`[data-test-subj="kpi-${metric}-${field}"]`)) ?? '';
}

describe('Overview dashboard in Chromium', () => {
  const prefix = testPrefix('e2e-overview');
  const names = indexNames(prefix);
  const dataDir = mkdtempSync(join(tmpdir(), 'ca-e2e-demo-'));
  let client: Client;
  let ui: { child: ChildProcess; url: string };
  let browser: TestBrowser;
  let kpisAll: KpiRow[];
  let kpisDimension: KpiRow[];
  let dailyAll: PeriodCountRow[];

  beforeAll(async () => {
    client = testClient();
    const env = { ...process.env, ES_URL: inject('esUrl') };
    cli(
      [
        'demo-data',
        '--customers',
        '300',
        '--days',
        '60',
        '--seed',
        '11',
        '--out',
        dataDir,
        '--quiet',
      ],
      env,
    );
    cli(['ingest', '--demo', dataDir, '--prefix', prefix], env);
    cli(['run', '--prefix', prefix], env);

    const read = async <Row>(report: string, type: string, dimension: string) => {
      const document = await readLatestReport(client, names, report, type, dimension);
      if (!document) throw new Error(`the run wrote no ${report}/${type} for ${dimension}`);
      return document.data as Row[];
    };
    kpisAll = await read<KpiRow>('kpis', 'overall', 'all');
    kpisDimension = await read<KpiRow>('kpis', 'overall', DIMENSION);
    dailyAll = await read<PeriodCountRow>('stats', 'orders_daily', 'all');

    ui = await startUi(['--port', '0', '--prefix', prefix], env);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    ui?.child.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
    await dropPrefix(client, prefix);
    await client.close();
  });

  it('shows the stored KPIs for all dimensions and a drawn daily orders chart', async () => {
    const { page } = browser;
    await page.goto(`${ui.url}/app/customerAnalytics/overview`);
    await page.waitForSelector('[data-test-subj="kpi-orders-total"]', { timeout: 60_000 });
    for (const row of kpisAll) {
      expect(await kpiText(browser, row.metric, 'total')).toBe(
        expectedText(row.total, DECIMALS[row.metric]),
      );
      expect(await kpiText(browser, row.metric, 'last7')).toBe(
        expectedText(row.last7, DECIMALS[row.metric]),
      );
    }
    expect(kpisAll.map((row) => row.metric).sort()).toEqual([
      'discount',
      'orders',
      'revenue',
      'visitors',
    ]);
    expect(kpisAll.find((row) => row.metric === 'orders')!.total).toBeGreaterThan(0);

    await page.waitForSelector(
      '[data-test-subj="dailyOrdersChart"] [data-ech-render-complete="true"]',
      // The status element is invisible by design: wait for it to exist.
      { state: 'attached', timeout: 60_000 },
    );
    expect(dailyAll.length).toBeGreaterThan(30);
    expect(await countPaintedPixels(page, '[data-test-subj="dailyOrdersChart"]')).toBeGreaterThan(
      2_000,
    );
    // The numbers run up to the data's last day (the run's reference time), not the wall clock.
    const lastDay = new Date(`${dailyAll.at(-1)!.period}T00:00:00Z`).toLocaleDateString('en-GB', {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    });
    expect(
      await page.textContent(
        '[data-test-subj="dailyOrdersPanel"] [data-test-subj="reportDataWindow"]',
      ),
    ).toMatch(
      new RegExp(`^data up to ${lastDay}, computed \\d{1,2} \\w{3} \\d{4}, \\d{2}:\\d{2}$`),
    );
    await screenshot(page, 'overview_all');
    expect(browser.errors).toEqual([]);
  });

  it('switching the dimension shows that dimension’s numbers and keeps it in the URL', async () => {
    const { page } = browser;
    const ordersAll = expectedText(kpisAll.find((row) => row.metric === 'orders')!.total, 0);
    const ordersDimension = expectedText(
      kpisDimension.find((row) => row.metric === 'orders')!.total,
      0,
    );
    expect(ordersDimension).not.toBe(ordersAll);

    await page.selectOption('[data-test-subj="dimensionFilter"]', DIMENSION);
    await page.waitForFunction(
      (expected) =>
        document.querySelector('[data-test-subj="kpi-orders-total"]')?.textContent === expected,
      ordersDimension,
      { timeout: 30_000 },
    );
    expect(new URL(page.url()).searchParams.get('dimension')).toBe(DIMENSION);
    for (const row of kpisDimension) {
      expect(await kpiText(browser, row.metric, 'total')).toBe(
        expectedText(row.total, DECIMALS[row.metric]),
      );
    }
    await page.waitForSelector(
      '[data-test-subj="dailyOrdersChart"] [data-ech-render-complete="true"]',
      { state: 'attached' },
    );
    await screenshot(page, `overview_${DIMENSION}`);

    // A reload keeps the dimension: it lives in the URL.
    await page.reload();
    await page.waitForFunction(
      (expected) =>
        document.querySelector('[data-test-subj="kpi-orders-total"]')?.textContent === expected,
      ordersDimension,
      { timeout: 30_000 },
    );
    expect(browser.errors).toEqual([]);
  });
});
