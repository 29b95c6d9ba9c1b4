import type { Client } from '@elastic/elasticsearch';
import type { RunDocument } from '../../../common/documents';
import { MAPPINGS } from '../es/mappings';
import { abandonedNow } from './heartbeat';
import { HEARTBEAT_INTERVAL_MS } from './run_recorder';

/** A running run silent for this long belongs to a process that died (12 missed heartbeats). */
export const DEFAULT_ABANDONED_AFTER_MS = 12 * HEARTBEAT_INTERVAL_MS;

/**
 * Marks `interrupted` (when, and why, in `finished_at` and `error`) every run still `running`
 * whose process is gone: known at once when it ran on this machine, otherwise when its heartbeat
 * (or start, for runs recorded before heartbeats existed) is older than `abandonedAfterMs`. No one
 * will finish such a run. Returns the run ids it marked.
 */
export async function markAbandonedRuns(
  client: Client,
  runsIndex: string,
  abandonedAfterMs: number = DEFAULT_ABANDONED_AFTER_MS,
  now: Date = new Date(),
): Promise<string[]> {
  await addRunFields(client, runsIndex);
  // A run recorded just before its owner died (the service answers 202 after writing it, without
  // waiting for a refresh) is not searchable until the next refresh: make it so now.
  await client.indices.refresh({ index: runsIndex, ignore_unavailable: true });
  // Every running run is read, not only silent ones: on its own machine a killed owner is known
  // at once, without waiting for its heartbeat to age (see heartbeat.ts).
  const response = await client.search<RunDocument>({
    index: runsIndex,
    ignore_unavailable: true,
    size: 100,
    seq_no_primary_term: true,
    query: { bool: { filter: [{ term: { status: 'running' } }] } },
  });
  const marked: string[] = [];
  for (const hit of response.hits.hits) {
    const run = hit._source;
    if (!run || hit._seq_no === undefined) continue;
    const reason = abandonedNow(run, abandonedAfterMs, now);
    if (reason === null) continue;
    const stages = run.stages.map((stage) =>
      stage.status === 'running' ? { ...stage, status: 'failed' as const } : stage,
    );
    try {
      await client.update({
        index: runsIndex,
        id: hit._id!,
        if_seq_no: hit._seq_no,
        if_primary_term: hit._primary_term!,
        refresh: 'wait_for',
        doc: {
          status: 'interrupted',
          finished_at: now.toISOString(),
          stages,
          error: `interrupted: ${reason}; found at ${now.toISOString()}`,
        },
      });
      marked.push(run.run_id);
    } catch (error) {
      // A heartbeat landed meanwhile: the run is alive after all.
      if ((error as { meta?: { statusCode?: number } }).meta?.statusCode !== 409) throw error;
    }
  }
  return marked;
}

/**
 * A `runs` index created before runs had a heartbeat and an owner gets those fields (its mapping
 * is strict, so a run document carrying them would be refused). Adding fields is always allowed.
 */
async function addRunFields(client: Client, runsIndex: string): Promise<void> {
  if (!(await client.indices.exists({ index: runsIndex }))) return;
  const fields = MAPPINGS.runs.properties!;
  await client.indices.putMapping({
    index: runsIndex,
    properties: { heartbeat_at: fields.heartbeat_at!, owner: fields.owner! },
  });
}
