import type { ElasticsearchClient } from '@kbn/core/server';
import type { ReportDocument } from '../../common/documents';
import type { IndexNames } from '../../common/indices';
import {
  completeRunFromHits,
  latestCompleteRunSearch,
  reportDocumentId,
  type CompleteRun,
} from '../../common/report_reading';

/**
 * Reads reports the way the sidecar writes them, through common/report_reading.ts: a report is
 * visible only once its run is complete, and the newest complete run wins.
 */
export type LatestReport =
  | { found: true; report: ReportDocument }
  | { found: false; reason: 'no_complete_run' }
  | { found: false; reason: 'not_in_run'; runId: string };

/**
 * The newest complete analyses run (its id and recorded dimensions), or null. Without the runs
 * index Elasticsearch's index_not_found error is thrown unless `missingIndexIsEmpty`.
 */
export async function latestCompleteRun(
  client: ElasticsearchClient,
  indices: IndexNames,
  missingIndexIsEmpty = false,
): Promise<CompleteRun | null> {
  const response = await client.search<{ run_id: string }>(
    latestCompleteRunSearch(indices.runs, missingIndexIsEmpty),
  );
  return completeRunFromHits(response.hits.hits);
}

export async function readLatestReport(
  client: ElasticsearchClient,
  indices: IndexNames,
  report: string,
  type: string,
  dimension: string,
): Promise<LatestReport> {
  const run = await latestCompleteRun(client, indices);
  if (!run) return { found: false, reason: 'no_complete_run' };
  const response = await client.get<ReportDocument>(
    { index: indices.reports, id: reportDocumentId(run.runId, report, type, dimension) },
    { ignore: [404] },
  );
  if (!response.found || !response._source) {
    return { found: false, reason: 'not_in_run', runId: run.runId };
  }
  return { found: true, report: response._source };
}
