import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Client } from '@elastic/elasticsearch';
import type { ChildProcess } from 'node:child_process';
import type { Locator, Page } from 'playwright-core';
import { writeDemoFiles } from '../../sidecar/src/demo/write_files';
import { serviceLogger } from '../../sidecar/src/service/logger';
import { startService, type RunningService } from '../../sidecar/src/service/service';
import { launchBrowser, type TestBrowser } from '../helpers/browser';
import { screenshotDashboard as screenshot } from '../helpers/dashboard_screenshot';
import { startUi } from '../helpers/demo_stack';
import { dropPrefix, testClient, testPrefix } from '../helpers/es';

/**
 * The Data & schedules app in Chromium: the sidecar service (in process, on the test cluster)
 * behind the standalone host's admin proxy (its URL by --sidecar-url, its token by
 * CA_ADMIN_TOKEN, never in the page). The three demo CSVs are configured through the forms,
 * tested (columns, mapping check, 5 rows), a schedule added and deleted, a run started and
 * followed to "complete", a second trigger meanwhile refused with a clear message.
 * Screenshots: artifacts/admin_*.png.
 */
const TOKEN = 'e2e-admin-token-0123456789abcdef';
/** The demo's optional columns (required ones default to their own names). */
const OPTIONAL_COLUMNS = {
  sessions: {
    session_end: 'session_end',
    discount_amount: 'discount_amount',
    promotion_id: 'promotion_id',
    dimension: 'dimension',
  },
  customers: { signup_date: 'signup_date' },
  products: { quantity: 'quantity' },
} as const;
const ACTIONS = { sessions: ['has_basket', 'order_screen'], customers: [], products: [] };
const ROLES = ['sessions', 'customers', 'products'] as const;

describe('the Data & schedules app in Chromium', () => {
  let client: Client;
  let prefix: string;
  let demo: string;
  let workFolder: string;
  let service: RunningService;
  let ui: { child: ChildProcess; url: string };
  let browser: TestBrowser;
  let page: Page;

  beforeAll(async () => {
    client = testClient();
    prefix = testPrefix('e2e-admin');
    demo = mkdtempSync(join(tmpdir(), 'ca-e2e-admin-demo-'));
    workFolder = mkdtempSync(join(tmpdir(), 'ca-e2e-admin-work-'));
    await writeDemoFiles(
      { customers: 150, days: 30, seed: 9, start: '2025-02-03', dimensions: 2 },
      demo,
    );
    service = await startService({
      client,
      esUrl: inject('esUrl'),
      prefix,
      host: '127.0.0.1',
      port: 0,
      workFolder,
      logger: serviceLogger({ level: 'warn' }),
      env: { CA_ADMIN_TOKEN: TOKEN, CA_SECRET_KEY: 'e2e passphrase' },
    });
    ui = await startUi(['--port', '0', '--prefix', prefix, '--sidecar-url', service.url], {
      ...process.env,
      ES_URL: inject('esUrl'),
      CA_ADMIN_TOKEN: TOKEN,
    });
    browser = await launchBrowser();
    page = browser.page;
  });

  afterAll(async () => {
    await browser?.close();
    ui?.child.kill('SIGTERM');
    await service?.close();
    await dropPrefix(client, prefix);
    await client.close();
    rmSync(demo, { recursive: true, force: true });
    rmSync(workFolder, { recursive: true, force: true });
  });

  async function configure(role: (typeof ROLES)[number]): Promise<Locator> {
    const form = page.locator(`[data-test-subj="connection-${role}"]`);
    await form.locator('[data-test-subj="source-path"]').fill(join(demo, `${role}.csv`));
    for (const [field, column] of Object.entries(OPTIONAL_COLUMNS[role])) {
      await form.locator(`[data-test-subj="column-${field}"]`).fill(column);
    }
    for (const action of ACTIONS[role]) {
      const input = form.locator('[data-test-subj="actionList"] input');
      await input.fill(action);
      await input.press('Enter');
    }
    await form.locator('[data-test-subj="testConnection"]').click();
    const result = form.locator('[data-test-subj="connectionTestResult"]');
    await result.waitFor({ timeout: 30_000 });
    return result;
  }

  it('shows Elasticsearch connected through the proxy, without the token in the page', async () => {
    await page.goto(`${ui.url}/app/customerAnalytics/admin`);
    await expect
      .poll(() => page.locator('[data-test-subj="esReachable"]').textContent(), { timeout: 30_000 })
      .toBe('Connected');
    expect(await page.content()).not.toContain(TOKEN);
  });

  it('configures the three demo CSV connections: columns, mapping check and 5 sample rows', async () => {
    for (const role of ROLES) {
      const result = await configure(role);
      expect(await result.getAttribute('data-ok')).toBe('true');
      const columns = await result.locator('[data-test-subj="connectionColumns"]').innerText();
      for (const column of Object.values(OPTIONAL_COLUMNS[role])) expect(columns).toContain(column);
      const sampleRows = result.locator('[data-test-subj="connectionSample"] tbody tr');
      expect(await sampleRows.count()).toBe(5);
      if (role === 'sessions') await screenshot(page, 'admin_connection_test');
      await page
        .locator(`[data-test-subj="connection-${role}"] [data-test-subj="saveConnection"]`)
        .click();
      await page.locator(`[data-test-subj="configured-${role}"]`).waitFor({ timeout: 15_000 });
    }
    const stored = await fetch(`${service.url}/connections`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    }).then(
      (response) =>
        response.json() as Promise<{ role: string; mapping: { source: { path: string } } }[]>,
    );
    expect(
      stored.map((connection) => [connection.role, connection.mapping.source.path]).sort(),
    ).toEqual([
      ['customers', join(demo, 'customers.csv')],
      ['products', join(demo, 'products.csv')],
      ['sessions', join(demo, 'sessions.csv')],
    ]);
  });

  it('adds a cron schedule, lists it and deletes it', async () => {
    await page.locator('[data-test-subj="adminTab-schedules"]').click();
    await page.locator('[data-test-subj="scheduleName"]').fill('nightly refresh');
    await page.locator('[data-test-subj="schedulePeriod"]').selectOption('cron');
    await page.locator('[data-test-subj="scheduleCron"]').fill('0 3 * * *');
    await page.locator('[data-test-subj="addSchedule"]').click();
    const table = page.locator('[data-test-subj="scheduleTable"]');
    await expect.poll(() => table.innerText(), { timeout: 15_000 }).toContain('nightly refresh');
    expect(await table.innerText()).toContain('0 3 * * *');
    await screenshot(page, 'admin_schedules');
    await table.locator('[data-test-subj="deleteSchedule"]').click();
    await page.locator('[data-test-subj="adminEmpty"]').waitFor({ timeout: 15_000 });
  });

  it('runs now, refuses a second trigger with a clear message, and the run reaches complete', async () => {
    await page.locator('[data-test-subj="adminTab-runs"]').click();
    await page.locator('[data-test-subj="runNow"]').click();
    const detail = page.locator('[data-test-subj="runDetail"]');
    await detail.waitFor({ timeout: 15_000 });
    await page.locator('[data-test-subj="runNow"]').click();
    const notice = page.locator('[data-test-subj="runNowNotice"]');
    await expect
      .poll(() => notice.innerText(), { timeout: 15_000 })
      .toContain('A run is already in progress');
    // The refused trigger is in the list as such, naming the run that held the lock.
    const refused = page.locator('[data-test-subj="runTable"] tr[data-status="refused"]');
    await expect.poll(() => refused.count(), { timeout: 15_000 }).toBe(1);
    expect(await refused.innerText()).toMatch(/refused[\s\S]*was in progress \(lock held by /);
    await screenshot(page, 'admin_run_running');
    await expect
      .poll(() => detail.getAttribute('data-status'), { timeout: 150_000, interval: 1_000 })
      .toBe('complete');
    const stages = await page.locator('[data-test-subj="runStages"] tbody tr').allInnerTexts();
    expect(stages.length).toBeGreaterThan(3);
    expect(stages.every((row) => /complete|skipped/.test(row))).toBe(true);
    const logs = page.locator('[data-test-subj="runLogs"]');
    await expect.poll(() => logs.innerText(), { timeout: 10_000 }).toContain('ingest');
    // The demo run logs no errors: the level filter empties the list, 'all' brings it back.
    await detail.locator('[data-test-subj="logLevel"]').selectOption('error');
    await expect
      .poll(() => detail.locator('[data-test-subj="adminEmpty"]').innerText(), { timeout: 10_000 })
      .toContain('No error log lines yet');
    await detail.locator('[data-test-subj="logLevel"]').selectOption('');
    await logs.waitFor({ timeout: 10_000 });
    await screenshot(page, 'admin_run_complete');
  });
});
