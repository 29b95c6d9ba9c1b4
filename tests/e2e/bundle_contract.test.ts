import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLIC_PATHS, TARGET } from '../../plugin/build/paths';
import { launchBrowser, type TestBrowser } from '../helpers/browser';

/**
 * The built `customerAnalytics.plugin.js` against the contract Kibana's core relies on, in a page
 * with fake Kibana globals and a fake core (no host code): it registers through `__kbnBundles__`,
 * loads its lazy chunk from `__kbnPublicPath__`, `setup` registers the app, `mount` renders into
 * the given element with a React 18 root inside Kibana's render context (theme from core.theme),
 * and the returned function unmounts it.
 */
const ORIGIN = 'http://contract.test';
const FAKE_PUBLIC_PATH = '/fake-public-path/';

const PAGE = `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><div id="mount"></div>
<script>
  window.__kbnPublicPath__ = { customerAnalytics: '${FAKE_PUBLIC_PATH}' };
  window.defined = [];
  window.__kbnBundles__ = {
    modules: {},
    define(key, bundleRequire, moduleKey) {
      window.defined.push({ key, moduleKey });
      this.modules[key] = () => bundleRequire(moduleKey);
    },
    has(key) { return key in this.modules; },
    get(key) { return this.modules[key](); },
  };
</script>
<script src="${PUBLIC_PATHS.sharedDeps}shared_deps.js"></script>
<script src="${FAKE_PUBLIC_PATH}customerAnalytics.plugin.js"></script>
</body></html>`;

const KPIS = [
  { metric: 'orders', total: 1234, last7: 70, previous7: 56, change: 14, change_pct: 25 },
  { metric: 'revenue', total: 98765.4, last7: 5000, previous7: 4000, change: 1000, change_pct: 25 },
  { metric: 'visitors', total: 321, last7: 40, previous7: 0, change: 40, change_pct: null },
  { metric: 'discount', total: 12.5, last7: 1, previous7: 2, change: -1, change_pct: -50 },
];

/** Relative luminance (0 black … 1 white) of a computed `rgb(r, g, b)` colour. */
function luminance(rgb: string): number {
  const channels = /rgba?\((\d+), (\d+), (\d+)/.exec(rgb)?.slice(1).map(Number);
  if (!channels || channels.length !== 3) throw new Error(`not an rgb() colour: '${rgb}'`);
  const [r, g, b] = channels.map((c) => {
    const v = c / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

describe('customerAnalytics.plugin.js bundle contract', () => {
  let browser: TestBrowser;
  const requested: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    await browser.page.route(`${ORIGIN}/**`, async (route) => {
      const path = new URL(route.request().url()).pathname;
      requested.push(path);
      if (path === '/') return route.fulfill({ contentType: 'text/html', body: PAGE });
      const file = path.startsWith(FAKE_PUBLIC_PATH)
        ? join(TARGET.public, path.slice(FAKE_PUBLIC_PATH.length))
        : path.startsWith(PUBLIC_PATHS.sharedDeps)
          ? join(TARGET.sharedDeps, path.slice(PUBLIC_PATHS.sharedDeps.length))
          : null;
      const body = file ? await readFile(file).catch(() => null) : null;
      if (!body) return route.fulfill({ status: 404, body: `not found: ${path}` });
      return route.fulfill({ contentType: 'application/javascript; charset=utf-8', body });
    });
    await browser.page.goto(`${ORIGIN}/`);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('defines plugin/customerAnalytics/public once, with a plugin() initializer', async () => {
    const result = await browser.page.evaluate(() => {
      const w = window as unknown as {
        defined: unknown[];
        __kbnBundles__: { get(key: string): { plugin?: unknown } };
      };
      return {
        defined: w.defined,
        pluginType: typeof w.__kbnBundles__.get('plugin/customerAnalytics/public').plugin,
      };
    });
    expect(result).toEqual({
      defined: [
        { key: 'plugin/customerAnalytics/public', moduleKey: 'plugin/customerAnalytics/public' },
      ],
      pluginType: 'function',
    });
  });

  it('registers the app in setup, renders on mount from core.http, and unmounts cleanly', async () => {
    const result = await browser.page.evaluate(async (kpis) => {
      type Registered = {
        id: string;
        title: string;
        category: { id: string; label: string };
        deepLinks: Array<{ id: string; title: string; path: string }>;
        mount(params: unknown): Promise<() => void>;
      };
      const w = window as unknown as {
        __kbnBundles__: {
          get(key: string): {
            plugin: () => { setup(core: unknown): void; start(core: unknown): void };
          };
        };
        __kbnSharedDeps__: {
          History: { createMemoryHistory(o: { initialEntries: string[] }): unknown };
          Rxjs: {
            BehaviorSubject: new (value: unknown) => {
              getValue(): unknown;
              next(value: unknown): void;
            };
          };
        };
      };
      const fetches: string[] = [];
      const http = {
        fetch: async (path: string, options: { query?: Record<string, string> } = {}) => {
          fetches.push(`${path}?dimension=${options.query?.dimension ?? ''}`);
          if (path.endsWith('/dimensions')) return { dimensions: ['all', 'north'] };
          if (path.endsWith('/annotations')) return { annotations: [], current_user: null };
          const created_at = '2025-03-02T10:00:00.000Z';
          if (path.endsWith('/reports/kpis/overall')) {
            return {
              report: 'kpis',
              type: 'overall',
              dimension: 'all',
              run_id: 'r1',
              created_at,
              params: {},
              rows: 4,
              data: kpis,
            };
          }
          return {
            report: 'stats',
            type: 'orders_daily',
            dimension: 'all',
            run_id: 'r1',
            created_at,
            params: {},
            rows: 2,
            data: [
              { period: '2025-03-01', orders: 3 },
              { period: '2025-03-02', orders: 5 },
            ],
          };
        },
      };
      const theme$ = new w.__kbnSharedDeps__.Rxjs.BehaviorSubject({ darkMode: false });
      const toasts = { addSuccess() {}, addWarning() {}, addDanger() {}, addError() {} };
      const coreStart = {
        http,
        notifications: { toasts },
        theme: { theme$, getTheme: () => theme$.getValue() },
        i18n: { Context: ({ children }: { children: unknown }) => children },
        application: {},
      };
      const registered: Registered[] = [];
      const instance = w.__kbnBundles__.get('plugin/customerAnalytics/public').plugin();
      instance.setup({
        application: { register: (app: Registered) => registered.push(app) },
        http,
        getStartServices: async () => [coreStart, {}, undefined],
      });
      instance.start(coreStart);
      const app = registered[0]!;
      const element = document.getElementById('mount')!;
      const history = w.__kbnSharedDeps__.History.createMemoryHistory({
        initialEntries: ['/overview'],
      });
      const unmount = await app.mount({
        element,
        history,
        appBasePath: '/app/customerAnalytics',
        theme$,
      });
      const deadline = Date.now() + 20_000;
      while (
        !element.querySelector('[data-test-subj="kpi-orders-total"]') &&
        Date.now() < deadline
      ) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const rendered = {
        title: element.querySelector('h1')?.textContent,
        ordersTotal: element.querySelector('[data-test-subj="kpi-orders-total"]')?.textContent,
        chartPanel: element.querySelector('[data-test-subj="dailyOrdersPanel"]') !== null,
      };
      // React 18's createRoot marks the container with __reactContainer$…; the legacy
      // ReactDOM.render (gone in React 19) with _reactRootContainer.
      const root = {
        createRoot: Object.keys(element).some((key) => key.startsWith('__reactContainer$')),
        legacyRoot: '_reactRootContainer' in element,
      };
      // Kibana's theme$ switching to dark re-themes the mounted app (EUI follows core.theme).
      const panelBackground = () =>
        getComputedStyle(element.querySelector('[data-test-subj="dailyOrdersPanel"]')!)
          .backgroundColor;
      const lightBackground = panelBackground();
      theme$.next({ darkMode: true });
      while (panelBackground() === lightBackground && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const backgrounds = { light: lightBackground, dark: panelBackground() };
      unmount();
      return {
        registered: registered.map(({ id, title, category, deepLinks }) => ({
          id,
          title,
          category: category.label,
          deepLinks,
        })),
        rendered,
        root,
        backgrounds,
        fetches: [...new Set(fetches)].sort(),
        afterUnmount: element.innerHTML,
      };
    }, KPIS);

    expect(result.registered).toEqual([
      {
        id: 'customerAnalytics',
        title: 'Customer Analytics',
        category: 'Analytics',
        deepLinks: [
          { id: 'overview', title: 'Overview', path: '/overview' },
          { id: 'customers', title: 'Customers', path: '/customers' },
          { id: 'funnels', title: 'Funnels', path: '/funnels' },
          { id: 'cohorts', title: 'Cohorts', path: '/cohorts' },
          { id: 'stats', title: 'Stats', path: '/stats' },
          { id: 'products', title: 'Products', path: '/products' },
          { id: 'promotions', title: 'Promotions', path: '/promotions' },
          { id: 'segments', title: 'Segments', path: '/segments' },
          { id: 'search', title: 'Search', path: '/search' },
          { id: 'abtests', title: 'A/B tests', path: '/abtests' },
          { id: 'clv', title: 'Customer value', path: '/clv' },
          { id: 'anomalies', title: 'Anomalies', path: '/anomalies' },
          { id: 'admin', title: 'Data & schedules', path: '/admin' },
        ],
      },
    ]);
    expect(result.rendered).toEqual({ title: 'Overview', ordersTotal: '1,234', chartPanel: true });
    expect(result.root).toEqual({ createRoot: true, legacyRoot: false });
    expect(luminance(result.backgrounds.light)).toBeGreaterThan(0.9);
    expect(luminance(result.backgrounds.dark)).toBeLessThan(0.2);
    // The Overview's reports (and the comments of its panels) come through core.http.
    expect(result.fetches).toEqual(
      expect.arrayContaining([
        '/api/customer_analytics/dimensions?dimension=',
        '/api/customer_analytics/reports/kpis/overall?dimension=all',
        '/api/customer_analytics/reports/stats/orders_daily?dimension=all',
        '/api/customer_analytics/reports/churn/weekly?dimension=all',
        '/api/customer_analytics/reports/products/top_products?dimension=all',
      ]),
    );
    expect(result.afterUnmount).toBe('');
    // The lazy application chunk came from the public path Kibana assigned, not a built-in one.
    expect(
      requested.filter((path) => path.startsWith(`${FAKE_PUBLIC_PATH}customerAnalytics.chunk.`))
        .length,
    ).toBeGreaterThan(0);
    expect(browser.errors).toEqual([]);
  });
});
