import { mkdtempSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@elastic/elasticsearch';
import type { RunningService } from '../../../sidecar/src/service/service';
import { dropPrefix, testClient, testPrefix } from '../../helpers/es';
import { startTestPostgres, type TestPostgres } from '../../helpers/postgres';
import {
  TOKEN,
  adminClient,
  csvConnections,
  demoDirectory,
  startTestService,
  waitFor,
} from './service_fixture';

const PG_PASSWORD = 'Pg-s3cret-never-shown-7d1f';

let client: Client;
let prefix: string;
let service: RunningService;
let api: ReturnType<typeof adminClient>;
let demo: string;
let postgres: TestPostgres;
const logLines: string[] = [];
const responses: string[] = [];

/** Every answer is kept, to check afterwards that no secret ever left the service. */
async function call(method: string, path: string, body?: unknown) {
  const answer = await api(method, path, body);
  responses.push(answer.text);
  return answer;
}

beforeAll(async () => {
  client = testClient();
  prefix = testPrefix('admin-api');
  demo = await demoDirectory();
  postgres = await startTestPostgres();
  await postgres.client.query(
    `CREATE TABLE customers (client text, download_date text, signup_date text);
     INSERT INTO customers VALUES ('c1','2025-01-02','2025-01-03'), ('c2','2025-01-04',NULL),
       ('c3','2025-01-05','2025-01-05'), ('c4','2025-01-06',NULL), ('c5','2025-01-07',NULL),
       ('c6','2025-01-08',NULL);`,
  );
  service = await startTestService(
    client,
    prefix,
    mkdtempSync(join(tmpdir(), 'ca-svc-')),
    logLines,
  );
  api = adminClient(service.url);
});

afterAll(async () => {
  await service?.close();
  await postgres?.stop();
  await dropPrefix(client, prefix);
  await client.close();
});

describe('admin API: access', () => {
  it('answers health without a token, and nothing else', async () => {
    const health = await adminClient(service.url, null)('GET', '/health');
    expect(health.status).toBe(200);
    expect(health.json).toMatchObject({ status: 'ok', elasticsearch: { reachable: true } });
    for (const [method, path] of [
      ['GET', '/runs'],
      ['GET', '/connections'],
      ['POST', '/runs'],
      ['GET', '/openapi.json'],
    ] as const) {
      const anonymous = await adminClient(service.url, null)(method, path);
      expect(anonymous.status, `${method} ${path}`).toBe(401);
      expect(anonymous.json.message).toBe('a bearer token is required');
      const wrong = await adminClient(service.url, `${TOKEN}x`)(method, path);
      expect(wrong.status, `${method} ${path}`).toBe(401);
      expect(wrong.json.message).toBe('the token is not valid');
    }
  });

  it('checks an Elasticsearch connection and the work folder', async () => {
    const own = await call('POST', '/elasticsearch/check', {});
    expect(own.json).toMatchObject({ reachable: true, version: '9.5.4', error: null });
    expect(own.json.work_folder.writable).toBe(true);
    const nowhere = await call('POST', '/elasticsearch/check', {
      url: 'http://127.0.0.1:1',
      username: 'elastic',
      password: 'es-secret-xyz',
    });
    expect(nowhere.json).toMatchObject({ reachable: false, version: null });
    expect(nowhere.json.error).toMatch(/ECONNREFUSED|connect/i);
    expect(nowhere.text).not.toContain('es-secret-xyz');
    const bad = await call('POST', '/elasticsearch/check', { url: 'ftp://x' });
    expect(bad.json.fields[0].path).toBe('body.url');
  });

  it('publishes an OpenAPI document of every endpoint', async () => {
    const document = await call('GET', '/openapi.json');
    expect(Object.keys(document.json.paths).sort()).toEqual([
      '/connections',
      '/connections/{role}',
      '/connections/{role}/test',
      '/elasticsearch/check',
      '/health',
      '/logs',
      '/runs',
      '/runs/{id}',
      '/schedules',
      '/schedules/{id}',
    ]);
    expect(
      document.json.paths['/schedules'].post.requestBody.content['application/json'].schema
        .properties.period.enum,
    ).toEqual(['once', 'hourly', 'daily', 'weekly', 'monthly', 'cron']);
  });
});

describe('admin API: input', () => {
  it('refuses bad input with a message per field', async () => {
    const schedule = await call('POST', '/schedules', { name: '', period: 'fortnightly' });
    expect(schedule.status).toBe(400);
    expect(schedule.json.fields.map((f: { path: string }) => f.path).sort()).toEqual([
      'body.name',
      'body.period',
    ]);
    const cron = await call('POST', '/schedules', {
      name: 'x',
      period: 'cron',
      cron: '61 * * * *',
    });
    expect(cron.status).toBe(400);
    expect(cron.json.fields).toEqual([
      {
        path: 'body.cron',
        message:
          "'61 * * * *' is not a cron expression (five fields 'min hour day month weekday', or six with seconds first)",
      },
    ]);
    const connection = await call('PUT', '/connections/sessions', {
      source: { type: 'csv' },
      columns: { client: '' },
    });
    expect(connection.status).toBe(400);
    const paths = connection.json.fields.map((f: { path: string }) => f.path).sort();
    expect(paths).toEqual(['body.columns.client', 'body.source.path']);
    expect(
      (await call('PUT', '/connections/orders', csvConnections(demo).sessions)).json.fields[0].path,
    ).toBe('params.role');
    const runs = await call('GET', '/runs?size=1000');
    expect(runs.status).toBe(400);
    expect(runs.json.fields[0].path).toBe('query.size');
  });
});

describe('admin API: connections', () => {
  it('tests a CSV connection: columns, mapping check, 5 rows; a wrong column is named', async () => {
    const mapping = csvConnections(demo).sessions;
    const tested = await call('POST', '/connections/sessions/test', mapping);
    expect(tested.status).toBe(200);
    expect(tested.json.ok).toBe(true);
    expect(tested.json.columns).toEqual([
      'order_id',
      'client',
      'session_start',
      'session_end',
      'payment_amount',
      'discount_amount',
      'purchased',
      'promotion_id',
      'dimension',
      'has_basket',
      'order_screen',
    ]);
    expect(tested.json.sample).toHaveLength(5);
    expect(tested.json.fields).toContainEqual({
      field: 'payment_amount',
      column: 'payment_amount',
      required: true,
      found: true,
    });
    const wrong = await call('POST', '/connections/sessions/test', {
      ...mapping,
      columns: { ...mapping.columns, payment_amount: 'amount' },
    });
    expect(wrong.json.ok).toBe(false);
    expect(wrong.json.fields).toContainEqual({
      field: 'payment_amount',
      column: 'amount',
      required: true,
      found: false,
    });
    expect(wrong.json.problems[0]).toMatch(
      /^payment_amount: column 'amount' is not in sessions\.csv/,
    );
  });

  it('tests a PostgreSQL connection and never shows or logs its password', async () => {
    const mapping = {
      source: {
        type: 'postgres',
        host: postgres.host,
        port: postgres.port,
        database: postgres.database,
        user: postgres.user,
        password: PG_PASSWORD,
        table: 'customers',
      },
      columns: { signup_date: 'signup_date' },
    };
    const saved = await call('PUT', '/connections/customers', mapping);
    expect(saved.status).toBe(200);
    expect(saved.json.mapping.source.password).toBe('********');
    const tested = await call('POST', '/connections/customers/test');
    expect(tested.json).toMatchObject({
      ok: true,
      columns: ['client', 'download_date', 'signup_date'],
    });
    expect(tested.json.sample.map((row: { client: string }) => row.client)).toEqual([
      'c1',
      'c2',
      'c3',
      'c4',
      'c5',
    ]);
    const listed = await call('GET', '/connections');
    expect(listed.json[0].mapping.source.password).toBe('********');
    const stored = await client.get({ index: `${prefix}config`, id: 'connection-customers' });
    expect(JSON.stringify(stored._source)).not.toContain(PG_PASSWORD);
    const allText = [...responses, ...logLines].join('\n');
    expect(allText).not.toContain(PG_PASSWORD);
    expect(logLines.some((line) => line.includes('connection saved'))).toBe(true);
  });
});

describe('admin API: runs and schedules', () => {
  it('runs once from the CSV connections; a second trigger meanwhile gets 409 and is recorded refused', async () => {
    const connections = csvConnections(demo);
    for (const role of ['sessions', 'customers', 'products'] as const) {
      expect((await call('PUT', `/connections/${role}`, connections[role])).status).toBe(200);
    }
    const started = await call('POST', '/runs', {});
    expect(started.status).toBe(202);
    const second = await call('POST', '/runs', {});
    expect(second.status).toBe(409);
    const runId = started.json.run_id as string;
    const finished = await waitFor('the run to end', async () => {
      const run = await call('GET', `/runs/${runId}`);
      return run.json.status !== 'running' ? run.json : null;
    });
    expect(finished.status).toBe('complete');
    expect(
      finished.stages.map((s: { name: string; status: string }) => `${s.name}:${s.status}`),
    ).toEqual([
      'ingest:check:complete',
      'ingest:load:complete',
      'ingest:publish:complete',
      'discover:complete',
      'customers:complete',
      'order_pass:complete',
      'reports:complete',
    ]);
    const refused = await call('GET', '/runs?status=refused');
    expect(refused.json.total).toBe(1);
    // The lock is held by this process: the service runs inside the test's worker.
    const holder = `${hostname()}:${process.pid}`;
    expect(refused.json.runs[0]).toMatchObject({
      status: 'refused',
      kind: 'full',
      stages: [],
      error: `refused: run ${runId} was in progress (lock held by ${holder})`,
      summary: { trigger: 'run now', refused_because: runId, lock_owner: holder },
    });
    expect(second.json.message).toContain(refused.json.runs[0].run_id);
    expect((await call('GET', '/runs?status=failed')).json.total).toBe(0);
    const logs = await call('GET', `/logs?run_id=${runId}&level=info`);
    expect(logs.json.lines.length).toBeGreaterThan(0);
    expect(logs.json.lines.every((l: { run_id: string }) => l.run_id === runId)).toBe(true);
    const runLines = logLines.filter((line) => line.includes('"run started"'));
    expect(runLines.every((line) => JSON.parse(line).run_id)).toBe(true);
  });

  it('a run whose process crashes is recorded failed with the signal, and the lock is freed', async () => {
    const started = await call('POST', '/runs', {});
    expect(started.status).toBe(202);
    const runId = started.json.run_id as string;
    const pid = await waitFor('the run’s process', async () => {
      const run = await call('GET', `/runs/${runId}`);
      const working = run.json.stages.some((s: { status: string }) => s.status !== 'pending');
      return working ? service.coordinator.runningProcessId : null;
    });
    expect(pid).not.toBe(process.pid);
    process.kill(pid, 'SIGKILL');
    await service.coordinator.idle();
    const run = (await call('GET', `/runs/${runId}`)).json;
    expect(run.status).toBe('failed');
    expect(run.error).toBe(`the run's process (pid ${pid}) was killed by SIGKILL`);
    expect(run.stages.some((s: { status: string }) => s.status === 'running')).toBe(false);
    expect(run.finished_at).toEqual(expect.any(String));
    const next = await call('POST', '/runs', { skip_ingest: true });
    expect(next.status).toBe(202);
    await service.coordinator.idle();
  });

  it('fires a per-second cron schedule, records its runs, and stops when deleted', async () => {
    const created = await call('POST', '/schedules', {
      name: 'every second',
      period: 'cron',
      cron: '* * * * * *',
    });
    expect(created.status).toBe(201);
    const triggered = `schedule 'every second'`;
    const byScheduleQuery = async () => {
      await client.indices.refresh({ index: `${prefix}runs` });
      const runs = await call('GET', '/runs?size=100');
      return (runs.json.runs as Array<{ summary?: { trigger?: string } }>).filter(
        (run) => run.summary?.trigger === triggered,
      ).length;
    };
    await waitFor('two runs of the schedule', async () => (await byScheduleQuery()) >= 2, 30_000);
    expect((await call('DELETE', `/schedules/${created.json.id}`)).status).toBe(204);
    await service.coordinator.idle();
    const after = await byScheduleQuery();
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(await byScheduleQuery()).toBe(after);
    expect((await call('GET', '/schedules')).json).toEqual([]);
  });

  it('a restarted service arms its stored schedules again', async () => {
    const hourly = await call('POST', '/schedules', { name: 'hourly', period: 'hourly' });
    expect(hourly.json.cron).toBe('0 * * * *');
    await service.close();
    service = await startTestService(
      client,
      prefix,
      mkdtempSync(join(tmpdir(), 'ca-svc-')),
      logLines,
    );
    api = adminClient(service.url);
    expect(service.scheduler.size).toBe(1);
    expect((await call('GET', '/schedules')).json.map((s: { name: string }) => s.name)).toEqual([
      'hourly',
    ]);
    expect([...responses, ...logLines].join('\n')).not.toContain(PG_PASSWORD);
  });
});
