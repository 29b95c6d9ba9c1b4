/**
 * The report routes under load: the standalone UI host (the plugin's own server routes) over the
 * reports `bench/analyses.ts` left in its node at that size, then 20 connections each GET the
 * next report route (dimension `all`) as soon as the previous answer arrives, for 20 s. Routes
 * whose report the measured stages did not write (404) are left out of the load and counted.
 * Prints one JSON line.
 *
 *   npx tsx bench/analyses.ts --sessions 1000000 && npx tsx bench/routes.ts --sessions 1000000
 *   npx tsx bench/routes.ts --ui-url http://127.0.0.1:5601/app/customerAnalytics   (a running host)
 *   Goal: p95 < 150 ms, 0 errors.
 */
import { parseArgs } from 'node:util';
import { REPORT_IDS } from '../common/reports/catalogue';
import { indexNames } from '../common/indices';
import { reportPath } from '../common/routes';
import { connectElasticsearch } from '../sidecar/src/es/elasticsearch';
import { ensurePluginBuilt, startUiHost } from '../plugin/launch/ui_host';
import { httpLoad } from './http_load';

/** bench/analyses.ts's node and prefix: its data and reports stay there between runs. */
const ANALYSES_NODE = 'bench-analyses';
const ANALYSES_PREFIX = 'bench-analyses-';
const HEADERS = { 'kbn-xsrf': 'bench' };

function reportRoutes(): string[] {
  return REPORT_IDS.map((id) => {
    const slash = id.indexOf('/');
    return `${reportPath(id.slice(0, slash), id.slice(slash + 1))}?dimension=all`;
  });
}

/** The routes that answer 200 now (one GET each, which also warms the host). */
async function answering(origin: string, routes: string[]): Promise<string[]> {
  const ok: string[] = [];
  for (const route of routes) {
    const response = await fetch(new URL(route, origin), { headers: HEADERS });
    await response.arrayBuffer();
    if (response.status === 200) ok.push(route);
    else if (response.status !== 404) throw new Error(`GET ${route}: HTTP ${response.status}`);
  }
  return ok;
}

async function hostOverBenchData(sessions: number) {
  const es = await connectElasticsearch({ nodeName: ANALYSES_NODE, port: 0, fresh: false });
  const names = indexNames(ANALYSES_PREFIX);
  const stored = (await es.client.indices.exists({ index: names.orders }))
    ? (await es.client.count({ index: names.orders })).count
    : 0;
  if (stored !== sessions) {
    await es.close();
    throw new Error(
      `the bench node holds ${stored} sessions, not ${sessions}: run bench/analyses.ts --sessions ${sessions} first`,
    );
  }
  ensurePluginBuilt();
  const host = await startUiHost(es.client, {
    port: 0,
    host: '127.0.0.1',
    prefix: ANALYSES_PREFIX,
  });
  const close = async () => {
    await host.close();
    await es.close();
  };
  return { url: host.url, sessions: stored, close };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sessions: { type: 'string', default: '1000000' },
      'ui-url': { type: 'string' },
      connections: { type: 'string', default: '20' },
      seconds: { type: 'string', default: '20' },
    },
  });
  const host = values['ui-url']
    ? { url: values['ui-url'], sessions: null, close: async () => undefined }
    : await hostOverBenchData(Number(values.sessions));
  try {
    const origin = new URL(host.url).origin;
    const routes = reportRoutes();
    const measured = await answering(origin, routes);
    if (measured.length === 0) throw new Error(`no report route answers 200 at ${origin}`);
    const load = await httpLoad({
      baseUrl: origin,
      paths: measured,
      headers: HEADERS,
      connections: Number(values.connections),
      seconds: Number(values.seconds),
    });
    const { by_path: byPath, ...overall } = load;
    const slowest = Object.entries(byPath)
      .sort((a, b) => b[1].p95_ms - a[1].p95_ms)
      .slice(0, 3)
      .map(([path, summary]) => ({ path, p95_ms: summary.p95_ms }));
    console.log(
      JSON.stringify({
        url: host.url,
        sessions: host.sessions,
        connections: Number(values.connections),
        routes_in_catalogue: routes.length,
        routes_measured: measured.length,
        ...overall,
        slowest_routes: slowest,
        goals: { p95_ms: 150, errors: 0 },
      }),
    );
  } finally {
    await host.close();
  }
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(`bench/routes: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
