/**
 * Staging indices left behind by ingests that will never publish them (killed, interrupted, or
 * failed while Elasticsearch was away) hold up to a full copy of the data each. The next ingest
 * deletes those it can prove dead: behind no live alias, and named after a run (of this prefix's
 * `runs` index) that is over — no longer `running`, or running in a process that is gone (see
 * runs/heartbeat.ts). An index whose run id is unknown is left alone unless it has the shape of
 * our run ids and is over a day old (ingests recorded nothing before runs existed). Indices of
 * another prefix never qualify: their names do not parse as `<this prefix>orders-<run id>`.
 */
import type { Client } from '@elastic/elasticsearch';
import type { RunDocument } from '../../../common/documents';
import type { IndexNames } from '../../../common/indices';
import { concreteIndices, INITIAL_INDEX_ID } from '../es/templates';
import { DEFAULT_ABANDONED_AFTER_MS } from '../runs/abandoned_runs';
import { abandonedNow } from '../runs/heartbeat';
import { currentTargets } from './staging';

/** A staging index no run document names, older than this, is a leftover of an older version. */
export const UNRECORDED_AGE_MS = 24 * 3600_000;

/** `newRunId()` lowercased, as physical index names carry it. */
const RUN_ID_SHAPE = /^\d{8}t\d{6}z-[0-9a-f]{6}$/;

const ROLES = ['orders', 'downloads'] as const;

export interface RemovedStaging {
  index: string;
  run_id: string;
  reason: string;
}

/** What is known of one candidate: the run it names (if recorded) and when it was created. */
export interface StagingCandidate {
  runKey: string;
  run: Pick<RunDocument, 'status' | 'started_at' | 'heartbeat_at' | 'owner'> | null;
  createdMs: number;
}

/**
 * Why a staging index behind no alias may be deleted, or null when its ingest may still be in
 * progress. `abandoned` says why a `running` run's process is gone (null: it may be alive).
 */
export function deadStagingReason(
  candidate: StagingCandidate,
  nowMs: number,
  abandoned: (run: NonNullable<StagingCandidate['run']>) => string | null,
): string | null {
  const { run } = candidate;
  if (run === null) {
    if (!RUN_ID_SHAPE.test(candidate.runKey)) return null;
    const ageMs = nowMs - candidate.createdMs;
    return ageMs > UNRECORDED_AGE_MS
      ? `no run recorded, created ${Math.round(ageMs / 3600_000)} h ago`
      : null;
  }
  if (run.status !== 'running') return `its run is ${run.status}`;
  const reason = abandoned(run);
  return reason === null ? null : `its run is abandoned: ${reason}`;
}

/** Run documents by lowercased run id (index names lowercase them), read in real time. */
async function runsByKey(
  client: Client,
  runsIndex: string,
  keys: string[],
): Promise<Map<string, RunDocument>> {
  const found = await client.search<RunDocument>({
    index: runsIndex,
    ignore_unavailable: true,
    size: keys.length,
    query: {
      bool: {
        should: keys.map((key) => ({ term: { run_id: { value: key, case_insensitive: true } } })),
      },
    },
    _source: false,
  });
  const ids = found.hits.hits.map((hit) => hit._id!);
  const runs = new Map<string, RunDocument>();
  if (ids.length === 0) return runs;
  // The search only names them: a GET sees the latest heartbeat, even one not yet refreshed.
  const read = await client.mget<RunDocument>({ index: runsIndex, ids });
  for (const doc of read.docs) {
    if ('found' in doc && doc.found && doc._source) {
      runs.set(doc._source.run_id.toLowerCase(), doc._source);
    }
  }
  return runs;
}

/** This prefix's staging indices behind no live alias, with the run id each is named after. */
async function unpublished(client: Client, names: IndexNames) {
  const indices: Array<{ index: string; runKey: string }> = [];
  for (const role of ROLES) {
    const live = new Set(await currentTargets(client, names[role]));
    for (const index of await concreteIndices(client, names[role])) {
      const runKey = index.slice(names[role].length + 1);
      if (live.has(index) || !index.startsWith(`${names[role]}-`)) continue;
      if (runKey === INITIAL_INDEX_ID) continue;
      indices.push({ index, runKey });
    }
  }
  return indices;
}

/**
 * Deletes this prefix's staging indices whose ingest is over (see the file comment) and returns
 * them with the reason. Call it before creating the ingest's own staging indices.
 */
export async function removeDeadStaging(
  client: Client,
  names: IndexNames,
  options: { now?: Date; abandonedAfterMs?: number } = {},
): Promise<RemovedStaging[]> {
  const now = options.now ?? new Date();
  const staleAfterMs = options.abandonedAfterMs ?? DEFAULT_ABANDONED_AFTER_MS;
  const candidates = await unpublished(client, names);
  if (candidates.length === 0) return [];
  const runKeys = [...new Set(candidates.map((c) => c.runKey))];
  const [runs, settings] = await Promise.all([
    runsByKey(client, names.runs, runKeys),
    client.indices.getSettings({
      index: candidates.map((c) => c.index),
      name: 'index.creation_date',
      ignore_unavailable: true,
    }),
  ]);
  const removed: RemovedStaging[] = [];
  for (const { index, runKey } of candidates) {
    const created = Number(settings[index]?.settings?.index?.creation_date ?? now.getTime());
    const run = runs.get(runKey) ?? null;
    const reason = deadStagingReason({ runKey, run, createdMs: created }, now.getTime(), (r) =>
      abandonedNow(r, staleAfterMs, now),
    );
    if (reason !== null) removed.push({ index, run_id: run?.run_id ?? runKey, reason });
  }
  if (removed.length > 0) {
    await client.indices.delete({
      index: removed.map((r) => r.index),
      ignore_unavailable: true,
    });
  }
  return removed;
}
