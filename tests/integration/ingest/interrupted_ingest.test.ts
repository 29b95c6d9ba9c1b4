import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Client } from '@elastic/elasticsearch';
import type { RunDocument } from '../../../common/documents';
import { indexNames, type IndexNames } from '../../../common/indices';
import { writeDemoFiles } from '../../../sidecar/src/demo/write_files';
import { ensureIndices, physicalIndexName } from '../../../sidecar/src/es/templates';
import { demoConfig } from '../../../sidecar/src/ingest/config';
import { removeDeadStaging } from '../../../sidecar/src/ingest/staging_cleanup';
import { ingestJob } from '../../../sidecar/src/jobs/ingest_job';
import { PROJECT_ROOT } from '../../../sidecar/src/paths';
import { markAbandonedRuns } from '../../../sidecar/src/runs/abandoned_runs';
import { dropPrefix, testClient, testPrefix } from '../../helpers/es';

/** `customer-analytics ingest --demo <dir>` as a child process against the shared node. */
function startIngest(prefix: string, directory: string, errors: string) {
  const child: ChildProcess = spawn(
    process.execPath,
    [
      ...['--import', 'tsx', 'sidecar/src/cli/main.ts', 'ingest', '--demo', directory],
      ...['--prefix', prefix, '--errors', errors],
    ],
    {
      cwd: PROJECT_ROOT,
      env: { ...process.env, ES_URL: inject('esUrl') },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout!.resume();
  let exited = false;
  const exit = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      exited = true;
      resolve(code);
    }),
  );
  return { child, exit, exited: () => exited, stderr: () => stderr };
}

type IngestChild = ReturnType<typeof startIngest>;

/** Waits until an ingest under `names` is running and has indexed into its staging orders. */
async function loadingRun(
  client: Client,
  names: IndexNames,
  ingest: IngestChild,
  timeoutMs = 180_000,
) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (ingest.exited()) throw new Error(`the ingest exited before loading:\n${ingest.stderr()}`);
    // The child creates the runs index: its shards may not be searchable yet.
    const found = await client
      .search<RunDocument>({
        index: names.runs,
        ignore_unavailable: true,
        query: {
          bool: { filter: [{ term: { status: 'running' } }, { term: { kind: 'ingest' } }] },
        },
      })
      .catch(() => ({ hits: { hits: [] as Array<{ _source?: RunDocument }> } }));
    const runId = found.hits.hits[0]?._source?.run_id;
    if (runId) {
      const index = physicalIndexName(names.orders, runId);
      const stats = await client.indices.stats({ index, metric: 'indexing' }, { ignore: [404] });
      if ((stats.indices?.[index]?.primaries?.indexing?.index_total ?? 0) > 0) return runId;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(
    `no ingest under ${names.orders} started loading within ${timeoutMs} ms:\n${ingest.stderr()}`,
  );
}

async function physical(client: Client, alias: string): Promise<string[]> {
  const found = await client.indices.get({ index: `${alias}-*`, expand_wildcards: 'all' });
  return Object.keys(found).sort();
}

async function run(client: Client, names: IndexNames, runId: string): Promise<RunDocument> {
  return (await client.get<RunDocument>({ index: names.runs, id: runId }))._source!;
}

describe('an interrupted ingest leaves nothing behind', () => {
  const work = mkdtempSync(join(tmpdir(), 'interrupted-ingest-'));
  const big = join(work, 'big');
  const small = join(work, 'small');
  let client: Client;
  const prefixes: string[] = [];
  const children: ChildProcess[] = [];

  /** A prefix dropped after the tests. */
  function prefix(label: string): string {
    const value = testPrefix(`interrupted-${label}`);
    prefixes.push(value);
    return value;
  }

  function ingestChild(prefixValue: string, errorsName: string) {
    const started = startIngest(prefixValue, big, join(work, errorsName));
    children.push(started.child);
    return started;
  }

  beforeAll(async () => {
    client = testClient();
    // About 330 k sessions: a load of several seconds on this host, long enough to stop mid-way.
    await writeDemoFiles({ customers: 30_000, days: 90, seed: 20 }, big);
    await writeDemoFiles({ customers: 40, days: 20, seed: 20 }, small);
  });
  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    for (const value of prefixes) await dropPrefix(client, value);
    await client.close();
    rmSync(work, { recursive: true, force: true });
  });

  it(
    'after a SIGKILL mid-load, the next ingest deletes the leftovers and marks the run interrupted',
    { timeout: 480_000 },
    async () => {
      const killPrefix = prefix('kill');
      const names = indexNames(killPrefix);
      const killed = ingestChild(killPrefix, 'killed.ndjson');
      const runId = await loadingRun(client, names, killed);
      killed.child.kill('SIGKILL');
      await killed.exit;
      const leftover = physicalIndexName(names.orders, runId);
      expect(await physical(client, names.orders)).toContain(leftover);
      expect((await run(client, names, runId)).status).toBe('running');

      const summary = await ingestJob(client, {
        prefix: killPrefix,
        config: demoConfig(small),
        errorsFile: join(work, 'after-kill.ndjson'),
      });
      const live = physicalIndexName(names.orders, summary.run_id);
      expect(await physical(client, names.orders)).toEqual([live]);
      expect(await physical(client, names.downloads)).toEqual([
        physicalIndexName(names.downloads, summary.run_id),
      ]);
      expect(summary.removed_staging.map((r) => r.index)).toContain(leftover);
      for (const removed of summary.removed_staging) {
        expect(removed).toMatchObject({ run_id: runId, reason: 'its run is interrupted' });
      }
      const dead = await run(client, names, runId);
      expect(dead.status).toBe('interrupted');
      expect(dead.finished_at).not.toBeNull();
      expect(dead.error).toMatch(
        new RegExp(`^interrupted: process ${killed.child.pid} on \\S+ is gone \\(last heartbeat `),
      );
    },
  );

  it(
    'SIGINT mid-load deletes its staging indices, records the run interrupted and exits non-zero; an ingest of another prefix and one in progress are never touched',
    { timeout: 480_000 },
    async () => {
      const minePrefix = prefix('sigint');
      const otherPrefix = prefix('parallel');
      const mine = indexNames(minePrefix);
      const other = indexNames(otherPrefix);
      const stopped = ingestChild(minePrefix, 'stopped.ndjson');
      const parallel = ingestChild(otherPrefix, 'parallel.ndjson');
      // Each is paused (SIGSTOP) once loading, so that neither can finish on a fast host before
      // the checks: a paused process is alive, its heartbeat silent.
      const pausedWhenLoading = (names: IndexNames, ingest: IngestChild) =>
        loadingRun(client, names, ingest).then((runId) => {
          ingest.child.kill('SIGSTOP');
          return runId;
        });
      const [runId, otherRunId] = await Promise.all([
        pausedWhenLoading(mine, stopped),
        pausedWhenLoading(other, parallel),
      ]);

      // Another ingest of the same prefix while the first is loading: its staging stays.
      const during = await ingestJob(client, {
        prefix: minePrefix,
        config: demoConfig(small),
        errorsFile: join(work, 'during.ndjson'),
      });
      expect(during.removed_staging).toEqual([]);
      expect(await physical(client, mine.orders)).toContain(physicalIndexName(mine.orders, runId));

      stopped.child.kill('SIGCONT');
      stopped.child.kill('SIGINT');
      expect(await stopped.exit).toBe(130);
      const interrupted = stopped
        .stderr()
        .split('\n')
        .filter((line) => /interrupted/.test(line));
      expect(interrupted).toEqual([
        `ingest ${runId} interrupted by SIGINT during ingest:load: nothing was published, its staging indices were deleted; the data users see is unchanged`,
      ]);
      expect(await physical(client, mine.orders)).toEqual([
        physicalIndexName(mine.orders, during.run_id),
      ]);
      expect(await physical(client, mine.downloads)).toEqual([
        physicalIndexName(mine.downloads, during.run_id),
      ]);
      const record = await run(client, mine, runId);
      expect(record.status).toBe('interrupted');
      expect(record.error).toBe(interrupted[0]);

      // The other prefix's ingest went on untouched: still running, its staging still there.
      expect((await run(client, other, otherRunId)).status).toBe('running');
      expect(await physical(client, other.orders)).toContain(
        physicalIndexName(other.orders, otherRunId),
      );
      parallel.child.kill('SIGCONT');
      parallel.child.kill('SIGTERM');
      expect(await parallel.exit).toBe(143);
      expect((await run(client, other, otherRunId)).status).toBe('interrupted');
      expect(await physical(client, other.orders)).toEqual([
        physicalIndexName(other.orders, 'initial'),
      ]);
    },
  );

  it('runs of other hosts are judged by their heartbeat; an index behind a live alias is never deleted', async () => {
    const names = await ensureIndices(client, { prefix: prefix('alias') });
    const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
    const elsewhere = { pid: 7, hostname: 'elsewhere', pid_namespace: null, process_start: null };
    const runs = {
      live: { status: 'interrupted', heartbeat_at: minutesAgo(30) },
      silent: { status: 'running', heartbeat_at: minutesAgo(10) },
      beating: { status: 'running', heartbeat_at: minutesAgo(0) },
    } as const;
    const ids = {
      live: '20250101T000000Z-aaaaaa',
      silent: '20250101T000000Z-bbbbbb',
      beating: '20250101T000000Z-cccccc',
    };
    for (const [name, run] of Object.entries(runs)) {
      const runId = ids[name as keyof typeof ids];
      await client.index({
        index: names.runs,
        id: runId,
        refresh: true,
        document: {
          run_id: runId,
          kind: 'ingest',
          started_at: minutesAgo(40),
          owner: elsewhere,
          stages: [],
          logs: [],
          ...run,
        },
      });
      await client.indices.create({ index: physicalIndexName(names.orders, runId) });
    }
    // The interrupted run's index is what users read (besides the initial one).
    const liveIndex = physicalIndexName(names.orders, ids.live);
    await client.indices.updateAliases({
      actions: [{ add: { index: liveIndex, alias: names.orders } }],
    });

    expect(await markAbandonedRuns(client, names.runs)).toEqual([ids.silent]);
    const silent = await run(client, names, ids.silent);
    expect(silent.status).toBe('interrupted');
    expect(silent.error).toMatch(
      /^interrupted: no heartbeat from process 7 on elsewhere for 60\d s \(last .*; the limit is 60 s\); found at /,
    );
    expect((await run(client, names, ids.beating)).status).toBe('running');

    const removed = await removeDeadStaging(client, names);
    expect(removed).toEqual([
      {
        index: physicalIndexName(names.orders, ids.silent),
        run_id: ids.silent,
        reason: 'its run is interrupted',
      },
    ]);
    expect(await physical(client, names.orders)).toEqual(
      [
        physicalIndexName(names.orders, 'initial'),
        liveIndex,
        physicalIndexName(names.orders, ids.beating),
      ].sort(),
    );
  });
});
