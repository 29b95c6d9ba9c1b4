import type { Client } from '@elastic/elasticsearch';
import type { RunDocument } from '../../../common/documents';

export interface FinishedRun {
  runId: string;
  finishedAt: string;
}

/** The newest run of one of `kinds` that completed, or null (also when the index is missing). */
export async function lastCompleteRun(
  client: Client,
  runsIndex: string,
  kinds: ReadonlyArray<RunDocument['kind']>,
): Promise<FinishedRun | null> {
  const response = await client.search<Pick<RunDocument, 'run_id' | 'finished_at'>>({
    index: runsIndex,
    ignore_unavailable: true,
    size: 1,
    query: {
      bool: { filter: [{ term: { status: 'complete' } }, { terms: { kind: [...kinds] } }] },
    },
    sort: [{ finished_at: { order: 'desc', unmapped_type: 'date' } }],
    _source: ['run_id', 'finished_at'],
  });
  const source = response.hits.hits[0]?._source;
  if (!source?.finished_at) return null;
  return { runId: source.run_id, finishedAt: source.finished_at };
}

/**
 * Whether the newest complete analyses run already covers the data: it finished after the newest
 * complete ingest (or nothing was ever recorded as ingested). Returns that run, or null when
 * something was ingested since (or no analyses run completed).
 */
export async function analysesCurrentRun(
  client: Client,
  runsIndex: string,
): Promise<FinishedRun | null> {
  const [analysed, ingested] = await Promise.all([
    lastCompleteRun(client, runsIndex, ['analyses', 'full']),
    lastCompleteRun(client, runsIndex, ['ingest', 'full']),
  ]);
  if (!analysed) return null;
  if (ingested && Date.parse(ingested.finishedAt) >= Date.parse(analysed.finishedAt)) return null;
  return analysed;
}
