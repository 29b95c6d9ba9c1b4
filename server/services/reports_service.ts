import type { ElasticsearchClient } from '@kbn/core/server';
import type { ReportDocument } from '../../common/documents';
import type { IndexNames } from '../../common/indices';

/**
 * Reads reports the way the sidecar's report store writes them (sidecar/src/reports/
 * report_store.ts; the plugin ships without the sidecar, so the two queries are repeated here):
 * a report is visible only once its run is complete, and the newest complete run wins.
 */
export type LatestReport =
  | { found: true; report: ReportDocument }
  | { found: false; reason: 'no_complete_run' }
  | { found: false; reason: 'not_in_run'; runId: string };

/** Same id scheme as the writer: `${runId}:${report}:${type}:${dimension}`. */
export function reportDocumentId(
  runId: string,
  report: string,
  type: string,
  dimension: string,
): string {
  return `${runId}:${report}:${type}:${dimension}`;
}

/** The newest run with status complete that produced reports (kind analyses or full), or null. */
export async function latestCompleteRunId(
  client: ElasticsearchClient,
  indices: IndexNames,
): Promise<string | null> {
  const response = await client.search<{ run_id: string }>({
    index: indices.runs,
    size: 1,
    query: {
      bool: {
        filter: [{ term: { status: 'complete' } }, { terms: { kind: ['analyses', 'full'] } }],
      },
    },
    sort: [{ finished_at: 'desc' }],
    _source: ['run_id'],
  });
  return response.hits.hits[0]?._source?.run_id ?? null;
}

export async function readLatestReport(
  client: ElasticsearchClient,
  indices: IndexNames,
  report: string,
  type: string,
  dimension: string,
): Promise<LatestReport> {
  const runId = await latestCompleteRunId(client, indices);
  if (!runId) return { found: false, reason: 'no_complete_run' };
  const response = await client.get<ReportDocument>(
    { index: indices.reports, id: reportDocumentId(runId, report, type, dimension) },
    { ignore: [404] },
  );
  if (!response.found || !response._source) return { found: false, reason: 'not_in_run', runId };
  return { found: true, report: response._source };
}
