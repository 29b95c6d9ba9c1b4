/**
 * The admin API under load while a run works: `customer-analytics serve` as its own process on
 * the embedded node (or ES_URL), the demo CSVs configured as its connections, one baseline run
 * without load, then a run during which 50 connections call GET /runs and GET /health
 * (alternating, each waiting for its answer; autocannon, see http_load.ts) for 20 s. Prints one
 * JSON line: p50/p95/p99/max latency overall and per endpoint, errors, whether the run was in
 * progress the whole window, and both runs' durations and report counts (the run unaffected:
 * complete, same reports).
 *
 *   npx tsx bench/admin.ts [--clients 50] [--seconds 20] [--customers 20000] [--days 60]
 *   Goal: p95 < 50 ms, 0 errors, the loaded run complete with the baseline's reports.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { demoIngestConfig } from '../common/source_mapping';
import { writeDemoFiles } from '../sidecar/src/demo/write_files';
import { SERVE_READY_MARK } from '../sidecar/src/cli/commands/serve';
import { connectElasticsearch } from '../sidecar/src/es/elasticsearch';
import { deleteIndices } from '../sidecar/src/es/templates';
import { httpLoad } from './http_load';

const TOKEN = 'bench-admin-token-0123456789abcdef';
const PREFIX = 'bench-admin-';

function serve(esUrl: string, workFolder: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    [
      ...['--import', 'tsx', 'sidecar/src/cli/main.ts', 'serve', '--port', '0'],
      ...['--prefix', PREFIX, '--work-dir', workFolder],
    ],
    {
      env: { ...process.env, ES_URL: esUrl, CA_ADMIN_TOKEN: TOKEN, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line.startsWith(SERVE_READY_MARK))
        resolve({ child, url: line.slice(SERVE_READY_MARK.length) });
    });
    child.once('exit', (code) => reject(new Error(`serve exited early (code ${code})`)));
  });
}

async function call(base: string, method: string, path: string, body?: unknown) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${TOKEN}`,
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : null };
}

interface RunOutcome {
  status: string;
  seconds: number;
  reports: number | null;
}

async function runStatus(base: string, runId: string) {
  return (await call(base, 'GET', `/runs/${runId}`)).json as {
    status: string;
    started_at: string;
    finished_at?: string | null;
    summary?: { reports?: number };
  };
}

async function waitForRun(base: string, runId: string): Promise<RunOutcome> {
  for (;;) {
    const run = await runStatus(base, runId);
    if (run.status !== 'running') {
      const seconds = (Date.parse(run.finished_at ?? '') - Date.parse(run.started_at)) / 1000;
      return { status: run.status, seconds, reports: run.summary?.reports ?? null };
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** `clients` connections alternating the two endpoints for `seconds`. */
async function load(base: string, clients: number, seconds: number) {
  const measured = await httpLoad({
    baseUrl: base,
    paths: ['/runs', '/health'],
    headers: { authorization: `Bearer ${TOKEN}` },
    connections: clients,
    seconds,
  });
  const { by_path: endpoints, ...overall } = measured;
  return { ...overall, endpoints };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      clients: { type: 'string', default: '50' },
      seconds: { type: 'string', default: '20' },
      customers: { type: 'string', default: '20000' },
      days: { type: 'string', default: '60' },
    },
  });
  const es = await connectElasticsearch({ nodeName: 'bench-admin', port: 0, fresh: true });
  const data = mkdtempSync(join(tmpdir(), 'ca-bench-admin-data-'));
  const work = mkdtempSync(join(tmpdir(), 'ca-bench-admin-work-'));
  let service: { child: ChildProcess; url: string } | null = null;
  try {
    const demo = { customers: Number(values.customers), days: Number(values.days), seed: 3 };
    await writeDemoFiles({ ...demo, start: '2025-01-06', dimensions: 3 }, data);
    service = await serve(es.url, work);
    const base = service.url;
    const config = demoIngestConfig(data);
    for (const role of ['sessions', 'customers', 'products'] as const) {
      const saved = await call(base, 'PUT', `/connections/${role}`, config[role]);
      if (saved.status !== 200) throw new Error(`PUT ${role}: ${JSON.stringify(saved.json)}`);
    }
    const first = await call(base, 'POST', '/runs', {});
    const baseline = await waitForRun(base, first.json.run_id);
    console.error(`baseline run: ${baseline.status} in ${baseline.seconds} s`);

    const loaded = await call(base, 'POST', '/runs', {});
    if (loaded.status !== 202) throw new Error(`run now: HTTP ${loaded.status}`);
    const runId = loaded.json.run_id as string;
    const measured = await load(base, Number(values.clients), Number(values.seconds));
    const stillRunning = (await runStatus(base, runId)).status === 'running';
    const underLoad = await waitForRun(base, runId);
    console.log(
      JSON.stringify({
        clients: Number(values.clients),
        ...measured,
        run_in_progress_throughout: stillRunning,
        baseline_run: baseline,
        run_under_load: underLoad,
        goals: { p95_ms: 50, errors: 0, run: 'complete, same reports as the baseline' },
        elasticsearch: es.node ? `embedded ${es.node.version}` : 'ES_URL',
      }),
    );
  } finally {
    service?.child.kill('SIGTERM');
    await deleteIndices(es.client, PREFIX).catch(() => undefined);
    await es.close();
    rmSync(data, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`bench/admin: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
