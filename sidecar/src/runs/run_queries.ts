import type { Client } from '@elastic/elasticsearch';
import type { LogPage, RunList, RunListItem } from '../../../common/admin_api';
import type { RunDocument } from '../../../common/documents';

/** Runs newest first, without their log lines (the run list polls this while a run is on). */
export async function listRuns(
  client: Client,
  runsIndex: string,
  query: { size: number; from: number; status?: string },
): Promise<RunList> {
  const response = await client.search<RunListItem>({
    index: runsIndex,
    ignore_unavailable: true,
    size: query.size,
    from: query.from,
    track_total_hits: true,
    query: query.status ? { term: { status: query.status } } : { match_all: {} },
    sort: [{ started_at: { order: 'desc', unmapped_type: 'date' } }],
    _source: { excludes: ['logs'] },
  });
  const total = response.hits.total;
  return {
    total: typeof total === 'number' ? total : (total?.value ?? 0),
    runs: response.hits.hits.map((hit) => ({ ...hit._source!, stages: hit._source!.stages ?? [] })),
  };
}

export async function getRun(
  client: Client,
  runsIndex: string,
  runId: string,
): Promise<RunDocument | null> {
  const response = await client.get<RunDocument>(
    { index: runsIndex, id: runId },
    { ignore: [404] },
  );
  return response.found ? response._source! : null;
}

const LOG_RUNS_SCANNED = 50;

/**
 * Log lines, newest run first and in order within a run. Lines are stored with their run (not
 * indexed), so the filter by level and the paging happen here over the newest 50 runs.
 */
export async function listLogs(
  client: Client,
  runsIndex: string,
  query: { run_id?: string; level?: string; size: number; from: number },
): Promise<LogPage> {
  const response = await client.search<Pick<RunDocument, 'run_id' | 'logs'>>({
    index: runsIndex,
    ignore_unavailable: true,
    size: query.run_id ? 1 : LOG_RUNS_SCANNED,
    query: query.run_id ? { term: { run_id: query.run_id } } : { match_all: {} },
    sort: [{ started_at: { order: 'desc', unmapped_type: 'date' } }],
    _source: ['run_id', 'logs'],
  });
  const lines = response.hits.hits.flatMap((hit) =>
    (hit._source?.logs ?? [])
      .filter((line) => !query.level || line.level === query.level)
      .map((line) => ({ run_id: hit._source!.run_id, ...line })),
  );
  return { total: lines.length, lines: lines.slice(query.from, query.from + query.size) };
}
