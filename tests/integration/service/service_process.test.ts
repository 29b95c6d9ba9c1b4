import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Client } from '@elastic/elasticsearch';
import { SERVE_READY_MARK } from '../../../sidecar/src/cli/commands/serve';
import { dropPrefix, testClient, testPrefix } from '../../helpers/es';
import {
  TOKEN,
  adminClient,
  csvConnections,
  demoDirectory,
  startTestService,
  waitFor,
} from './service_fixture';

let client: Client;
let prefix: string;
let demo: string;
const workFolder = mkdtempSync(join(tmpdir(), 'ca-svc-process-'));

/** `customer-analytics serve` as a child process; resolves with it and its URL once it listens. */
function serve(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'sidecar/src/cli/main.ts',
      'serve',
      '--port',
      '0',
      '--prefix',
      prefix,
      '--work-dir',
      workFolder,
    ],
    {
      env: { ...process.env, ES_URL: inject('esUrl'), CA_ADMIN_TOKEN: TOKEN, LOG_LEVEL: 'warn' },
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

async function runStatus(url: string, runId: string): Promise<string> {
  return (await adminClient(url)('GET', `/runs/${runId}`)).json.status;
}

async function reportsOfRun(runId: string): Promise<number> {
  await client.indices.refresh({ index: `${prefix}reports` });
  return (await client.count({ index: `${prefix}reports`, query: { term: { run_id: runId } } }))
    .count;
}

beforeAll(async () => {
  client = testClient();
  prefix = testPrefix('service-process');
  demo = await demoDirectory(200, 30);
});

afterAll(async () => {
  await dropPrefix(client, prefix);
  await client.close();
});

describe('serve as a process', () => {
  it('killed mid-run: the last complete reports stay readable, the run is interrupted at next start', async () => {
    const { child, url } = await serve();
    const api = adminClient(url);
    const connections = csvConnections(demo);
    for (const role of ['sessions', 'customers', 'products'] as const) {
      expect((await api('PUT', `/connections/${role}`, connections[role])).status).toBe(200);
    }
    const first = (await api('POST', '/runs', {})).json.run_id as string;
    await waitFor('the first run', async () => (await runStatus(url, first)) === 'complete');
    const reportsBefore = await reportsOfRun(first);
    expect(reportsBefore).toBeGreaterThan(0);

    const second = (await api('POST', '/runs', {})).json.run_id as string;
    // Killed right after the 202, before the run's process wrote anything: the run's document
    // was written before the answer, owned by the service, so the next start finds it abandoned.
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    const recorded = await client.get<{ status: string; owner: { pid: number } }>({
      index: `${prefix}runs`,
      id: second,
    });
    expect(recorded._source).toMatchObject({ status: 'running', owner: { pid: child.pid } });

    expect(await reportsOfRun(first)).toBe(reportsBefore);
    const latest = await client.search({
      index: `${prefix}runs`,
      size: 1,
      query: { term: { status: 'complete' } },
      sort: [{ finished_at: 'desc' }],
    });
    expect((latest.hits.hits[0]?._source as { run_id: string }).run_id).toBe(first);

    const restarted = await startTestService(client, prefix, workFolder, []);
    try {
      expect(restarted.interruptedAtStart).toEqual([second]);
      expect(await runStatus(restarted.url, second)).toBe('interrupted');
      // The lock of the killed run expires; until then a new run is refused, then accepted.
      expect(restarted.coordinator.runningRunId).toBe(null);
    } finally {
      await restarted.close();
    }
  });

  it('SIGTERM mid-run marks the run interrupted and exits 143', async () => {
    const { child, url } = await serve();
    const api = adminClient(url);
    await waitFor(
      'the killed run’s lock to expire',
      async () => {
        const started = await api('POST', '/runs', {});
        return started.status === 202 ? started.json.run_id : null;
      },
      90_000,
    ).then(async (runId: string) => {
      // Its process at work (the ingest under way, or past it): the stop reaches it there.
      await waitFor('the run’s first stage', async () => {
        const run = (await adminClient(url)('GET', `/runs/${runId}`)).json;
        return run.stages.some((stage: { status: string }) => stage.status !== 'pending');
      });
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      expect(await exited).toBe(143);
      await client.indices.refresh({ index: `${prefix}runs` });
      const run = await client.get({ index: `${prefix}runs`, id: runId });
      expect(run._source).toMatchObject({ status: 'interrupted', error: 'interrupted by SIGTERM' });
      // An ingest stopped by SIGTERM deleted its own staging indices before the process exited.
      const staging = await client.indices.get({
        index: `${prefix}orders-${runId},${prefix}downloads-${runId}`,
        ignore_unavailable: true,
      });
      expect(Object.keys(staging)).toEqual([]);
    });
  });
});
